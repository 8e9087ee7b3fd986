import { batchInsert } from '../batch';
import { num, str, type SqlExecutor } from '../executor';

export interface OutboxEvent {
  chunkId: string;
  body: Record<string, unknown>;
}

/** Records events before they are pushed; re-recording the same chunk (a redelivery) rewrites it. */
export async function recordOutbox(
  db: SqlExecutor,
  scanId: string,
  events: readonly OutboxEvent[],
  now: number,
): Promise<void> {
  if (events.length === 0) return;
  await batchInsert(db, {
    table: 'rg_scan_outbox',
    columns: ['scan_id', 'chunk_id', 'body', 'created_at'],
    rows: events.map((e) => [scanId, e.chunkId, JSON.stringify(e.body), now]),
    suffix: 'ON DUPLICATE KEY UPDATE body = VALUES(body)',
  });
}

/** Events whose chunk has not completed: what a resumed scan pushes again. */
export async function pendingOutbox(db: SqlExecutor, scanId: string): Promise<OutboxEvent[]> {
  const rows = await db.query<{ chunk_id: unknown; body: unknown }>(
    `SELECT o.chunk_id, o.body FROM rg_scan_outbox o
     LEFT JOIN rg_scan_chunks c ON c.scan_id = o.scan_id AND c.chunk_id = o.chunk_id AND c.state = 'done'
     WHERE o.scan_id = ? AND c.chunk_id IS NULL ORDER BY o.chunk_id`,
    [scanId],
  );
  return rows.map((r) => ({
    chunkId: str(r.chunk_id),
    body: JSON.parse(str(r.body)) as Record<string, unknown>,
  }));
}

export async function outboxCounts(
  db: SqlExecutor,
  scanId: string,
): Promise<{ total: number; done: number }> {
  const rows = await db.query<{ total: unknown; done: unknown }>(
    `SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN c.state = 'done' THEN 1 ELSE 0 END), 0) AS done
     FROM rg_scan_outbox o
     LEFT JOIN rg_scan_chunks c ON c.scan_id = o.scan_id AND c.chunk_id = o.chunk_id
     WHERE o.scan_id = ?`,
    [scanId],
  );
  return { total: num(rows[0]?.total ?? 0), done: num(rows[0]?.done ?? 0) };
}
