import { createHash } from 'node:crypto';
import type { InventorySnapshot } from '../../../core/inventory/snapshot';
import { deleteSnapshot, readSnapshot, writeSnapshot } from '../../../store/repos/snapshots';
import { scanPageIds } from '../../../store/repos/scan-pages';
import { updateScan } from '../../../store/repos/scans';
import type { AppDeps } from '../../deps';
import { ensureExternalId, readSettings } from '../../settings';
import { chunk, enqueue, type ScanChunk } from './events';

/** Pages per match chunk: one chunk reads its pages' extractions and matches them in seconds. */
export const PAGES_PER_MATCH_CHUNK = 100;

/** A part's snapshot id: derived, so a redelivered chunk rewrites the same rows. */
export function partId(scanId: string, account: string): string {
  return createHash('sha256').update(`${scanId}:${account}`).digest('hex').slice(0, 36);
}

/** One account's inventory, written as a part (no pointer switch) for the commit to merge. */
export async function runInventoryChunk(
  deps: AppDeps,
  c: Extract<ScanChunk, { step: 'inventory' }>,
): Promise<void> {
  const { accounts } = await readSettings(deps.kv);
  const target = accounts.find((a) => a.account === c.account);
  if (target === undefined) return; // disconnected meanwhile: the commit simply lacks it
  const externalId = await ensureExternalId(deps.kv);
  const part = await deps.aws.collect(target, externalId, deps.installId);
  await writeSnapshot(deps.db, part, {
    id: partId(c.scanId, c.account),
    now: deps.now(),
    switchPointer: false,
  });
}

/**
 * Merges the parts into one snapshot under the scan's id and switches the pointer to it (readers
 * see the old snapshot or the new one), then fans the match phase out over the scan's pages.
 */
export async function runCommitChunk(
  deps: AppDeps,
  c: Extract<ScanChunk, { step: 'inventory-commit' }>,
): Promise<void> {
  const { accounts } = await readSettings(deps.kv);
  const parts: InventorySnapshot[] = [];
  for (const a of accounts) {
    const part = await readSnapshot(deps.db, partId(c.scanId, a.account));
    if (part !== null) parts.push(part);
  }
  const now = deps.now();
  const merged: InventorySnapshot = {
    formatVersion: 1,
    takenAt: parts.map((p) => p.takenAt).sort()[0] ?? new Date(now).toISOString(),
    accounts: parts.flatMap((p) => p.accounts),
    resources: parts.flatMap((p) => p.resources),
    dnsRecords: parts.flatMap((p) => p.dnsRecords),
    coverage: parts.flatMap((p) => p.coverage),
  };
  await writeSnapshot(deps.db, merged, { id: c.scanId, now });
  for (const a of accounts) await deleteSnapshot(deps.db, partId(c.scanId, a.account));

  const ids = await scanPageIds(deps.db, c.scanId);
  const steps = [];
  for (let i = 0; i * PAGES_PER_MATCH_CHUNK < ids.length; i++) {
    const slice = ids.slice(i * PAGES_PER_MATCH_CHUNK, (i + 1) * PAGES_PER_MATCH_CHUNK);
    steps.push(chunk.match(i, slice[0] ?? '0', slice[slice.length - 1] ?? '0'));
  }
  await updateScan(
    deps.db,
    c.scanId,
    { snapshotId: c.scanId, resources: merged.resources.length, chunksTotal: steps.length },
    now,
  );
  await enqueue(deps, c.scanId, steps.length > 0 ? steps : [chunk.finalize()]);
  await updateScan(deps.db, c.scanId, { phase: 'match' }, now);
}
