import type { Finding } from '../../core/match/types';
import { batchInsert } from '../batch';
import { num, numOrNull, str, strOrNull, type SqlExecutor, type SqlValue } from '../executor';

export const FINDING_STATUSES = ['open', 'acknowledged', 'suppressed', 'resolved', 'reopened'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** Statuses that count as "still a problem" for resolution and the dashboard. */
const ACTIVE: readonly FindingStatus[] = ['open', 'acknowledged', 'reopened'];
const RESOLVE_BATCH = 5000;

export interface StoredFinding {
  fingerprint: string;
  pageId: string;
  spaceId: string;
  status: FindingStatus;
  statusReason: string | null;
  statusBy: string | null;
  statusAt: number | null;
  suppressedUntil: number | null;
  firstSeen: number;
  lastSeen: number;
  lastScanId: string;
  finding: Finding;
}

/**
 * Records what one scan (or page re-check) saw. Idempotent per fingerprint: a redelivered chunk
 * rewrites the same row. The status assignment comes first because MySQL evaluates ON DUPLICATE KEY
 * UPDATE assignments left to right: it must see the old status and suppressed_until.
 * resolved → reopened; suppressed past its expiry → reopened; anything else keeps its status.
 */
export async function recordSeenFindings(
  db: SqlExecutor,
  findings: readonly { finding: Finding; spaceId: string }[],
  scanId: string,
  now: number,
): Promise<void> {
  const rows: SqlValue[][] = findings.map(({ finding: f, spaceId }) => [
    f.fingerprint,
    f.pageId,
    spaceId,
    f.kind,
    f.severity,
    'open',
    now,
    now,
    scanId,
    JSON.stringify(f),
  ]);
  await batchInsert(db, {
    table: 'rg_findings',
    columns: [
      'fingerprint',
      'page_id',
      'space_id',
      'kind',
      'severity',
      'status',
      'first_seen',
      'last_seen',
      'last_scan_id',
      'data',
    ],
    rows,
    suffix: `ON DUPLICATE KEY UPDATE
      status = CASE
        WHEN status = 'resolved' THEN 'reopened'
        WHEN status = 'suppressed' AND suppressed_until IS NOT NULL AND suppressed_until <= VALUES(last_seen) THEN 'reopened'
        ELSE status END,
      status_reason = CASE WHEN status = 'reopened' AND last_scan_id <> VALUES(last_scan_id) THEN NULL ELSE status_reason END,
      page_id = VALUES(page_id), space_id = VALUES(space_id), kind = VALUES(kind), severity = VALUES(severity),
      last_seen = GREATEST(last_seen, VALUES(last_seen)), last_scan_id = VALUES(last_scan_id), data = VALUES(data)`,
  });
}

/**
 * After a scan: findings on the scanned pages that this scan did not see are resolved. Suppressed
 * ones stay suppressed (the suppression is a decision about the reference, not its current state).
 * Safe to repeat. Page ids go in batches to keep the statement small.
 */
export async function resolveUnseen(
  db: SqlExecutor,
  scanId: string,
  pageIds: readonly string[] | 'all',
  now: number,
): Promise<number> {
  const active = ACTIVE.map(() => '?').join(', ');
  if (pageIds === 'all') {
    // Bounded batches: one UPDATE over every finding of a large site could pass the 10 s DML limit.
    let resolved = 0;
    for (;;) {
      const r = await db.execute(
        `UPDATE rg_findings SET status = 'resolved', status_at = ?, status_by = NULL
         WHERE last_scan_id <> ? AND status IN (${active}) LIMIT ${RESOLVE_BATCH}`,
        [now, scanId, ...ACTIVE],
      );
      resolved += r.affectedRows;
      if (r.affectedRows < RESOLVE_BATCH) return resolved;
    }
  }
  let total = 0;
  for (let i = 0; i < pageIds.length; i += 500) {
    const batch = pageIds.slice(i, i + 500);
    const r = await db.execute(
      `UPDATE rg_findings SET status = 'resolved', status_at = ?, status_by = NULL
       WHERE last_scan_id <> ? AND status IN (${active}) AND page_id IN (${batch.map(() => '?').join(', ')})`,
      [now, scanId, ...ACTIVE, ...batch],
    );
    total += r.affectedRows;
  }
  return total;
}

export type StatusChange =
  | { status: 'acknowledged'; by: string; reason: string | null }
  | { status: 'suppressed'; by: string; reason: string; until: number | null }
  | { status: 'open'; by: string; reason: null };

/** A person's decision about a finding. Returns false when no such finding exists. */
export async function changeStatus(
  db: SqlExecutor,
  fingerprint: string,
  change: StatusChange,
  now: number,
): Promise<boolean> {
  const until = change.status === 'suppressed' ? change.until : null;
  const r = await db.execute(
    `UPDATE rg_findings SET status = ?, status_reason = ?, status_by = ?, status_at = ?, suppressed_until = ?
     WHERE fingerprint = ?`,
    [change.status, change.reason, change.by, now, until, fingerprint],
  );
  return r.affectedRows > 0;
}

export async function getFinding(db: SqlExecutor, fingerprint: string): Promise<StoredFinding | null> {
  const rows = await db.query<Record<string, unknown>>('SELECT * FROM rg_findings WHERE fingerprint = ?', [
    fingerprint,
  ]);
  return rows[0] ? toStored(rows[0]) : null;
}

export async function findingsForPages(
  db: SqlExecutor,
  pageIds: readonly string[],
  statuses: readonly FindingStatus[] = FINDING_STATUSES,
): Promise<StoredFinding[]> {
  const out: StoredFinding[] = [];
  for (let i = 0; i < pageIds.length; i += 500) {
    const batch = pageIds.slice(i, i + 500);
    if (batch.length === 0) continue;
    const rows = await db.query<Record<string, unknown>>(
      `SELECT * FROM rg_findings WHERE page_id IN (${batch.map(() => '?').join(', ')})
       AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY page_id, fingerprint`,
      [...batch, ...statuses],
    );
    out.push(...rows.map(toStored));
  }
  return out;
}

/** Keyset pagination over every finding (dashboard), newest activity first. */
export async function listFindings(
  db: SqlExecutor,
  options: { statuses?: readonly FindingStatus[]; limit: number; afterFingerprint?: string },
): Promise<StoredFinding[]> {
  const statuses = options.statuses ?? FINDING_STATUSES;
  const params: SqlValue[] = [...statuses];
  let where = `status IN (${statuses.map(() => '?').join(', ')})`;
  if (options.afterFingerprint) {
    where += ' AND fingerprint > ?';
    params.push(options.afterFingerprint);
  }
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM rg_findings WHERE ${where} ORDER BY fingerprint LIMIT ${Math.max(1, Math.min(500, options.limit))}`,
    params,
  );
  return rows.map(toStored);
}

function toStored(row: Record<string, unknown>): StoredFinding {
  return {
    fingerprint: str(row.fingerprint),
    pageId: str(row.page_id),
    spaceId: str(row.space_id),
    status: str(row.status) as FindingStatus,
    statusReason: strOrNull(row.status_reason),
    statusBy: strOrNull(row.status_by),
    statusAt: numOrNull(row.status_at),
    suppressedUntil: numOrNull(row.suppressed_until),
    firstSeen: num(row.first_seen),
    lastSeen: num(row.last_seen),
    lastScanId: str(row.last_scan_id),
    finding: JSON.parse(str(row.data)) as Finding,
  };
}

export interface FindingFilter {
  statuses?: readonly FindingStatus[];
  kinds?: readonly string[];
  severities?: readonly string[];
  spaceId?: string;
  pageId?: string;
}

/** Errors first: the severity order as a number, so it can be sorted and compared in SQL. */
const SEVERITY_RANK = `CASE WHEN severity = 'error' THEN 0 WHEN severity = 'warning' THEN 1 ELSE 2 END`;

export function severityRank(severity: string): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

/**
 * `fingerprint`: stable order only. `severity`: errors first, then most recently seen.
 * `page`: grouped by page id, errors first within a page.
 */
export type FindingSort = 'fingerprint' | 'severity' | 'page';

/** The sort key of the last row a page ended on; the next page starts strictly after it. */
export interface FindingKey {
  rank: number;
  lastSeen: number;
  pageId: string;
  fingerprint: string;
}

export function findingKey(f: StoredFinding): FindingKey {
  return {
    rank: severityRank(f.finding.severity),
    lastSeen: f.lastSeen,
    pageId: f.pageId,
    fingerprint: f.fingerprint,
  };
}

function filterClause(filter: FindingFilter): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const inList = (column: string, values: readonly string[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    // Value sets of an enum: duplicates add nothing, and a spread of thousands would blow the stack.
    const unique = [...new Set(values)];
    where.push(`${column} IN (${unique.map(() => '?').join(', ')})`);
    for (const value of unique) params.push(value);
  };
  inList('status', filter.statuses);
  inList('kind', filter.kinds);
  inList('severity', filter.severities);
  if (filter.spaceId !== undefined) {
    where.push('space_id = ?');
    params.push(filter.spaceId);
  }
  if (filter.pageId !== undefined) {
    where.push('page_id = ?');
    params.push(filter.pageId);
  }
  return { where, params };
}

/** Keyset pagination with the dashboard's filters applied in SQL. */
export async function queryFindings(
  db: SqlExecutor,
  filter: FindingFilter,
  options: { limit: number; afterFingerprint?: string; sort?: FindingSort; after?: FindingKey },
): Promise<StoredFinding[]> {
  const { where, params } = filterClause(filter);
  const sort = options.sort ?? 'fingerprint';
  const after = options.after;
  let order = 'fingerprint';
  if (sort === 'severity') {
    order = `${SEVERITY_RANK}, last_seen DESC, fingerprint`;
    if (after !== undefined) {
      where.push(
        `(${SEVERITY_RANK} > ? OR (${SEVERITY_RANK} = ? AND (last_seen < ? OR (last_seen = ? AND fingerprint > ?))))`,
      );
      params.push(after.rank, after.rank, after.lastSeen, after.lastSeen, after.fingerprint);
    }
  } else if (sort === 'page') {
    order = `page_id, ${SEVERITY_RANK}, fingerprint`;
    if (after !== undefined) {
      where.push(
        `(page_id > ? OR (page_id = ? AND (${SEVERITY_RANK} > ? OR (${SEVERITY_RANK} = ? AND fingerprint > ?))))`,
      );
      params.push(after.pageId, after.pageId, after.rank, after.rank, after.fingerprint);
    }
  } else {
    const from = after?.fingerprint ?? options.afterFingerprint;
    if (from !== undefined) {
      where.push('fingerprint > ?');
      params.push(from);
    }
  }
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM rg_findings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order} LIMIT ${Math.max(1, Math.min(500, Math.floor(options.limit)))}`,
    params,
  );
  return rows.map(toStored);
}

