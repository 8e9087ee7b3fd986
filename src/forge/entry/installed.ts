import { appendAudit } from '../../store/repos/audit';
import { SchemaNotReadyError } from '../../store/migrate';
import { forgeDeps, type AppDeps } from '../deps';
import { ensureSchemaWith } from '../schema';
import { ensureExternalId } from '../settings';

/** The queue event that finishes migrations in a consumer, which may wait for the DDL budget. */
export const MIGRATE_EVENT = { type: 'migrate' } as const;

/**
 * Migrations for a lifecycle event. A 25 s trigger cannot wait a minute for DDL budget, so when the
 * schema cannot be finished here it hands the rest to the queue's consumer (900 s) and returns.
 */
async function migrateOrQueue(deps: AppDeps): Promise<boolean> {
  try {
    await ensureSchemaWith(deps);
    return true;
  } catch (error) {
    if (!(error instanceof SchemaNotReadyError)) throw error;
    await deps.queue.push([
      { body: { ...MIGRATE_EVENT }, delayInSeconds: Math.min(900, Math.max(1, error.retryAfterSeconds)) },
    ]);
    deps.log.info('migrations continue in the queue', { retryAfterSeconds: error.retryAfterSeconds });
    return false;
  }
}

/**
 * manifest: trigger `avi:forge:installed:app` — this install's External ID (created once, never
 * replaced: customers' role trust policies pin it), then migrations. Safe to run twice.
 */
export async function installed(): Promise<void> {
  const deps = forgeDeps();
  await ensureExternalId(deps.kv);
  if (!(await migrateOrQueue(deps))) return;
  await appendAudit(
    deps.db,
    { actor: null, action: 'app.installed', target: null, outcome: 'success', detail: null },
    deps.now(),
  );
}

/**
 * manifest: trigger `avi:forge:upgraded:app` — a new version's migrations right away, under the
 * same one-runner lock and DDL budget as first use from any other entry point.
 */
export async function upgraded(): Promise<void> {
  const deps = forgeDeps();
  if (!(await migrateOrQueue(deps))) return;
  await appendAudit(
    deps.db,
    { actor: null, action: 'app.upgraded', target: null, outcome: 'success', detail: null },
    deps.now(),
  );
}
