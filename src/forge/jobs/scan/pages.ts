import { ConfluenceError } from '../../../confluence/client';
import { listAllPages, searchPages, type PageListPage } from '../../../confluence/page-list';
import { extractPage } from '../../../core/extract';
import { recordScanPages, countScanPages } from '../../../store/repos/scan-pages';
import { savePagePeople } from '../../../store/repos/page-people';
import { savePages, storedVersions } from '../../../store/repos/pages';
import { updateScan } from '../../../store/repos/scans';
import type { AppDeps } from '../../deps';
import { readSettings } from '../../settings';
import { chunk, enqueue, type ScanChunk } from './events';

/** Pages per list request: bodies included, so well under Confluence's 250 and Forge SQL's 1 MiB. */
export const PAGES_PER_CHUNK = 50;

export async function runPagesChunk(
  deps: AppDeps,
  c: Extract<ScanChunk, { step: 'pages' }>,
): Promise<boolean> {
  let list: PageListPage;
  try {
    const fetch = deps.confluence.asApp();
    list =
      c.none === true
        ? { pages: [], next: null }
        : c.cql !== undefined
          ? await searchPages(fetch, c.cql, c.cursor, PAGES_PER_CHUNK)
          : await listAllPages(fetch, c.cursor, PAGES_PER_CHUNK);
  } catch (error) {
    if (error instanceof ConfluenceError && error.status === 429) {
      const wait = Math.min(900, error.retryAfterSeconds ?? 30);
      deps.log.warn('confluence rate limited; chunk re-queued', {
        scanId: c.scanId,
        chunkId: c.chunkId,
        wait,
      });
      await enqueue(deps, c.scanId, [chunk.pages(c.seq, c.cursor, scopeOf(c))], wait);
      return false;
    }
    throw error;
  }
  const known = await storedVersions(
    deps.db,
    list.pages.map((p) => p.id),
  );
  const changed = list.pages.filter((p) => p.storage !== null && known.get(p.id) !== p.version);
  const now = deps.now();
  await savePages(
    deps.db,
    changed.map((p) => ({
      pageId: p.id,
      spaceId: p.spaceId,
      spaceKey: null,
      extraction: extractPage({ id: p.id, title: p.title, version: p.version, storage: p.storage ?? '' }),
    })),
    now,
  );
  await savePagePeople(
    deps.db,
    list.pages.map((p) => ({
      pageId: p.id,
      spaceId: p.spaceId,
      ownerId: p.ownerId,
      lastEditorId: p.lastEditorId,
    })),
    now,
  );
  await recordScanPages(
    deps.db,
    c.scanId,
    list.pages.map((p) => ({ pageId: p.id, spaceId: p.spaceId })),
  );
  await updateScan(deps.db, c.scanId, { pagesTotal: await countScanPages(deps.db, c.scanId) }, now);

  const next = list.next;
  if (next !== null) {
    await enqueue(deps, c.scanId, [chunk.pages(c.seq + 1, next, scopeOf(c))]);
  } else {
    const { accounts } = await readSettings(deps.kv);
    await updateScan(deps.db, c.scanId, { phase: 'inventory' }, now);
    await enqueue(
      deps,
      c.scanId,
      accounts.length > 0 ? accounts.map((a) => chunk.inventory(a.account)) : [chunk.commit()],
    );
  }
  return true;
}

function scopeOf(c: Extract<ScanChunk, { step: 'pages' }>): { cql?: string; none?: true } {
  return c.none === true ? { none: true } : c.cql !== undefined ? { cql: c.cql } : {};
}
