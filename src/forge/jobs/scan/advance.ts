import { outboxCounts } from '../../../store/repos/outbox';
import { getScan } from '../../../store/repos/scans';
import type { AppDeps } from '../../deps';
import { chunk, enqueue } from './events';

/**
 * Fan-in: once every chunk the scan has recorded is done, start the step after the current phase.
 * Called after each fan-out chunk and on resume; repeated calls enqueue the same chunk id (harmless).
 */
export async function advanceIfIdle(deps: AppDeps, scanId: string): Promise<void> {
  const counts = await outboxCounts(deps.db, scanId);
  if (counts.done < counts.total) return;
  const scan = await getScan(deps.db, scanId);
  if (scan === null || scan.state !== 'running') return;
  if (scan.phase === 'inventory') await enqueue(deps, scanId, [chunk.commit()]);
  else if (scan.phase === 'match') await enqueue(deps, scanId, [chunk.finalize()]);
}
