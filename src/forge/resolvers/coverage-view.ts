import { GLOBAL_SERVICES } from '../../core/match/tables';
import { SERVICES, type CoverageEntry } from '../../core/inventory/snapshot';
import type { CoverageCellView } from '../../shared';
import type { SnapshotHeader } from '../../store/repos/snapshots';

const STATE_OF: Record<CoverageEntry['outcome'], CoverageCellView['state']> = {
  ok: 'scanned',
  'access-denied': 'denied',
  'region-disabled': 'disabled',
  failed: 'failed',
};

/**
 * The coverage map as the dashboard shows it: one cell per (account, service, region) the snapshot
 * recorded, plus `not-selected` cells for regions some account scanned but this account's region
 * selection left out (so "nothing found there" is never read as "nothing there").
 */
export function coverageCells(header: Pick<SnapshotHeader, 'accounts' | 'coverage'>): CoverageCellView[] {
  const cells: CoverageCellView[] = header.coverage.map((e) => ({
    account: e.account,
    region: e.region,
    service: e.service,
    state: STATE_OF[e.outcome],
    reason: e.outcome === 'ok' ? null : (e.detail ?? e.outcome),
    resources: e.resourceCount,
  }));
  const everyRegion = [
    ...new Set(header.coverage.flatMap((e) => (e.region === null ? [] : [e.region]))),
  ].sort();
  const seen = new Set(header.coverage.map((e) => `${e.account}|${e.region ?? ''}`));
  for (const a of header.accounts) {
    for (const region of everyRegion) {
      if (a.regions.includes(region) || seen.has(`${a.account}|${region}`)) continue;
      for (const service of SERVICES) {
        if (GLOBAL_SERVICES.has(service)) continue;
        cells.push({
          account: a.account,
          region,
          service,
          state: 'not-selected',
          reason: "not in this account's region selection",
          resources: 0,
        });
      }
    }
  }
  return cells.sort(
    (x, y) =>
      x.account.localeCompare(y.account) ||
      (x.region ?? '').localeCompare(y.region ?? '') ||
      x.service.localeCompare(y.service),
  );
}

export function countStates(cells: readonly CoverageCellView[]): Record<CoverageCellView['state'], number> {
  const counts = { scanned: 0, denied: 0, disabled: 0, failed: 0, 'not-selected': 0 };
  for (const c of cells) counts[c.state] += 1;
  return counts;
}
