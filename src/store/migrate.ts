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

let ensured: Promise<void> | null = null;

/**
 * "Before first use": every entry point awaits this. The runner itself costs two DDL requests
 * (Forge SQL allows 25 DDL per minute per install), so a marker short-circuits it once the latest
 * migration is known to be applied, and one warm invocation runs it at most once.
 */
export function ensureSchema(
  marker: SchemaMarker,
  run: () => Promise<string[]> = runMigrations,
): Promise<void> {
  ensured ??= (async () => {
    if ((await marker.read()) === LATEST_MIGRATION) return;
    await run();
    await marker.write(LATEST_MIGRATION);
  })().catch((error: unknown) => {
    ensured = null; // let the next invocation try again
    throw error;
  });
  return ensured;
}

/** Tests and the local runtime start from a clean slate. */
export function resetSchemaMemo(): void {
  ensured = null;
}
