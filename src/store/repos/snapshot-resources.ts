import { isRunbookWorthy, resourceKey, resourceSpellings } from '../../core/digest/unreferenced';
import type { Resource, ResourceKind } from '../../core/inventory/snapshot';
import { batchInsert } from '../batch';
import { num, str, type SqlExecutor, type SqlValue } from '../executor';

/**
 * The current snapshot's resources as rows (rg_snapshot_resources, rg_snapshot_spellings), so the
 * dashboard filters, counts and pages in SQL: one bounded SELECT per page instead of every chunk.
 */

/** A resource as the dashboard lists it (no DNS names, IPs or attributes). */
export interface IndexedResource {
  seq: number;
  kind: ResourceKind;
  id: string;
  arn: string | null;
  name: string | null;
  account: string;
  region: string | null;
  state: string | null;
  tags: Record<string, string>;
}

/** Longest spelling the key holds (migration 019); a longer one could never equal a stored reference. */
const MAX_SPELLING = 700;

/**
 * Writes a snapshot's rows: spellings first, resources in seq order, so the last resource row
 * being present means the whole index is (see isIndexed). Re-running replaces them.
 */
export async function indexSnapshotResources(
  db: SqlExecutor,
  snapshotId: string,
  resources: readonly Resource[],
): Promise<void> {
  // A retried write under the same id may have had other resources: start from none.
  while ((await deleteSnapshotResources(db, snapshotId, 10_000)) > 0);
  const keyed = resources.map((r) => ({ r, key: resourceKey(r) }));
  const sorted = keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.r);
  const spellings: SqlValue[][] = [];
  sorted.forEach((r, seq) => {
    if (!isRunbookWorthy(r.kind)) return;
    for (const s of new Set(resourceSpellings(r)))
      if (s.length <= MAX_SPELLING) spellings.push([snapshotId, s, seq]);
  });
  // An upsert: MariaDB's case- and accent-insensitive collation may see two spellings as one key.
  await batchInsert(db, {
    table: 'rg_snapshot_spellings',
    columns: ['snapshot_id', 'spelling', 'seq'],
    rows: spellings,
    suffix: 'ON DUPLICATE KEY UPDATE seq = VALUES(seq)',
  });
  await batchInsert(db, {
    table: 'rg_snapshot_resources',
    columns: ['snapshot_id', 'seq', 'kind', 'account', 'region', 'worthy', 'data'],
    rows: sorted.map((r, seq) => [
      snapshotId,
      seq,
      r.kind,
      r.account,
      r.region ?? '',
      isRunbookWorthy(r.kind) ? 1 : 0,
      JSON.stringify({
        kind: r.kind,
        id: r.id,
        arn: r.arn,
        name: r.name,
        account: r.account,
        region: r.region,
        state: r.state,
        tags: r.tags,
      }),
    ]),
    suffix:
      'ON DUPLICATE KEY UPDATE kind = VALUES(kind), account = VALUES(account), region = VALUES(region), worthy = VALUES(worthy), data = VALUES(data)',
  });
}

/** Whether the snapshot's rows are all written (a snapshot from before migration 018 has none). */
export async function isIndexed(db: SqlExecutor, snapshotId: string): Promise<boolean> {
  const rows = await db.query<{ resource_count: unknown; last: unknown }>(
    `SELECT s.resource_count,
       (SELECT COUNT(*) FROM rg_snapshot_resources r WHERE r.snapshot_id = s.snapshot_id AND r.seq = s.resource_count - 1) AS last
     FROM rg_snapshots s WHERE s.snapshot_id = ?`,
    [snapshotId],
  );
  const row = rows[0];
  return row !== undefined && (num(row.resource_count) === 0 || num(row.last) > 0);
}

/** Deletes up to `limit` rows of each table for the snapshot; returns how many went. */
export async function deleteSnapshotResources(
  db: SqlExecutor,
  snapshotId: string,
  limit: number,
): Promise<number> {
  let deleted = 0;
  for (const table of ['rg_snapshot_spellings', 'rg_snapshot_resources'])
    deleted += (await db.execute(`DELETE FROM ${table} WHERE snapshot_id = ? LIMIT ${limit}`, [snapshotId]))
      .affectedRows;
  return deleted;
}

export interface ResourceFilter {
  account?: string;
  /** A region; global resources (region '') never match one. */
  region?: string;
  kinds?: readonly ResourceKind[];
  /** Only kinds a runbook is expected to name, and only those no stored reference names. */
  uncovered?: boolean;
}

function where(snapshotId: string, f: ResourceFilter): { sql: string; params: SqlValue[] } {
  const parts = ['r.snapshot_id = ?'];
  const params: SqlValue[] = [snapshotId];
  if (f.account !== undefined) {
    parts.push('r.account = ?');
    params.push(f.account);
  }
  if (f.region !== undefined) {
    parts.push('r.region = ?');
    params.push(f.region);
  }
  if (f.kinds !== undefined) {
    if (f.kinds.length === 0) parts.push('1 = 0');
    else {
      parts.push(`r.kind IN (${f.kinds.map(() => '?').join(', ')})`);
      params.push(...f.kinds);
    }
  }
  if (f.uncovered === true) {
    // Uncorrelated NOT IN: each engine builds the covered set once (driven by the references,
    // through the spellings key), not once per resource. Matching ignores case on every engine.
    parts.push(
      `r.worthy = 1 AND r.seq NOT IN (SELECT s.seq FROM rg_snapshot_spellings s JOIN rg_references f
         ON s.spelling = LOWER(f.value) WHERE s.snapshot_id = ?)`,
    );
    params.push(snapshotId);
  }
  return { sql: parts.join(' AND '), params };
}

export async function countResources(
  db: SqlExecutor,
  snapshotId: string,
  f: ResourceFilter,
): Promise<number> {
  const w = where(snapshotId, f);
  const rows = await db.query<{ n: unknown }>(
    `SELECT COUNT(*) AS n FROM rg_snapshot_resources r WHERE ${w.sql}`,
    w.params,
  );
  return num(rows[0]?.n ?? 0);
}

/** Up to `limit` resources after seq `after`, in seq (resourceKey) order. */
export async function resourcesAfter(
  db: SqlExecutor,
  snapshotId: string,
  f: ResourceFilter,
  after: number,
  limit: number,
): Promise<IndexedResource[]> {
  const w = where(snapshotId, f);
  const rows = await db.query<{ seq: unknown; data: unknown }>(
    `SELECT r.seq, r.data FROM rg_snapshot_resources r WHERE ${w.sql} AND r.seq > ?
     ORDER BY r.seq LIMIT ${Math.max(1, Math.floor(limit))}`,
    [...w.params, after],
  );
  return rows.map((row) => ({
    ...(JSON.parse(str(row.data)) as Omit<IndexedResource, 'seq'>),
    seq: num(row.seq),
  }));
}
