import { generateExternalId } from '../../core/inventory/external-id';
import { appendAudit } from '../../store/repos/audit';
import { forgeDeps } from '../deps';
import { ensureSchemaWith } from '../schema';

export const EXTERNAL_ID_KEY = 'external-id';

/**
 * manifest: trigger `avi:forge:installed:app` — migrations, then this install's External ID (created
 * once, never replaced: customers' role trust policies pin it). Safe to run twice.
 */
export async function installed(): Promise<void> {
  const deps = forgeDeps();
  await ensureSchemaWith(deps.kv);
  if (typeof (await deps.kv.get(EXTERNAL_ID_KEY)) !== 'string') {
    await deps.kv.set(EXTERNAL_ID_KEY, generateExternalId());
  }
  await appendAudit(
    deps.db,
    { actor: null, action: 'app.installed', target: null, outcome: 'success', detail: null },
    deps.now(),
  );
}
