import { randomUUID } from 'node:crypto';
import { __getRuntime } from '@forge/api';
import { kvs } from '@forge/kvs';
import { ensureSchema, type MigrationLock } from '../store/migrate';
import { appNow, appSleep } from './clock';
import type { KeyValue } from './deps';

export const SCHEMA_MARKER_KEY = 'schema-version';
export const MIGRATION_LOCK_KEY = 'schema-migration-lock';
export const DDL_LOG_KEY = 'schema-ddl-log';
/** A runner that died holding the lock frees it after this long (the KVS entry's TTL). */
const LEASE_SECONDS = 120;
const MINUTE_MS = 60_000;

function ddlTimes(value: unknown): number[] {
  const ddl = (value as { ddl?: unknown } | undefined)?.ddl;
  return Array.isArray(ddl) ? ddl.filter((t): t is number => typeof t === 'number') : [];
}

/**
 * One migration runner per installation (Forge asks for one at a time): a lease in KVS, taken with
 * `keyPolicy: 'FAIL_IF_EXISTS'` (atomic: of two runners only one creates the key) and a TTL, so a
 * runner that dies holding it frees it. Only the holder writes the DDL log, the DDL requests of
 * the last minute, so a runner in another container later spends from the same budget.
 */
export function kvMigrationLock(kv: KeyValue): MigrationLock {
  const me = randomUUID();
  const recent = (ddl: readonly number[]) => ddl.filter((t) => t > appNow() - MINUTE_MS);
  return {
    async acquire() {
      try {
        await kvs.set(
          MIGRATION_LOCK_KEY,
          { owner: me },
          {
            keyPolicy: 'FAIL_IF_EXISTS',
            ttl: { value: LEASE_SECONDS, unit: 'SECONDS' },
          },
        );
        return true;
      } catch {
        return false; // held by another runner (or KVS failed: either way, not ours to run)
      }
    },
    async release() {
      const held = await kvs.get<{ owner?: unknown }>(MIGRATION_LOCK_KEY);
      if (held?.owner === me) await kvs.delete(MIGRATION_LOCK_KEY);
    },
    async recentDdl() {
      return recent(ddlTimes(await kv.get(DDL_LOG_KEY)));
    },
    async recordDdl(times) {
      await kv.set(DDL_LOG_KEY, { ddl: recent(times) });
    },
  };
}

/** When this invocation must be done (epoch ms, on the app's clock); null outside an invocation. */
function invocationDeadline(): number | null {
  try {
    const remaining = __getRuntime().lambdaContext.getRemainingTimeInMillis?.();
    return typeof remaining === 'number' ? appNow() + remaining : null;
  } catch {
    return null;
  }
}

/**
 * Migrations before first use, remembered in KVS so warm and cold starts skip the DDL round trips,
 * run by one runner per installation within the DDL budget (src/store/migrate.ts). Throws
 * SchemaNotReadyError when it cannot finish within this invocation.
 */
export function ensureSchemaWith({ kv, installId }: { kv: KeyValue; installId: string }): Promise<void> {
  return ensureSchema(
    installId,
    {
      read: async () => {
        const value = await kv.get(SCHEMA_MARKER_KEY);
        return typeof value === 'string' ? value : null;
      },
      write: (version) => kv.set(SCHEMA_MARKER_KEY, version),
    },
    { lock: kvMigrationLock(kv), now: appNow, sleep: appSleep, deadline: invocationDeadline() },
  );
}
