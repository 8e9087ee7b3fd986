import { num, numOrNull, str, strOrNull, type SqlExecutor } from '../executor';

export type ScanKind = 'full' | 'page';
export type ScanState = 'running' | 'succeeded' | 'failed';
export type ScanPhase = 'pages' | 'inventory' | 'match' | 'finalize' | 'done';

export interface ScanRun {
  scanId: string;
  kind: ScanKind;
  state: ScanState;
  phase: ScanPhase;
  requestedBy: string | null;
  snapshotId: string | null;
  pagesTotal: number;
  pagesDone: number;
  resources: number;
  chunksTotal: number;
  /** Counted from the chunk table, so a redelivered chunk can never count twice. */
  chunksDone: number;
  coverage: string | null;
  error: string | null;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export async function createScan(
  db: SqlExecutor,
  scan: { scanId: string; kind: ScanKind; requestedBy: string | null },
  now: number,
): Promise<void> {
  // INSERT IGNORE-style upsert: creating the same scan twice (a retried trigger) is a no-op.
  await db.execute(
    `INSERT INTO rg_scan_runs (scan_id, kind, state, phase, requested_by, started_at, updated_at)
     VALUES (?, ?, 'running', 'pages', ?, ?, ?) ON DUPLICATE KEY UPDATE scan_id = scan_id`,
    [scan.scanId, scan.kind, scan.requestedBy, now, now],
  );
}

export async function updateScan(
  db: SqlExecutor,
  scanId: string,
  fields: Partial<
    Pick<ScanRun, 'phase' | 'snapshotId' | 'pagesTotal' | 'resources' | 'chunksTotal' | 'coverage'>
  >,
  now: number,
): Promise<void> {
  const columns: Record<string, string> = {
    phase: 'phase',
    snapshotId: 'snapshot_id',
    pagesTotal: 'pages_total',
    resources: 'resources',
    chunksTotal: 'chunks_total',
    coverage: 'coverage',
  };
  const sets: string[] = [];
  const params: (string | number | null)[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const column = columns[key];
    if (column === undefined || value === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(value);
  }
  await db.execute(`UPDATE rg_scan_runs SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE scan_id = ?`, [
    ...params,
    now,
    scanId,
  ]);
}

/** Adds to pages_done; called once per chunk, guarded by completeChunk's first-completion answer. */
export async function addPagesDone(
  db: SqlExecutor,
  scanId: string,
  count: number,
  now: number,
): Promise<void> {
  await db.execute('UPDATE rg_scan_runs SET pages_done = pages_done + ?, updated_at = ? WHERE scan_id = ?', [
    count,
    now,
    scanId,
  ]);
}

export async function finishScan(
  db: SqlExecutor,
  scanId: string,
  outcome: { state: 'succeeded' } | { state: 'failed'; error: string },
  now: number,
): Promise<void> {
  await db.execute(
    `UPDATE rg_scan_runs SET state = ?, phase = 'done', error = ?, finished_at = ?, updated_at = ?
     WHERE scan_id = ? AND state = 'running'`,
    [outcome.state, outcome.state === 'failed' ? outcome.error.slice(0, 1024) : null, now, now, scanId],
  );
}

/** Marks a chunk as started (counting attempts); returns false when it was already done. */
export async function claimChunk(
  db: SqlExecutor,
  scanId: string,
  chunkId: string,
  now: number,
): Promise<boolean> {
  await db.execute(
    `INSERT INTO rg_scan_chunks (scan_id, chunk_id, state, attempts, updated_at) VALUES (?, ?, 'running', 1, ?)
     ON DUPLICATE KEY UPDATE attempts = IF(state = 'done', attempts, attempts + 1), updated_at = VALUES(updated_at)`,
    [scanId, chunkId, now],
  );
  const rows = await db.query<{ state: unknown }>(
    'SELECT state FROM rg_scan_chunks WHERE scan_id = ? AND chunk_id = ?',
    [scanId, chunkId],
  );
  return rows[0] !== undefined && str(rows[0].state) !== 'done';
}

/** True only for the first completion of a chunk, so side counters are bumped once. */
export async function completeChunk(
  db: SqlExecutor,
  scanId: string,
  chunkId: string,
  now: number,
): Promise<boolean> {
  const r = await db.execute(
    `UPDATE rg_scan_chunks SET state = 'done', updated_at = ? WHERE scan_id = ? AND chunk_id = ? AND state <> 'done'`,
    [now, scanId, chunkId],
  );
  return r.affectedRows === 1;
}

export async function getScan(db: SqlExecutor, scanId: string): Promise<ScanRun | null> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT r.*, (SELECT COUNT(*) FROM rg_scan_chunks c WHERE c.scan_id = r.scan_id AND c.state = 'done') AS done_chunks
     FROM rg_scan_runs r WHERE r.scan_id = ?`,
    [scanId],
  );
  return rows[0] ? toRun(rows[0]) : null;
}

export async function latestScan(db: SqlExecutor): Promise<ScanRun | null> {
  const rows = await db.query<{ scan_id: unknown }>(
    'SELECT scan_id FROM rg_scan_runs ORDER BY started_at DESC, scan_id DESC LIMIT 1',
  );
  return rows[0] ? getScan(db, str(rows[0].scan_id)) : null;
}

function toRun(r: Record<string, unknown>): ScanRun {
  return {
    scanId: str(r.scan_id),
    kind: str(r.kind) as ScanKind,
    state: str(r.state) as ScanState,
    phase: str(r.phase) as ScanPhase,
    requestedBy: strOrNull(r.requested_by),
    snapshotId: strOrNull(r.snapshot_id),
    pagesTotal: num(r.pages_total),
    pagesDone: num(r.pages_done),
    resources: num(r.resources),
    chunksTotal: num(r.chunks_total),
    chunksDone: num(r.done_chunks),
    coverage: strOrNull(r.coverage),
    error: strOrNull(r.error),
    startedAt: num(r.started_at),
    updatedAt: num(r.updated_at),
    finishedAt: numOrNull(r.finished_at),
  };
}

/** When a page was last matched by a full scan: the newest succeeded full scan that listed it. */
export async function lastFullScanOfPage(db: SqlExecutor, pageId: string): Promise<number | null> {
  const runs = await db.query<{ scan_id: unknown; finished_at: unknown }>(
    `SELECT scan_id, finished_at FROM rg_scan_runs WHERE state = 'succeeded' AND kind = 'full'
     ORDER BY finished_at DESC LIMIT 1`,
  );
  const run = runs[0];
  if (run === undefined) return null;
  const listed = await db.query<{ page_id: unknown }>(
    'SELECT page_id FROM rg_scan_pages WHERE scan_id = ? AND page_id = ?',
    [str(run.scan_id), pageId],
  );
  return listed.length > 0 ? numOrNull(run.finished_at) : null;
}