/** How many findings match the SQL-side filters (every page, no permission check). */
export async function countFindings(db: SqlExecutor, filter: FindingFilter): Promise<number> {
  const { where, params } = filterClause(filter);
  const rows = await db.query<{ n: unknown }>(
    `SELECT COUNT(*) AS n FROM rg_findings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return num(rows[0]?.n ?? 0);
}

export type SeverityCounts = Record<'error' | 'warning' | 'info', number>;
export type KindCounts = Record<
  'missing' | 'wrong-region' | 'not-running' | 'dangling' | 'unverifiable',
  number
>;

/**
 * Active findings (open, acknowledged, reopened) by severity and by kind, in one statement with
 * conditional sums (the one-row aggregate shape the other repos use), optionally for one page.
 */
export async function countActiveFindings(
  db: SqlExecutor,
  pageId?: string,
): Promise<{ total: number; bySeverity: SeverityCounts; byKind: KindCounts }> {
  const severities = ['error', 'warning', 'info'] as const;
  const kinds = ['missing', 'wrong-region', 'not-running', 'dangling', 'unverifiable'] as const;
  const sums = [
    ...severities.map((_, i) => `COALESCE(SUM(CASE WHEN severity = ? THEN 1 ELSE 0 END), 0) AS s${i}`),
    ...kinds.map((_, i) => `COALESCE(SUM(CASE WHEN kind = ? THEN 1 ELSE 0 END), 0) AS k${i}`),
  ];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT COUNT(*) AS n, ${sums.join(', ')} FROM rg_findings
     WHERE status IN (${ACTIVE.map(() => '?').join(', ')})${pageId === undefined ? '' : ' AND page_id = ?'}`,
    [...severities, ...kinds, ...ACTIVE, ...(pageId === undefined ? [] : [pageId])],
  );
  const row = rows[0] ?? {};
  const bySeverity = Object.fromEntries(
    severities.map((v, i) => [v, num(row[`s${i}`] ?? 0)]),
  ) as SeverityCounts;
  const byKind = Object.fromEntries(kinds.map((v, i) => [v, num(row[`k${i}`] ?? 0)])) as KindCounts;
  return { total: num(row.n ?? 0), bySeverity, byKind };
}

