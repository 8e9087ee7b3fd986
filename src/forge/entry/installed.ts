import { appendAudit } from '../../store/repos/audit';
import { forgeDeps } from '../deps';
import { ensureSchemaWith } from '../schema';
import { ensureExternalId } from '../settings';

/**
 * manifest: trigger `avi:forge:installed:app` — migrations, then this install's External ID (created
 * once, never replaced: customers' role trust policies pin it). Safe to run twice.
 */
export async function installed(): Promise<void> {
  const deps = forgeDeps();
  await ensureSchemaWith(deps);
  await ensureExternalId(deps.kv);
  await appendAudit(
    deps.db,
    { actor: null, action: 'app.installed', target: null, outcome: 'success', detail: null },
    deps.now(),
  );
}
