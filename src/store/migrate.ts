import { migrationRunner } from '@forge/sql';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations';

/** Runs every pending migration through @forge/sql's runner; returns the names it applied. */
export async function runMigrations(): Promise<string[]> {
  for (const m of MIGRATIONS) migrationRunner.enqueue(m.name, m.statement);
  return migrationRunner.run();
}

/** Where the applied schema version is remembered (Forge KVS on Forge, memory or file locally). */
export interface SchemaMarker {
  read(): Promise<string | null>;
  write(version: string): Promise<void>;
}

/**
 * Per installation: a warm container serves several installations, and "this one's schema is
 * ensured" says nothing about the next (tenant-data-isolation). Keyed by installation id; bounded.
 */
const ensured = new Map<string, Promise<void>>();
const MAX_REMEMBERED_INSTALLATIONS = 64;

/**
 * "Before first use": every entry point awaits this. The runner itself costs DDL requests (Forge
 * SQL allows 25 DDL per minute per install), so a marker short-circuits it once the latest
 * migration is known to be applied, and one warm invocation runs it at most once per installation.
 */
export function ensureSchema(
  installId: string,
  marker: SchemaMarker,
  run: () => Promise<string[]> = runMigrations,
): Promise<void> {
  const known = ensured.get(installId);
  if (known !== undefined) return known;
  const attempt = (async () => {
    if ((await marker.read()) === LATEST_MIGRATION) return;
    await run();
    await marker.write(LATEST_MIGRATION);
  })().catch((error: unknown) => {
    ensured.delete(installId); // let the next invocation try again
    throw error;
  });
  if (ensured.size >= MAX_REMEMBERED_INSTALLATIONS) ensured.delete(ensured.keys().next().value as string);
  ensured.set(installId, attempt);
  return attempt;
}

/** Tests and the local runtime start from a clean slate (one installation, or all). */
export function resetSchemaMemo(installId?: string): void {
  if (installId === undefined) ensured.clear();
  else ensured.delete(installId);
}