/** Space ids with at least one active finding (the dashboard's space filter). */
export async function spacesWithFindings(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ space_id: unknown }>(
    `SELECT DISTINCT space_id FROM rg_findings WHERE status IN (${ACTIVE.map(() => '?').join(', ')})
     ORDER BY space_id LIMIT 1000`,
    [...ACTIVE],
  );
  return rows.map((r) => str(r.space_id));
}

/**
 * After a full scan that started at `since`: active findings no scan or re-check has seen since
 * then are resolved. The range on (status, last_seen) reads only those rows — comparing
 * last_scan_id instead reads every active finding, which on a large site passes the 10 s DML limit.
 */
export async function resolveNotSeenSince(db: SqlExecutor, since: number, now: number): Promise<number> {
  const active = ACTIVE.map(() => '?').join(', ');
  let resolved = 0;
  for (;;) {
    const r = await db.execute(
      `UPDATE rg_findings SET status = 'resolved', status_at = ?, status_by = NULL
       WHERE status IN (${active}) AND last_seen < ? LIMIT ${RESOLVE_BATCH}`,
      [now, ...ACTIVE, since],
    );
    resolved += r.affectedRows;
    if (r.affectedRows < RESOLVE_BATCH) return resolved;
  }
}

/** The resolution reason of a finding whose page left the scan scope (still named in the finding). */
export const OUT_OF_SCOPE = 'out-of-scope';

