import { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError, getJson } from '../../confluence/client';
import type { DashboardSummary, ResolverPayload, SpaceView } from '../../shared';
import { countActiveFindings, spacesWithFindings } from '../../store/repos/findings';
import { countCheckedReferences, countPages, recentScanTotals } from '../../store/repos/scan-totals';
import { latestScan } from '../../store/repos/scans';
import { readLatestSnapshotHeader } from '../../store/repos/snapshots';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { coverageCells, countStates } from './coverage-view';
import type { Caller } from './dispatch';
import { signedIn } from './access';

/** Trend points at most: about three months of daily scans would crowd a small chart. */
const TREND_POINTS = 12;

/**
 * Numbers only, over every checked page: no title, value or message of any finding leaves here,
 * so the counts need no per-page permission check (docs/security.md, "Dashboard counts").
 */
export async function getDashboardSummary(
  _p: ResolverPayload<'getDashboardSummary'>,
  caller: Caller,
  deps: AppDeps,
): Promise<DashboardSummary> {
  signedIn(caller);
  const [open, references, pages, scan, header, totals] = [
    await countActiveFindings(deps.db),
    await countCheckedReferences(deps.db),
    await countPages(deps.db),
    await latestScan(deps.db),
    await readLatestSnapshotHeader(deps.db),
    await recentScanTotals(deps.db, TREND_POINTS),
  ];
  const cells = header === null ? null : coverageCells(header);
  return {
    referencesChecked: references,
    pagesChecked: pages,
    openFindings: open,
    lastScan: scan === null ? null : { scanId: scan.scanId, state: scan.state, finishedAt: scan.finishedAt },
    coverage:
      header === null || cells === null
        ? null
        : { snapshotTakenAt: header.takenAtMs, counts: countStates(cells), cells },
    trend: totals.map((t) => ({
      scanId: t.scanId,
      finishedAt: t.finishedAt,
      bySeverity: t.open,
      total: t.open.error + t.open.warning + t.open.info,
    })),
  };
}

const spacesSchema = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]), key: z.string(), name: z.string() })),
});
/** Confluence's v2 space list takes up to 250 ids per request. */
const SPACE_BATCH = 250;

/**
 * Spaces with active findings, named by Confluence as the caller: spaces the caller cannot see are
 * simply not in Confluence's answer. Nothing is cached (a name is the user's view, not ours).
 */
export async function listSpaces(
  _p: ResolverPayload<'listSpaces'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ spaces: SpaceView[] }> {
  signedIn(caller);
  const ids = await spacesWithFindings(deps.db);
  const spaces: SpaceView[] = [];
  for (let i = 0; i < ids.length; i += SPACE_BATCH) {
    const batch = ids.slice(i, i + SPACE_BATCH);
    const body = await getJson(
      deps.confluence.asUser(),
      route`/wiki/api/v2/spaces?ids=${batch.join(',')}&limit=${SPACE_BATCH}`,
    ).catch((error: unknown) => {
      // 429 stays a rate limit (dispatch answers RATE_LIMITED); anything else is Confluence's fault.
      if (error instanceof ConfluenceError && error.status !== 429)
        throw new AppError('UPSTREAM_FAILED', 'Confluence could not list the spaces; try again.');
      throw error;
    });
    const parsed = spacesSchema.safeParse(body);
    if (!parsed.success) continue;
    for (const s of parsed.data.results) {
      const id = String(s.id);
      if (batch.includes(id)) spaces.push({ id, key: s.key, name: s.name });
    }
  }
  return { spaces: spaces.sort((a, b) => a.name.localeCompare(b.name)) };
}
