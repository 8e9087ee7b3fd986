import { route } from '@forge/api';
import { z } from 'zod';
import { getJson } from '../../confluence/client';
import { extractPage } from '../../core/extract';
import { indexSnapshot, scanPages } from '../../core/match';
import { recordSeenFindings, resolveUnseen } from '../../store/repos/findings';
import { savePages, saveReferences } from '../../store/repos/pages';
import { readLatestSnapshot } from '../../store/repos/snapshots';
import type { AppDeps } from '../deps';

const pageSchema = z.object({
  id: z.string(),
  title: z.string(),
  spaceId: z.string(),
  version: z.object({ number: z.number().int() }),
  body: z.object({ storage: z.object({ value: z.string() }) }),
});

/**
 * A page edit re-checks that page only, against the latest snapshot. Idempotent: the recheck id is
 * derived from page and version, so a duplicate event rewrites the same rows. Without a snapshot
 * yet there is nothing to match against; the page is stored for the next full scan.
 */
export async function recheckPage(deps: AppDeps, pageId: string): Promise<{ findings: number } | null> {
  const raw = await getJson(deps.confluence.asApp(), route`/wiki/api/v2/pages/${pageId}?body-format=storage`);
  const page = pageSchema.parse(raw);
  const extraction = extractPage({
    id: page.id,
    title: page.title,
    version: page.version.number,
    storage: page.body.storage.value,
  });
  const now = deps.now();
  await savePages(deps.db, [{ pageId: page.id, spaceId: page.spaceId, spaceKey: null, extraction }], now);
  const snapshot = await readLatestSnapshot(deps.db);
  if (snapshot === null) return null;
  const report = scanPages([extraction], indexSnapshot(snapshot));
  const recheckId = `page:${page.id}:${page.version.number}`;
  await saveReferences(deps.db, page.id, page.version.number, report.references);
  await recordSeenFindings(
    deps.db,
    report.findings.map((finding) => ({ finding, spaceId: page.spaceId })),
    recheckId,
    now,
  );
  await resolveUnseen(deps.db, recheckId, [page.id], now);
  return { findings: report.findings.length };
}