/** Active findings of these pages are resolved as out of scope (a page edit outside the scope). */
export async function resolvePagesOutOfScope(
  db: SqlExecutor,
  pageIds: readonly string[],
  now: number,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < pageIds.length; i += 500) {
    const batch = pageIds.slice(i, i + 500);
    if (batch.length === 0) continue;
    const r = await db.execute(
      `UPDATE rg_findings SET status = 'resolved', status_reason = ?, status_at = ?, status_by = NULL
       WHERE status IN (${ACTIVE.map(() => '?').join(', ')}) AND page_id IN (${batch.map(() => '?').join(', ')})`,
      [OUT_OF_SCOPE, now, ...ACTIVE, ...batch],
    );
    total += r.affectedRows;
  }
  return total;
}

/**
 * After a full scan that started at `since`: active findings on pages the scan did not list (the
 * page left the scope, or was deleted) and that nothing saw since are resolved as out of scope,
 * a bounded batch of pages at a time. Runs before resolveNotSeenSince, which takes the rest.
 * Suppressed findings keep their decision, as everywhere.
 */
export async function resolveUnlistedOutOfScope(
  db: SqlExecutor,
  scanId: string,
  since: number,
  now: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query<{ page_id: unknown }>(
      `SELECT DISTINCT f.page_id FROM rg_findings f
       LEFT JOIN rg_scan_pages s ON s.scan_id = ? AND s.page_id = f.page_id
       WHERE s.page_id IS NULL AND f.status IN (${ACTIVE.map(() => '?').join(', ')}) AND f.last_seen < ?
       LIMIT 500`,
      [scanId, ...ACTIVE, since],
    );
    const ids = rows.map((r) => str(r.page_id));
    if (ids.length === 0) return total;
    const r = await db.execute(
      `UPDATE rg_findings SET status = 'resolved', status_reason = ?, status_at = ?, status_by = NULL
       WHERE status IN (${ACTIVE.map(() => '?').join(', ')}) AND last_seen < ?
       AND page_id IN (${ids.map(() => '?').join(', ')})`,
      [OUT_OF_SCOPE, now, ...ACTIVE, since, ...ids],
    );
    total += r.affectedRows;
    if (r.affectedRows === 0) return total;
  }
}
