import { indexSnapshot, scanPages } from '../../../core/match';
import { appendAudit } from '../../../store/repos/audit';
import { resolveNotSeenSince, resolveUnlistedOutOfScope } from '../../../store/repos/findings';
import { releaseLock } from '../../../store/repos/locks';
import { countScanPages, dropPagesNotIn } from '../../../store/repos/scan-pages';
import { recordScanTotals } from '../../../store/repos/scan-totals';
import { finishScan, getScan, updateScan } from '../../../store/repos/scans';
import { readSnapshot } from '../../../store/repos/snapshots';
import type { AppDeps } from '../../deps';
import type { ScanChunk } from './events';
import { SCAN_LOCK } from './start';

/**
 * Ends the scan: findings on pages it no longer listed (out of scope, or deleted) are resolved as
 * out of scope, other findings it did not see are resolved (suppressed ones keep their decision), pages
 * it no longer listed are dropped, coverage, counters and open totals recorded, the lock released. Each step is
 * safe to repeat; `finishScan` only moves a running scan, so a duplicate finalize changes nothing.
 */
export async function runFinalizeChunk(
  deps: AppDeps,
  c: Extract<ScanChunk, { step: 'finalize' }>,
): Promise<void> {
  const now = deps.now();
  const scan = await getScan(deps.db, c.scanId);
  if (scan === null) return;
  const outOfScope = await resolveUnlistedOutOfScope(deps.db, c.scanId, scan.startedAt, now);
  const resolved = outOfScope + (await resolveNotSeenSince(deps.db, scan.startedAt, now));
  const dropped = await dropPagesNotIn(deps.db, c.scanId);
  const snapshot = scan.snapshotId ? await readSnapshot(deps.db, scan.snapshotId) : null;
  const coverage = snapshot === null ? null : scanPages([], indexSnapshot(snapshot)).coverage;
  const pages = await countScanPages(deps.db, c.scanId);
  await updateScan(
    deps.db,
    c.scanId,
    { coverage: coverage === null ? null : JSON.stringify(coverage), pagesTotal: pages },
    now,
  );
  await deps.db.execute('UPDATE rg_scan_runs SET pages_done = ? WHERE scan_id = ?', [pages, c.scanId]);
  // Before finishScan: a crash in between re-runs finalize, and the totals row is rewritten.
  await recordScanTotals(deps.db, c.scanId, pages, now);
  await finishScan(deps.db, c.scanId, { state: 'succeeded' }, now);
  await releaseLock(deps.db, SCAN_LOCK, c.scanId);
  await appendAudit(
    deps.db,
    {
      actor: null,
      action: 'scan.finished',
      target: c.scanId,
      outcome: 'success',
      detail: `pages=${pages} resolved=${resolved} out-of-scope=${outOfScope}`,
    },
    now,
  );
  deps.log.info('scan finished', { scanId: c.scanId, pages, resolved, dropped });
}
