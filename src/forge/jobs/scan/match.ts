import type { InventorySnapshot } from '../../../core/inventory/snapshot';
import { indexSnapshot, scanPages, type InventoryIndex, type ReferenceRecord } from '../../../core/match';
import { recordSeenFindings } from '../../../store/repos/findings';
import { markChecked } from '../../../store/repos/page-people';
import { loadPages, saveReferencesForPages } from '../../../store/repos/pages';
import { scanPageIdsBetween } from '../../../store/repos/scan-pages';
import { addPagesDone, completeChunk, getScan } from '../../../store/repos/scans';
import { readSnapshot } from '../../../store/repos/snapshots';
import type { AppDeps } from '../../deps';
import type { ScanChunk } from './events';

/**
 * A warm container keeps each installation's last snapshot index, so every match chunk of a scan
 * uses the same one. Keyed by installation (a container serves several: tenant-data-isolation) and
 * by snapshot id, and bounded: an index can be large, so only the most recent few are kept.
 */
const cached = new Map<string, { id: string; index: InventoryIndex }>();
const MAX_CACHED_INDEXES = 2;

async function indexFor(deps: AppDeps, snapshotId: string): Promise<InventoryIndex> {
  const hit = cached.get(deps.installId);
  if (hit?.id === snapshotId) return hit.index;
  const snapshot: InventorySnapshot | null = await readSnapshot(deps.db, snapshotId);
  if (snapshot === null) throw new Error(`snapshot ${snapshotId} is missing`);
  const entry = { id: snapshotId, index: indexSnapshot(snapshot) };
  cached.delete(deps.installId);
  if (cached.size >= MAX_CACHED_INDEXES) cached.delete(cached.keys().next().value as string);
  cached.set(deps.installId, entry);
  return entry.index;
}

/**
 * Matches one range of the scan's pages against the scan's snapshot and records what it saw.
 * Findings are upserts by fingerprint and references are replaced per page: a duplicate is a no-op.
 * Marks itself done (so the pages counter moves exactly once) and returns.
 */
export async function runMatchChunk(deps: AppDeps, c: Extract<ScanChunk, { step: 'match' }>): Promise<void> {
  const scan = await getScan(deps.db, c.scanId);
  if (scan?.snapshotId == null) throw new Error(`scan ${c.scanId} has no snapshot yet`);
  const index = await indexFor(deps, scan.snapshotId);
  const ids = await scanPageIdsBetween(deps.db, c.scanId, c.from, c.to);
  const pages = await loadPages(deps.db, ids);
  const spaceOf = new Map(pages.map((p) => [p.extraction.pageId, p.spaceId]));
  const report = scanPages(
    pages.map((p) => p.extraction),
    index,
  );
  const byPage = new Map<string, ReferenceRecord[]>();
  for (const r of report.references) byPage.set(r.pageId, [...(byPage.get(r.pageId) ?? []), r]);
  await saveReferencesForPages(
    deps.db,
    pages.map((p) => ({
      pageId: p.extraction.pageId,
      pageVersion: p.extraction.version,
      references: byPage.get(p.extraction.pageId) ?? [],
    })),
  );
  const now = deps.now();
  await recordSeenFindings(
    deps.db,
    report.findings.map((finding) => ({ finding, spaceId: spaceOf.get(finding.pageId) ?? '' })),
    c.scanId,
    now,
  );
  await markChecked(
    deps.db,
    pages.map((p) => ({ pageId: p.extraction.pageId, spaceId: p.spaceId })),
    now,
  );
  if (await completeChunk(deps.db, c.scanId, c.chunkId, now))
    await addPagesDone(deps.db, c.scanId, pages.length, now);
}
