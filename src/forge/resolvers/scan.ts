import type { ResolverPayload, ScanProgressView } from '../../shared';
import { outboxCounts } from '../../store/repos/outbox';
import { latestScan } from '../../store/repos/scans';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { startScan as openScan } from '../jobs/scan/start';
import { readSettings } from '../settings';
import type { Caller } from './dispatch';
import { requireSiteAdmin, signedIn } from './access';

export async function startScan(
  _p: ResolverPayload<'startScan'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ scanId: string }> {
  const who = await requireSiteAdmin(caller, deps);
  if ((await readSettings(deps.kv)).accounts.length === 0)
    throw new AppError('NOT_CONFIGURED', 'Connect an AWS account in the RunbookGuard settings first.');
  const result = await openScan(deps, who);
  if (!result.started) throw new AppError('SCAN_IN_PROGRESS', 'A scan is already running.');
  return { scanId: result.scanId };
}

export async function getScanProgress(
  _p: ResolverPayload<'getScanProgress'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ScanProgressView> {
  signedIn(caller);
  const scan = await latestScan(deps.db);
  if (scan === null) return { scan: null };
  const chunks = await outboxCounts(deps.db, scan.scanId);
  return {
    scan: {
      scanId: scan.scanId,
      state: scan.state,
      phase: scan.phase,
      pagesTotal: scan.pagesTotal,
      pagesDone: scan.pagesDone,
      resources: scan.resources,
      chunksTotal: chunks.total,
      chunksDone: chunks.done,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt,
    },
  };
}
