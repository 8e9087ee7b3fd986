import { z } from 'zod';
import { RESOURCE_KINDS, type ResourceKind } from '../../core/inventory/snapshot';
import { GLOBAL_SERVICES, SERVICES_OF } from '../../core/match/tables';
import type { InventoryResourceView, InventoryView, ResolverPayload, UncoveredResources } from '../../shared';
import type { SqlExecutor } from '../../store/executor';
import {
  countResources,
  indexSnapshotResources,
  isIndexed,
  resourcesAfter,
  type IndexedResource,
  type ResourceFilter,
} from '../../store/repos/snapshot-resources';
import { readLatestSnapshotHeader, readSnapshot } from '../../store/repos/snapshots';
import type { AppDeps } from '../deps';
import { coverageCells } from './coverage-view';
import { decodeCursor, encodeCursor } from './cursor';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';

/** A cursor is the seq (place in resourceKey order) of the last item shown. */
const seqCursor = z.object({ s: z.number().int().min(0) }).strict();
/** Rows per SELECT while filtering by tag in TypeScript (tags live in the row's JSON). */
const TAG_SCAN_ROWS = 1000;

function view(r: IndexedResource): InventoryResourceView {
  return {
    kind: r.kind,
    id: r.id,
    arn: r.arn,
    name: r.name,
    account: r.account,
    region: r.region,
    state: r.state,
    tags: { ...r.tags },
  };
}

type Page = { total: number; items: InventoryResourceView[]; nextCursor: string | null };

function after(cursor: string | undefined): number {
  return cursor === undefined ? -1 : decodeCursor(cursor, seqCursor).s;
}

function pageOf(total: number, rows: readonly IndexedResource[], limit: number): Page {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    total,
    items: items.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ s: last.seq }) : null,
  };
}

/** One keyset page (COUNT and limit + 1 rows), filtered in SQL. */
async function sqlPage(
  db: SqlExecutor,
  snapshotId: string,
  f: ResourceFilter,
  limit: number,
  cursor: string | undefined,
): Promise<Page> {
  const from = after(cursor);
  const total = await countResources(db, snapshotId, f);
  return pageOf(total, await resourcesAfter(db, snapshotId, f, from, limit + 1), limit);
}

/** The same page with a tag filter: every SQL-filtered row is read in bounded SELECTs to count. */
async function tagPage(
  db: SqlExecutor,
  snapshotId: string,
  f: ResourceFilter,
  tag: { key: string; value?: string },
  limit: number,
  cursor: string | undefined,
): Promise<Page> {
  const from = after(cursor);
  const matches = (r: IndexedResource): boolean =>
    Object.prototype.hasOwnProperty.call(r.tags, tag.key) &&
    (tag.value === undefined || r.tags[tag.key] === tag.value);
  let total = 0;
  const rows: IndexedResource[] = [];
  for (let seq = -1; ;) {
    const batch = await resourcesAfter(db, snapshotId, f, seq, TAG_SCAN_ROWS);
    for (const r of batch) {
      if (!matches(r)) continue;
      total += 1;
      if (r.seq > from && rows.length <= limit) rows.push(r);
    }
    const last = batch[batch.length - 1];
    if (last === undefined || batch.length < TAG_SCAN_ROWS) break;
    seq = last.seq;
  }
  return pageOf(total, rows, limit);
}

/** The snapshot's rows, written now if it predates them (once; later calls find them). */
async function ensureIndexed(db: SqlExecutor, snapshotId: string): Promise<void> {
  if (await isIndexed(db, snapshotId)) return;
  const snapshot = await readSnapshot(db, snapshotId);
  if (snapshot !== null) await indexSnapshotResources(db, snapshotId, snapshot.resources);
}

/**
 * Resources of the latest snapshot that no page names (the digest's rule: operable kinds only, any
 * spelling we match), filtered by account, region, type and tag. Tags are the snapshot's own.
 */
export async function listUncoveredResources(
  p: ResolverPayload<'listUncoveredResources'>,
  caller: Caller,
  deps: AppDeps,
): Promise<UncoveredResources> {
  await requireSiteAdmin(caller, deps);
  const header = await readLatestSnapshotHeader(deps.db);
  if (header === null) return { snapshotTakenAt: null, total: 0, items: [], nextCursor: null };
  await ensureIndexed(deps.db, header.snapshotId);
  const f: ResourceFilter = {
    uncovered: true,
    ...(p.account === undefined ? {} : { account: p.account }),
    ...(p.region === undefined ? {} : { region: p.region }),
    ...(p.resourceType === undefined ? {} : { kinds: [p.resourceType] }),
  };
  const page =
    p.tag === undefined
      ? await sqlPage(deps.db, header.snapshotId, f, p.limit, p.cursor)
      : await tagPage(deps.db, header.snapshotId, f, p.tag, p.limit, p.cursor);
  const takenAt = Date.parse(header.takenAt);
  return { snapshotTakenAt: Number.isFinite(takenAt) ? takenAt : null, ...page };
}

/**
 * Counts per account/region/service from the snapshot header (no resources read); the resource
 * list only for one chosen cell, filtered and paged in SQL.
 */
export async function listInventory(
  p: ResolverPayload<'listInventory'>,
  caller: Caller,
  deps: AppDeps,
): Promise<InventoryView> {
  await requireSiteAdmin(caller, deps);
  const header = await readLatestSnapshotHeader(deps.db);
  if (header === null) return { snapshotTakenAt: null, cells: [], resources: null };
  const cells = coverageCells(header).filter(
    (c) =>
      (p.account === undefined || c.account === p.account) &&
      (p.region === undefined || c.region === null || c.region === p.region) &&
      (p.service === undefined || c.service === p.service),
  );
  const service = p.service;
  const cellChosen =
    p.account !== undefined &&
    service !== undefined &&
    (GLOBAL_SERVICES.has(service) || p.region !== undefined);
  if (!cellChosen) return { snapshotTakenAt: header.takenAtMs, cells, resources: null };
  await ensureIndexed(deps.db, header.snapshotId);
  const kinds: ResourceKind[] = RESOURCE_KINDS.filter((k) => SERVICES_OF[k].includes(service));
  const f: ResourceFilter = {
    account: p.account,
    kinds,
    ...(GLOBAL_SERVICES.has(service) || p.region === undefined ? {} : { region: p.region }),
  };
  return {
    snapshotTakenAt: header.takenAtMs,
    cells,
    resources: await sqlPage(deps.db, header.snapshotId, f, p.limit, p.cursor),
  };
}
