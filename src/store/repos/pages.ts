import { createHash } from 'node:crypto';
import type { PageExtraction } from '../../core/extract/types';
import type { ReferenceRecord } from '../../core/match/types';
import { batchInsert } from '../batch';
import { num, str, strOrNull, type SqlExecutor } from '../executor';

export interface PageRow {
  pageId: string;
  spaceId: string;
  spaceKey: string | null;
  extraction: PageExtraction;
}

/** Versions we already hold, so a scan fetches bodies only for pages that changed. */
export async function storedVersions(
  db: SqlExecutor,
  pageIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < pageIds.length; i += 500) {
    const batch = pageIds.slice(i, i + 500);
    if (batch.length === 0) continue;
    const rows = await db.query<{ page_id: unknown; version: unknown }>(
      `SELECT page_id, version FROM rg_pages WHERE page_id IN (${batch.map(() => '?').join(', ')})`,
      [...batch],
    );
    for (const r of rows) out.set(str(r.page_id), num(r.version));
  }
  return out;
}

/** Upserts pages with their extraction; an older version never overwrites a newer one. */
export async function savePages(db: SqlExecutor, pages: readonly PageRow[], now: number): Promise<void> {
  await batchInsert(db, {
    table: 'rg_pages',
    columns: ['page_id', 'space_id', 'space_key', 'title', 'version', 'extraction', 'updated_at'],
    rows: pages.map((p) => [
      p.pageId,
      p.spaceId,
      p.spaceKey,
      p.extraction.title.slice(0, 512),
      p.extraction.version,
      JSON.stringify(p.extraction),
      now,
    ]),
    // Column order matters: the guard compares against the old version before it is replaced.
    suffix: `ON DUPLICATE KEY UPDATE
      extraction = IF(VALUES(version) >= version, VALUES(extraction), extraction),
      title = IF(VALUES(version) >= version, VALUES(title), title),
      space_id = VALUES(space_id), space_key = VALUES(space_key), updated_at = VALUES(updated_at),
      version = GREATEST(version, VALUES(version))`,
  });
}

export async function loadPages(
  db: SqlExecutor,
  pageIds: readonly string[],
): Promise<{ spaceId: string; extraction: PageExtraction }[]> {
  const out: { spaceId: string; extraction: PageExtraction }[] = [];
  for (let i = 0; i < pageIds.length; i += 200) {
    const batch = pageIds.slice(i, i + 200);
    if (batch.length === 0) continue;
    const rows = await db.query<{ space_id: unknown; extraction: unknown }>(
      `SELECT space_id, extraction FROM rg_pages WHERE page_id IN (${batch.map(() => '?').join(', ')}) ORDER BY page_id`,
      [...batch],
    );
    for (const r of rows) {
      out.push({ spaceId: str(r.space_id), extraction: JSON.parse(str(r.extraction)) as PageExtraction });
    }
  }
  return out;
}

/** Page ids in stable order, one keyset page at a time (a scan's match phase walks these). */
export async function pageIdsAfter(db: SqlExecutor, after: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ page_id: unknown }>(
    `SELECT page_id FROM rg_pages WHERE page_id > ? ORDER BY page_id LIMIT ${Math.max(1, Math.min(1000, limit))}`,
    [after],
  );
  return rows.map((r) => str(r.page_id));
}

const REFERENCE_COLUMNS = [
  'page_id',
  'ref_key',
  'page_version',
  'type',
  'value',
  'region',
  'account',
  'status',
  'fingerprint',
];
const REFERENCE_UPSERT = `ON DUPLICATE KEY UPDATE page_version = VALUES(page_version), status = VALUES(status),
      fingerprint = VALUES(fingerprint), value = VALUES(value)`;

/** One rg_references row, in REFERENCE_COLUMNS order. */
function referenceRow(pageId: string, pageVersion: number, r: ReferenceRecord) {
  return [
    pageId,
    refKey(r),
    pageVersion,
    r.type,
    r.value.slice(0, 1024),
    r.region,
    r.account,
    r.status,
    r.fingerprint,
  ];
}

