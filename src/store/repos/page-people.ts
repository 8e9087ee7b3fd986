import { batchInsert } from '../batch';
import { num, numOrNull, str, strOrNull, type SqlExecutor } from '../executor';

export interface PagePeople {
  pageId: string;
  spaceId: string;
  ownerId: string | null;
  lastEditorId: string | null;
}

/** Owner and last editor as a page list reported them (idempotent upsert; the check time is kept). */
export async function savePagePeople(
  db: SqlExecutor,
  pages: readonly PagePeople[],
  now: number,
): Promise<void> {
  if (pages.length === 0) return;
  await batchInsert(db, {
    table: 'rg_page_people',
    columns: ['page_id', 'space_id', 'owner_id', 'last_editor_id', 'updated_at'],
    rows: pages.map((p) => [p.pageId, p.spaceId, p.ownerId, p.lastEditorId, now]),
    suffix: `ON DUPLICATE KEY UPDATE space_id = VALUES(space_id), owner_id = VALUES(owner_id),
      last_editor_id = VALUES(last_editor_id), updated_at = VALUES(updated_at)`,
  });
}

/** When these pages were last matched against an inventory (a scan's match chunk, or a re-check). */
export async function markChecked(
  db: SqlExecutor,
  pages: readonly { pageId: string; spaceId: string }[],
  now: number,
): Promise<void> {
  if (pages.length === 0) return;
  await batchInsert(db, {
    table: 'rg_page_people',
    columns: ['page_id', 'space_id', 'checked_at', 'updated_at'],
    rows: pages.map((p) => [p.pageId, p.spaceId, now, now]),
    suffix: 'ON DUPLICATE KEY UPDATE checked_at = VALUES(checked_at)',
  });
}

export interface PageCoverageRow {
  pageId: string;
  title: string;
  version: number;
  ownerId: string | null;
  lastEditorId: string | null;
  checkedAt: number | null;
  references: number;
}

/** One space's checked pages with their reference counts, keyset-paged by page id. */
export async function spaceCoverage(
  db: SqlExecutor,
  spaceId: string,
  options: { afterPageId?: string; limit: number },
): Promise<PageCoverageRow[]> {
  const limit = Math.max(1, Math.min(200, Math.floor(options.limit)));
  const rows = await db.query<Record<string, unknown>>(
    `SELECT p.page_id, p.title, p.version, pp.owner_id, pp.last_editor_id, pp.checked_at
     FROM rg_pages p LEFT JOIN rg_page_people pp ON pp.page_id = p.page_id
     WHERE p.space_id = ? AND p.page_id > ? ORDER BY p.page_id LIMIT ${limit}`,
    [spaceId, options.afterPageId ?? ''],
  );
  const ids = rows.map((r) => str(r.page_id));
  const counts = await rowsPerPage(db, 'SELECT page_id FROM rg_references', ids);
  return rows.map((r) => ({
    pageId: str(r.page_id),
    title: str(r.title),
    version: num(r.version),
    ownerId: strOrNull(r.owner_id),
    lastEditorId: strOrNull(r.last_editor_id),
    checkedAt: numOrNull(r.checked_at),
    references: counts.get(str(r.page_id)) ?? 0,
  }));
}

export async function countSpacePages(db: SqlExecutor, spaceId: string): Promise<number> {
  const rows = await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM rg_pages WHERE space_id = ?', [
    spaceId,
  ]);
  return num(rows[0]?.n ?? 0);
}

/** Owner and last editor of these pages as stored (the digest's owner subscriptions). */
export async function peopleOf(
  db: SqlExecutor,
  pageIds: readonly string[],
): Promise<Map<string, PagePeople>> {
  const out = new Map<string, PagePeople>();
  for (let i = 0; i < pageIds.length; i += 500) {
    const batch = pageIds.slice(i, i + 500);
    if (batch.length === 0) continue;
    const rows = await db.query<Record<string, unknown>>(
      `SELECT page_id, space_id, owner_id, last_editor_id FROM rg_page_people
       WHERE page_id IN (${batch.map(() => '?').join(', ')})`,
      batch,
    );
    for (const r of rows)
      out.set(str(r.page_id), {
        pageId: str(r.page_id),
        spaceId: str(r.space_id),
        ownerId: strOrNull(r.owner_id),
        lastEditorId: strOrNull(r.last_editor_id),
      });
  }
  return out;
}

/**
 * How many rows of a table each of these pages has, counted here from the page ids (no GROUP BY:
 * the store keeps to the SQL subset every executor speaks). Pages hold tens of rows, not thousands.
 */
export async function rowsPerPage(
  db: SqlExecutor,
  select:
    | 'SELECT page_id FROM rg_references'
    | "SELECT page_id FROM rg_findings WHERE status IN ('open', 'acknowledged', 'reopened') AND",
  pageIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < pageIds.length; i += 200) {
    const batch = pageIds.slice(i, i + 200);
    if (batch.length === 0) continue;
    const where = select.endsWith('AND') ? ' ' : ' WHERE ';
    const rows = await db.query<{ page_id: unknown }>(
      `${select}${where}page_id IN (${batch.map(() => '?').join(', ')})`,
      batch,
    );
    for (const r of rows) counts.set(str(r.page_id), (counts.get(str(r.page_id)) ?? 0) + 1);
  }
  return counts;
}
