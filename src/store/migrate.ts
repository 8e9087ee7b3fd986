import { sql } from '@forge/sql';
import { LATEST_MIGRATION, MIGRATIONS, type Migration } from './migrations';

/**
 * Forge SQL allows 25 DDL requests a minute per installation (limits-sql) and asks apps to run one
 * migration runner at a time. The runner here keeps @forge/sql's `__migrations` table (so installs
 * migrated by the SDK's runner carry on), but spends at most DDL_PER_MINUTE DDL requests in any
 * minute — across invocations and containers, through the shared DDL log — and lists what is
 * applied with a plain SELECT (the SDK's runner spends a DDL request on that).
 */
export const DDL_PER_MINUTE = 20;
const MINUTE_MS = 60_000;
/** Stop waiting for budget this long before the invocation's deadline. */
const DEADLINE_MARGIN_MS = 5_000;

const CREATE_MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS __migrations (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(255) NOT NULL, migratedAt TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)';

/** The schema is not complete yet and this invocation cannot finish it: try again after a while. */
export class SchemaNotReadyError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    reason: string,
  ) {
    super(`schema not ready: ${reason}`);
    this.name = 'SchemaNotReadyError';
  }
}

/** The installation's runner lock and the DDL requests every runner made recently (Forge KVS). */
export interface MigrationLock {
  /** Takes the lock; false when another runner holds it. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
  /** Epoch ms of the DDL requests made in the last minute, by any runner. */
  recentDdl(): Promise<number[]>;
  recordDdl(times: readonly number[]): Promise<void>;
}

export interface MigrationOptions {
  migrations?: readonly Migration[];
  ddlPerMinute?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Epoch ms by which this invocation must be done; null: it may wait as long as it takes. */
  deadline?: number | null;
  lock?: Pick<MigrationLock, 'recentDdl' | 'recordDdl'>;
}

async function appliedNames(budget: () => Promise<void>, record: () => Promise<void>): Promise<Set<string>> {
  const list = async () =>
    new Set(
      (await sql.prepare<{ name: string }>('SELECT name FROM __migrations').execute()).rows.map(
        (r) => r.name,
      ),
    );
  try {
    return await list();
  } catch {
    // No table yet (a fresh install): the one DDL request a first run spends on bookkeeping.
    await budget();
    await sql.executeDDL(CREATE_MIGRATIONS_TABLE);
    await record();
    return list();
  }
}

/** Applies every pending migration in order within the DDL budget; returns the names applied. */
export async function runMigrations(options: MigrationOptions = {}): Promise<string[]> {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const perMinute = options.ddlPerMinute ?? DDL_PER_MINUTE;
  const recent = [...((await options.lock?.recentDdl()) ?? [])];
  const budget = async (): Promise<void> => {
    for (;;) {
      const t = now();
      while (recent.length > 0 && (recent[0] ?? 0) <= t - MINUTE_MS) recent.shift();
      if (recent.length < perMinute) return;
      const wait = (recent[0] ?? t) + MINUTE_MS - t;
      const deadline = options.deadline ?? null;
      if (deadline !== null && t + wait > deadline - DEADLINE_MARGIN_MS)
        throw new SchemaNotReadyError(Math.ceil(wait / 1000), 'the DDL budget for this minute is spent');
      await sleep(wait);
    }
  };
  const record = async (): Promise<void> => {
    recent.push(now());
    await options.lock?.recordDdl(recent);
  };
  const applied = await appliedNames(budget, record);
  const done: string[] = [];
  for (const m of options.migrations ?? MIGRATIONS) {
    if (applied.has(m.name)) continue;
    await budget();
    await sql.executeDDL(m.statement);
    await record();
    // Recorded only after its DDL succeeded: a crash in between re-runs an idempotent statement.
    await sql.prepare('INSERT INTO __migrations (name) VALUES (?)').bindParams(m.name).execute();
    done.push(m.name);
  }
  return done;
}

/** Where the applied schema version is remembered (Forge KVS on Forge, memory or file locally). */
export interface SchemaMarker {
  read(): Promise<string | null>;
  write(version: string): Promise<void>;
}

/**
 * Per installation: a warm container serves several installations, and "this one's schema is
 * ensured" says nothing about the next (tenant-data-isolation). Keyed by installation id; bounded.
 * Within a container the memo makes concurrent first uses share one runner; across containers the
 * lock does.
 */
const ensured = new Map<string, Promise<void>>();
const MAX_REMEMBERED_INSTALLATIONS = 64;

export interface EnsureSchemaOptions extends Omit<MigrationOptions, 'lock'> {
  lock?: MigrationLock;
  /** What runs the migrations (tests replace it); default runMigrations. */
  run?: (options: MigrationOptions) => Promise<string[]>;
}

/**
 * "Before first use": every entry point awaits this. A marker short-circuits the runner once the
 * latest migration is known to be applied (no SQL at all on a warm path). Otherwise one runner per
 * installation, under the lock, applies what is pending within the DDL budget; when another runner
 * holds the lock, or the budget would outlast this invocation, it throws SchemaNotReadyError.
 */
export function ensureSchema(
  installId: string,
  marker: SchemaMarker,
  options: EnsureSchemaOptions = {},
): Promise<void> {
  const known = ensured.get(installId);
  if (known !== undefined) return known;
  const attempt = (async () => {
    if ((await marker.read()) === LATEST_MIGRATION) return;
    const lock = options.lock;
    if (lock !== undefined && !(await lock.acquire()))
      throw new SchemaNotReadyError(30, 'another invocation is migrating this installation');
    try {
      await (options.run ?? runMigrations)({ ...options, ...(lock ? { lock } : {}) });
      await marker.write(LATEST_MIGRATION);
    } finally {
      await lock?.release();
    }
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
