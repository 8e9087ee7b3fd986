import { applyRetention } from '../../store/retention';
import { forgeDeps } from '../deps';
import { ensureSchemaWith } from '../schema';

/**
 * manifest: scheduled trigger `daily-scan`. For now it applies the retention policy (Forge SQL's
 * 1 GiB per install); starting the chunked full-scan job is the next step of the Forge backend issue.
 */
export async function dailyScan(): Promise<void> {
  const deps = forgeDeps();
  await ensureSchemaWith(deps.kv);
  const { deleted } = await applyRetention(deps.db, deps.now());
  deps.log.info('retention applied', { deleted });
}

/**
 * manifest: scheduled trigger `weekly-digest`. The digest e-mail (Resend) is not built yet; the
 * handler exists so the manifest and its tests describe the finished app's shape.
 */
export function weeklyDigest(): Promise<void> {
  forgeDeps().log.info('weekly digest not implemented yet');
  return Promise.resolve();
}
