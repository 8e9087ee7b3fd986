import { applyRetention } from '../../store/retention';
import { forgeDeps } from '../deps';
import { resumeStalledScan, startScan } from '../jobs/scan/start';
import { ensureSchemaWith } from '../schema';
import { readSettings } from '../settings';

/**
 * manifest: scheduled trigger `daily-scan`: the retention policy (Forge SQL's 1 GiB per install),
 * then a full scan — or, when one is still running but stalled (its runtime crashed), resuming it.
 * Without a connected AWS account there is nothing to check pages against, so no scan starts.
 */
export async function dailyScan(): Promise<void> {
  const deps = forgeDeps();
  await ensureSchemaWith(deps.kv);
  const { deleted } = await applyRetention(deps.db, deps.now());
  deps.log.info('retention applied', { deleted });
  if ((await readSettings(deps.kv)).accounts.length === 0) {
    deps.log.info('no AWS account connected; daily scan skipped');
    return;
  }
  const started = await startScan(deps, null);
  if (!started.started) await resumeStalledScan(deps);
}

/**
 * manifest: scheduled trigger `weekly-digest`. The digest e-mail (Resend) is not built yet; the
 * handler exists so the manifest and its tests describe the finished app's shape.
 */
export function weeklyDigest(): Promise<void> {
  forgeDeps().log.info('weekly digest not implemented yet');
  return Promise.resolve();
}
