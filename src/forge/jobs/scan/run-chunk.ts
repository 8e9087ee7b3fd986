import { appendAudit } from '../../../store/repos/audit';
import { acquireLock, releaseLock } from '../../../store/repos/locks';
import { claimChunk, completeChunk, finishScan, getScan } from '../../../store/repos/scans';
import type { AppDeps } from '../../deps';
import { describeError } from '../../log';
import { advanceIfIdle } from './advance';
import type { ScanChunk } from './events';
import { runFinalizeChunk } from './finalize';
import { runCommitChunk, runInventoryChunk } from './inventory';
import { runMatchChunk } from './match';
import { runPagesChunk } from './pages';
import { SCAN_LOCK, SCAN_LOCK_TTL_MS } from './start';

export type ChunkOutcome = 'done' | 'skipped' | 'requeued' | 'gave-up';

/** A chunk that threw this many times fails its scan (audited) instead of retrying forever. */
export const MAX_CHUNK_ATTEMPTS = 3;

/**
 * One delivery of one chunk. Skipped when the chunk is already done (a duplicate) or its scan is no
 * longer running (finished, or superseded after its lock expired). Each run renews the lock. A chunk
 * that throws stays undone and the queue retries it; a chunk that re-queued itself (429) stays undone.
 */
export async function runScanChunk(deps: AppDeps, c: ScanChunk): Promise<ChunkOutcome> {
  const now = deps.now();
  const scan = await getScan(deps.db, c.scanId);
  if (scan === null || scan.state !== 'running') return 'skipped';
  if (!(await acquireLock(deps.db, SCAN_LOCK, c.scanId, SCAN_LOCK_TTL_MS, now))) {
    await finishScan(deps.db, c.scanId, { state: 'failed', error: 'lost the scan lock' }, now);
    return 'skipped';
  }
  if (!(await claimChunk(deps.db, c.scanId, c.chunkId, now))) return 'skipped';
  await deps.db.execute('UPDATE rg_scan_runs SET updated_at = ? WHERE scan_id = ?', [now, c.scanId]);
  try {
    return await runStep(deps, c);
  } catch (error) {
    const rows = await deps.db.query<{ attempts: unknown }>(
      'SELECT attempts FROM rg_scan_chunks WHERE scan_id = ? AND chunk_id = ?',
      [c.scanId, c.chunkId],
    );
    if (Number(rows[0]?.attempts ?? 0) < MAX_CHUNK_ATTEMPTS) throw error; // the queue retries it
    await giveUp(deps, c, error);
    return 'gave-up';
  }
}

async function giveUp(deps: AppDeps, c: ScanChunk, error: unknown): Promise<void> {
  const now = deps.now();
  // Only the error's class goes into the run and the audit log: messages may quote upstream text.
  const reason = `chunk ${c.chunkId} failed ${MAX_CHUNK_ATTEMPTS} times (${describeError(error).name})`;
  await finishScan(deps.db, c.scanId, { state: 'failed', error: reason }, now);
  await releaseLock(deps.db, SCAN_LOCK, c.scanId);
  await appendAudit(
    deps.db,
    { actor: null, action: 'scan.failed', target: c.scanId, outcome: 'failed', detail: reason },
    now,
  );
  deps.log.error('scan failed', { scanId: c.scanId, chunkId: c.chunkId, error: describeError(error) });
}

async function runStep(deps: AppDeps, c: ScanChunk): Promise<ChunkOutcome> {
  switch (c.step) {
    case 'pages':
      if (!(await runPagesChunk(deps, c))) return 'requeued';
      await completeChunk(deps.db, c.scanId, c.chunkId, deps.now());
      return 'done';
    case 'inventory':
      await runInventoryChunk(deps, c);
      await completeChunk(deps.db, c.scanId, c.chunkId, deps.now());
      await advanceIfIdle(deps, c.scanId);
      return 'done';
    case 'inventory-commit':
      await runCommitChunk(deps, c);
      await completeChunk(deps.db, c.scanId, c.chunkId, deps.now());
      return 'done';
    case 'match':
      await runMatchChunk(deps, c);
      await advanceIfIdle(deps, c.scanId);
      return 'done';
    case 'finalize':
      await runFinalizeChunk(deps, c);
      await completeChunk(deps.db, c.scanId, c.chunkId, deps.now());
      return 'done';
  }
}
