import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../../store/repos/audit';
import { acquireLock, lockHolder } from '../../../store/repos/locks';
import { pendingOutbox } from '../../../store/repos/outbox';
import { createScan, getScan } from '../../../store/repos/scans';
import type { AppDeps } from '../../deps';
import { currentScope } from '../../scope/store';
import { chunk, enqueue, SCAN_CONCURRENCY } from './events';
import { advanceIfIdle } from './advance';

export const SCAN_LOCK = 'scan';
/** Renewed by every chunk; a job silent for this long crashed and the next request may take over. */
export const SCAN_LOCK_TTL_MS = 30 * 60_000;
/** A running scan with no progress for this long is resumed by the daily trigger. */
export const STALLED_AFTER_MS = 15 * 60_000;

export type StartResult = { started: true; scanId: string } | { started: false; scanId: string | null };

/**
 * Opens a full scan unless one is running: the lock is taken in one statement, so of two concurrent
 * requests exactly one starts a scan; the other learns which scan runs.
 */
export async function startScan(deps: AppDeps, requestedBy: string | null): Promise<StartResult> {
  const scanId = randomUUID();
  const now = deps.now();
  if (!(await acquireLock(deps.db, SCAN_LOCK, scanId, SCAN_LOCK_TTL_MS, now))) {
    return { started: false, scanId: await lockHolder(deps.db, SCAN_LOCK, now) };
  }
  // Any other scan still marked running lost its lock by expiry: it crashed long ago.
  await deps.db.execute(
    `UPDATE rg_scan_runs SET state = 'failed', phase = 'done', error = 'superseded after its lock expired',
       finished_at = ?, updated_at = ? WHERE state = 'running' AND scan_id <> ?`,
    [now, now, scanId],
  );
  await createScan(deps.db, { scanId, kind: 'full', requestedBy }, now);
  // The scope is read once, here: a change made while this scan runs applies to the next one.
  const { plan } = await currentScope(deps);
  const scope =
    plan.kind === 'cql' ? { cql: plan.cql } : plan.kind === 'nothing' ? { none: true as const } : {};
  await enqueue(deps, scanId, [chunk.pages(0, null, scope)]);
  await appendAudit(
    deps.db,
    { actor: requestedBy, action: 'scan.start', target: scanId, outcome: 'success', detail: null },
    now,
  );
  deps.log.info('scan started', { scanId });
  return { started: true, scanId };
}

/**
 * Resumes the running scan if it has made no progress for `stalledAfterMs`: every chunk event it
 * recorded but did not finish is pushed again, or, when none is left, the next phase is started.
 */
export async function resumeStalledScan(
  deps: AppDeps,
  stalledAfterMs: number = STALLED_AFTER_MS,
): Promise<{ resumed: string | null; events: number }> {
  const now = deps.now();
  const holder = await lockHolder(deps.db, SCAN_LOCK, now);
  if (holder === null) return { resumed: null, events: 0 };
  const scan = await getScan(deps.db, holder);
  if (scan === null || scan.state !== 'running' || now - scan.updatedAt < stalledAfterMs)
    return { resumed: null, events: 0 };
  const pending = await pendingOutbox(deps.db, scan.scanId);
  if (pending.length > 0)
    await deps.queue.push(pending.map((e) => ({ body: e.body, concurrency: SCAN_CONCURRENCY })));
  else await advanceIfIdle(deps, scan.scanId);
  deps.log.warn('stalled scan resumed', { scanId: scan.scanId, events: pending.length });
  return { resumed: scan.scanId, events: pending.length };
}
