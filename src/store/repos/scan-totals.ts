import { num, str, type SqlExecutor } from '../executor';
import { countActiveFindings, type SeverityCounts } from './findings';

export interface ScanTotals {
  scanId: string;
  finishedAt: number;
  pages: number;
  references: number;
  open: SeverityCounts;
}

/**
 * Records what a finished scan left open. Counted after the scan resolved what it no longer saw,
 * so the numbers are the dashboard's "open" at that moment. Idempotent: a repeated finalize
 * rewrites the same row.
 */
export async function recordScanTotals(
  db: SqlExecutor,
  scanId: string,
  pages: number,
  finishedAt: number,
): Promise<ScanTotals> {
  const { bySeverity } = await countActiveFindings(db);
  const references = await countCheckedReferences(db);
  await db.execute(
    `INSERT INTO rg_scan_totals (scan_id, finished_at, pages, reference_count, open_error, open_warning, open_info)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE finished_at = VALUES(finished_at), pages = VALUES(pages),
       reference_count = VALUES(reference_count), open_error = VALUES(open_error),
       open_warning = VALUES(open_warning), open_info = VALUES(open_info)`,
    [scanId, finishedAt, pages, references, bySeverity.error, bySeverity.warning, bySeverity.info],
  );
  return { scanId, finishedAt, pages, references, open: bySeverity };
}

/** The newest `limit` scans' totals, oldest first (a chart reads left to right). */
export async function recentScanTotals(db: SqlExecutor, limit: number): Promise<ScanTotals[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM rg_scan_totals ORDER BY finished_at DESC, scan_id DESC LIMIT ${Math.max(1, Math.min(100, Math.floor(limit)))}`,
  );
  return rows
    .map((r) => ({
      scanId: str(r.scan_id),
      finishedAt: num(r.finished_at),
      pages: num(r.pages),
      references: num(r.reference_count),
      open: { error: num(r.open_error), warning: num(r.open_warning), info: num(r.open_info) },
    }))
    .reverse();
}

/** References on stored pages that were matched (documentation placeholders are never checked). */
export async function countCheckedReferences(db: SqlExecutor): Promise<number> {
  const rows = await db.query<{ n: unknown }>(
    "SELECT COUNT(*) AS n FROM rg_references WHERE status <> 'placeholder'",
  );
  return num(rows[0]?.n ?? 0);
}

export async function countPages(db: SqlExecutor): Promise<number> {
  const rows = await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM rg_pages');
  return num(rows[0]?.n ?? 0);
}
