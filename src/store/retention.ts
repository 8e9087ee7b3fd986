import type { SqlExecutor } from './executor';
import { deleteSnapshotResources } from './repos/snapshot-resources';
import { LATEST_SNAPSHOT } from './repos/snapshots';

/**
 * Keeps an install under Forge SQL's 1 GiB: old snapshots (never the current one), snapshots whose
 * write crashed, long-resolved findings, finished scans and old audit entries. Deletes run in
 * bounded batches so no single DML nears the 10 s statement limit; call it again until it reports 0.
 */
export interface RetentionPolicy {
  /** Complete snapshots kept besides the current one (for comparing two scans). */
  keepPreviousSnapshots: number;
  /** A snapshot still 'writing' after this long crashed mid-write. */
  abandonedWriteMs: number;
  resolvedFindingsMs: number;
  scanRunsMs: number;
  auditMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  keepPreviousSnapshots: 1,
  abandonedWriteMs: 24 * 3600_000,
  resolvedFindingsMs: 90 * 24 * 3600_000,
  scanRunsMs: 90 * 24 * 3600_000,
  auditMs: 400 * 24 * 3600_000,
};

const BATCH = 1000;

export async function applyRetention(
  db: SqlExecutor,
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<{ deleted: number }> {
  let deleted = 0;
  for (const id of await expiredSnapshotIds(db, now, policy)) {
    deleted += (
      await db.execute(`DELETE FROM rg_snapshot_items WHERE snapshot_id = ? LIMIT ${BATCH * 10}`, [id])
    ).affectedRows;
    // Normally gone already (writeSnapshot drops them when the pointer moves on); a crashed write's
    // rows go here, a bounded number of statements per run.
    for (let round = 0; round < 10; round++) {
      const n = await deleteSnapshotResources(db, id, BATCH * 10);
      deleted += n;
      if (n === 0) break;
    }
    // The snapshot row goes last: with it gone, its leftover rows would be found by nothing.
    const left = await db.query<{ n: unknown }>(
      `SELECT (SELECT COUNT(*) FROM rg_snapshot_items WHERE snapshot_id = ?)
         + (SELECT COUNT(*) FROM rg_snapshot_resources WHERE snapshot_id = ?)
         + (SELECT COUNT(*) FROM rg_snapshot_spellings WHERE snapshot_id = ?) AS n`,
      [id, id, id],
    );
    if (Number(left[0]?.n ?? 0) === 0) {
      deleted += (await db.execute('DELETE FROM rg_snapshots WHERE snapshot_id = ?', [id])).affectedRows;
    }
  }
  deleted += (
    await db.execute(`DELETE FROM rg_findings WHERE status = 'resolved' AND status_at < ? LIMIT ${BATCH}`, [
      now - policy.resolvedFindingsMs,
    ])
  ).affectedRows;
  const oldScans = now - policy.scanRunsMs;
  deleted += (
    await db.execute(
      `DELETE FROM rg_scan_chunks WHERE scan_id IN (SELECT scan_id FROM rg_scan_runs WHERE state <> 'running' AND started_at < ?) LIMIT ${BATCH}`,
      [oldScans],
    )
  ).affectedRows;
  for (const table of ['rg_scan_outbox', 'rg_scan_pages']) {
    deleted += (
      await db.execute(
        `DELETE FROM ${table} WHERE scan_id IN (SELECT scan_id FROM rg_scan_runs WHERE state <> 'running' AND started_at < ?) LIMIT ${BATCH * 10}`,
        [oldScans],
      )
    ).affectedRows;
  }
  // The dashboard trend's per-scan counts go with their runs.
  deleted += (await db.execute(`DELETE FROM rg_scan_totals WHERE finished_at < ? LIMIT ${BATCH}`, [oldScans]))
    .affectedRows;
  deleted += (
    await db.execute(`DELETE FROM rg_scan_runs WHERE state <> 'running' AND started_at < ? LIMIT ${BATCH}`, [
      oldScans,
    ])
  ).affectedRows;
  deleted += (
    await db.execute(`DELETE FROM rg_audit_log WHERE at < ? LIMIT ${BATCH}`, [now - policy.auditMs])
  ).affectedRows;
  return { deleted };
}

async function expiredSnapshotIds(db: SqlExecutor, now: number, policy: RetentionPolicy): Promise<string[]> {
  const rows = await db.query<{ snapshot_id: string; state: string; created_at: unknown; current: unknown }>(
    `SELECT s.snapshot_id, s.state, s.created_at,
       (SELECT COUNT(*) FROM rg_pointers p WHERE p.name = ? AND p.value = s.snapshot_id) AS current
     FROM rg_snapshots s ORDER BY s.created_at DESC, s.snapshot_id DESC`,
    [LATEST_SNAPSHOT],
  );
  const expired: string[] = [];
  let keptComplete = 0;
  for (const r of rows) {
    if (Number(r.current) > 0) continue;
    if (r.state === 'complete') {
      if (keptComplete < policy.keepPreviousSnapshots) keptComplete += 1;
      else expired.push(r.snapshot_id);
    } else if (Number(r.created_at) < now - policy.abandonedWriteMs) {
      expired.push(r.snapshot_id);
    }
  }
  return expired;
}
