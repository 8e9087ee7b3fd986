import { batchInsert } from '../batch';
import { num, str, type SqlExecutor } from '../executor';

/** Remembers that a scan listed these pages (idempotent). */
export async function recordScanPages(
  db: SqlExecutor,
  scanId: string,
  pages: readonly { pageId: string; spaceId: string }[],
): Promise<void> {
  if (pages.length === 0) return;
  await batchInsert(db, {
    table: 'rg_scan_pages',
    columns: ['scan_id', 'page_id', 'space_id'],
    rows: pages.map((p) => [scanId, p.pageId, p.spaceId]),
    suffix: 'ON DUPLICATE KEY UPDATE space_id = VALUES(space_id)',
  });
}

export async function scanPageIds(db: SqlExecutor, scanId: string): Promise<string[]> {
  const rows = await db.query<{ page_id: unknown }>(
    'SELECT page_id FROM rg_scan_pages WHERE scan_id = ? ORDER BY page_id',
    [scanId],
  );
  return rows.map((r) => str(r.page_id));
}

export async function scanPageIdsBetween(
  db: SqlExecutor,
  scanId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db.query<{ page_id: unknown }>(
    'SELECT page_id FROM rg_scan_pages WHERE scan_id = ? AND page_id >= ? AND page_id <= ? ORDER BY page_id',
    [scanId, from, to],
  );
  return rows.map((r) => str(r.page_id));
}

export async function countScanPages(db: SqlExecutor, scanId: string): Promise<number> {
  const rows = await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM rg_scan_pages WHERE scan_id = ?', [
    scanId,
  ]);
  return num(rows[0]?.n ?? 0);
}

/**
 * After a full scan: pages it no longer listed (deleted, or no longer visible to the app) are
 * dropped with their references and owners, a bounded batch of page ids at a time (keyed deletes, no scan of
 * the whole references table in one statement).
 */
export async function dropPagesNotIn(db: SqlExecutor, scanId: string): Promise<number> {
  let dropped = 0;
  for (;;) {
    const rows = await db.query<{ page_id: unknown }>(
      `SELECT p.page_id FROM rg_pages p
       LEFT JOIN rg_scan_pages s ON s.scan_id = ? AND s.page_id = p.page_id
       WHERE s.page_id IS NULL LIMIT 500`,
      [scanId],
    );
    const ids = rows.map((r) => str(r.page_id));
    if (ids.length === 0) return dropped;
    const list = ids.map(() => '?').join(', ');
    await db.execute(`DELETE FROM rg_references WHERE page_id IN (${list})`, ids);
    await db.execute(`DELETE FROM rg_page_people WHERE page_id IN (${list})`, ids);
    dropped += (await db.execute(`DELETE FROM rg_pages WHERE page_id IN (${list})`, ids)).affectedRows;
  }
}