/** Replaces a page's reference rows with the latest match: upsert current, then drop the rest. */
export async function saveReferences(
  db: SqlExecutor,
  pageId: string,
  pageVersion: number,
  references: readonly ReferenceRecord[],
): Promise<void> {
  const rows = references.map((r) => referenceRow(pageId, pageVersion, r));
  await batchInsert(db, {
    table: 'rg_references',
    columns: REFERENCE_COLUMNS,
    rows,
    suffix: REFERENCE_UPSERT,
  });
  const keys = rows.map((r) => r[1] as string);
  await db.execute(
    `DELETE FROM rg_references WHERE page_id = ?${keys.length ? ` AND ref_key NOT IN (${keys.map(() => '?').join(', ')})` : ''}`,
    [pageId, ...keys],
  );
}

function refKey(r: ReferenceRecord): string {
  return createHash('sha256')
    .update([r.type, r.value.toLowerCase(), r.region ?? '', r.account ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The references of many pages in a few requests: upsert every row (batched under 1 MiB), then one
 * DELETE drops rows left from other versions. A page's reference keys depend only on its
 * extraction, so rows of the current version are exactly the current references.
 */
export async function saveReferencesForPages(
  db: SqlExecutor,
  pages: readonly { pageId: string; pageVersion: number; references: readonly ReferenceRecord[] }[],
): Promise<void> {
  if (pages.length === 0) return;
  await batchInsert(db, {
    table: 'rg_references',
    columns: REFERENCE_COLUMNS,
    rows: pages.flatMap((p) => p.references.map((r) => referenceRow(p.pageId, p.pageVersion, r))),
    suffix: REFERENCE_UPSERT,
  });
  for (let i = 0; i < pages.length; i += 500) {
    const batch = pages.slice(i, i + 500);
    await db.execute(
      `DELETE FROM rg_references WHERE page_id IN (${batch.map(() => '?').join(', ')})
       AND (page_id, page_version) NOT IN (${batch.map(() => '(?, ?)').join(', ')})`,
      [...batch.map((p) => p.pageId), ...batch.flatMap((p) => [p.pageId, p.pageVersion])],
    );
  }
}

export interface StoredPage {
  pageId: string;
  spaceId: string;
  title: string;
  version: number;
  /** When the page row was last written: a full scan fetched it or a re-check matched it. */
  updatedAt: number;
  extraction: PageExtraction;
}

export async function getStoredPage(db: SqlExecutor, pageId: string): Promise<StoredPage | null> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT page_id, space_id, title, version, updated_at, extraction FROM rg_pages WHERE page_id = ?',
    [pageId],
  );
  const r = rows[0];
  if (r === undefined) return null;
  return {
    pageId: str(r.page_id),
    spaceId: str(r.space_id),
    title: str(r.title),
    version: num(r.version),
    updatedAt: num(r.updated_at),
    extraction: JSON.parse(str(r.extraction)) as PageExtraction,
  };
}

export interface StoredReference {
  type: string;
  value: string;
  region: string | null;
  account: string | null;
  status: string;
  fingerprint: string | null;
  pageVersion: number;
}

/** One page's reference rows from its latest match. */
export async function pageReferences(db: SqlExecutor, pageId: string): Promise<StoredReference[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT type, value, region, account, status, fingerprint, page_version FROM rg_references
     WHERE page_id = ? ORDER BY ref_key LIMIT 5000`,
    [pageId],
  );
  return rows.map((r) => ({
    type: str(r.type),
    value: str(r.value),
    region: strOrNull(r.region),
    account: strOrNull(r.account),
    status: str(r.status),
    fingerprint: strOrNull(r.fingerprint),
    pageVersion: num(r.page_version),
  }));
}

const REFERENCE_PAGE = 5000;

/**
 * Every value any page names, lowercased, read a bounded keyset page at a time (one SELECT of the
 * whole table could pass the 4 MiB response limit on a large site).
 */
export async function referencedValues(db: SqlExecutor): Promise<Set<string>> {
  const out = new Set<string>();
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await db.query<{ page_id: unknown; ref_key: unknown; value: unknown }>(
      `SELECT page_id, ref_key, value FROM rg_references
       WHERE page_id > ? OR (page_id = ? AND ref_key > ?) ORDER BY page_id, ref_key LIMIT ${REFERENCE_PAGE}`,
      [after[0], after[0], after[1]],
    );
    for (const r of rows) out.add(str(r.value).toLowerCase());
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < REFERENCE_PAGE) return out;
    after = [str(last.page_id), str(last.ref_key)];
  }
}
