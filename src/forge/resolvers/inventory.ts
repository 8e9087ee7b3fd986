import { z } from 'zod';
import { resourceKey, unreferencedResources } from '../../core/digest/unreferenced';
import type { Resource } from '../../core/inventory/snapshot';
import { GLOBAL_SERVICES, SERVICES_OF } from '../../core/match/tables';
import type { InventoryResourceView, InventoryView, ResolverPayload, UncoveredResources } from '../../shared';
import { referencedValues } from '../../store/repos/pages';
import { readLatestSnapshot, readLatestSnapshotHeader } from '../../store/repos/snapshots';
import type { AppDeps } from '../deps';
import { coverageCells } from './coverage-view';
import { decodeCursor, encodeCursor } from './cursor';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';

/** A cursor is the resourceKey of the last item shown; lists are sorted by it. */
const keyCursor = z.object({ k: z.string().min(1).max(2048) }).strict();

function view(r: Resource): InventoryResourceView {
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

/** One keyset page of `sorted` (sorted by resourceKey) after the cursor's key. */
function page(
  sorted: readonly Resource[],
  limit: number,
  cursor: string | undefined,
): { total: number; items: InventoryResourceView[]; nextCursor: string | null } {
  const after = cursor === undefined ? null : decodeCursor(cursor, keyCursor).k;
  const from = after === null ? 0 : sorted.findIndex((r) => resourceKey(r) > after);
  const start = from === -1 ? sorted.length : from;
  const slice = sorted.slice(start, start + limit);
  const last = slice[slice.length - 1];
  return {
    total: sorted.length,
    items: slice.map(view),
    nextCursor:
      start + limit < sorted.length && last !== undefined ? encodeCursor({ k: resourceKey(last) }) : null,
  };
}

const byKey = (a: Resource, b: Resource): number =>
  resourceKey(a) < resourceKey(b) ? -1 : resourceKey(a) > resourceKey(b) ? 1 : 0;

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
  const snapshot = await readLatestSnapshot(deps.db);
  if (snapshot === null) return { snapshotTakenAt: null, total: 0, items: [], nextCursor: null };
  const wanted = snapshot.resources.filter(
    (r) =>
      (p.account === undefined || r.account === p.account) &&
      (p.region === undefined || r.region === p.region) &&
      (p.resourceType === undefined || r.kind === p.resourceType) &&
      (p.tag === undefined ||
        (Object.prototype.hasOwnProperty.call(r.tags, p.tag.key) &&
          (p.tag.value === undefined || r.tags[p.tag.key] === p.tag.value))),
  );
  const values = [...(await referencedValues(deps.db))].map((value) => ({ value }));
  const uncovered = new Set(unreferencedResources(wanted, values).map(resourceKey));
  const list = wanted.filter((r) => uncovered.has(resourceKey(r))).sort(byKey);
  const takenAt = Date.parse(snapshot.takenAt);
  return { snapshotTakenAt: Number.isFinite(takenAt) ? takenAt : null, ...page(list, p.limit, p.cursor) };
}

/**
 * Counts per account/region/service from the snapshot header (no resources read); the resource
 * list only for one chosen cell, which needs the whole snapshot.
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
  const snapshot = await readLatestSnapshot(deps.db);
  const resources = (snapshot?.resources ?? [])
    .filter(
      (r) =>
        r.account === p.account &&
        SERVICES_OF[r.kind].includes(service) &&
        (GLOBAL_SERVICES.has(service) || r.region === p.region),
    )
    .sort(byKey);
  return { snapshotTakenAt: header.takenAtMs, cells, resources: page(resources, p.limit, p.cursor) };
}
