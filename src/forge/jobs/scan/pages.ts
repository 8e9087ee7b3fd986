import { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError, getJson } from '../../../confluence/client';
import { extractPage } from '../../../core/extract';
import { recordScanPages, countScanPages } from '../../../store/repos/scan-pages';
import { savePages, storedVersions } from '../../../store/repos/pages';
import { updateScan } from '../../../store/repos/scans';
import type { AppDeps } from '../../deps';
import { readSettings } from '../../settings';
import { chunk, enqueue, type ScanChunk } from './events';

/** Pages per list request: bodies included, so well under Confluence's 250 and Forge SQL's 1 MiB. */
export const PAGES_PER_CHUNK = 50;

const listSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      spaceId: z.string(),
      version: z.object({ number: z.number().int() }),
      body: z.object({ storage: z.object({ value: z.string() }) }).optional(),
    }),
  ),
  _links: z.object({ next: z.string().optional() }).optional(),
});

/**
 * One page of the site's page list (bodies in storage format). Only pages whose version changed
 * since we last read them are extracted and saved; every listed page is recorded for this scan.
 * A 429 re-queues this same chunk after Retry-After instead of failing it.
 * Returns false when the chunk must not be marked done (it was re-queued).
 */
export async function runPagesChunk(
  deps: AppDeps,
  c: Extract<ScanChunk, { step: 'pages' }>,
): Promise<boolean> {
  const path =
    c.cursor === null
      ? route`/wiki/api/v2/pages?body-format=storage&status=current&limit=${PAGES_PER_CHUNK}`
      : route`/wiki/api/v2/pages?body-format=storage&status=current&limit=${PAGES_PER_CHUNK}&cursor=${c.cursor}`;
  let raw: unknown;
  try {
    raw = await getJson(deps.confluence.asApp(), path);
  } catch (error) {
    if (error instanceof ConfluenceError && error.status === 429) {
      const wait = Math.min(900, error.retryAfterSeconds ?? 30);
      deps.log.warn('confluence rate limited; chunk re-queued', {
        scanId: c.scanId,
        chunkId: c.chunkId,
        wait,
      });
      await enqueue(deps, c.scanId, [chunk.pages(c.seq, c.cursor)], wait);
      return false;
    }
    throw error;
  }
  const list = listSchema.parse(raw);
  const known = await storedVersions(
    deps.db,
    list.results.map((p) => p.id),
  );
  const changed = list.results.filter((p) => p.body !== undefined && known.get(p.id) !== p.version.number);
  const now = deps.now();
  await savePages(
    deps.db,
    changed.map((p) => ({
      pageId: p.id,
      spaceId: p.spaceId,
      spaceKey: null,
      extraction: extractPage({
        id: p.id,
        title: p.title,
        version: p.version.number,
        storage: p.body?.storage.value ?? '',
      }),
    })),
    now,
  );
  await recordScanPages(
    deps.db,
    c.scanId,
    list.results.map((p) => ({ pageId: p.id, spaceId: p.spaceId })),
  );
  await updateScan(deps.db, c.scanId, { pagesTotal: await countScanPages(deps.db, c.scanId) }, now);

  const next = nextCursor(list._links?.next);
  if (next !== null) {
    await enqueue(deps, c.scanId, [chunk.pages(c.seq + 1, next)]);
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

function nextCursor(next: string | undefined): string | null {
  if (next === undefined) return null;
  return new URL(next, 'https://site.invalid').searchParams.get('cursor');
}
