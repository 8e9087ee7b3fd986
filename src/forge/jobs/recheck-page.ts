import { randomUUID } from 'node:crypto';
import { route } from '@forge/api';
import { z } from 'zod';
import { getJson } from '../../confluence/client';
import { searchPages } from '../../confluence/page-list';
import { pageInScopeCql } from '../../core/scope';
import { extractPage } from '../../core/extract';
import { indexSnapshot, scanPages } from '../../core/match';
import { recordSeenFindings, resolvePagesOutOfScope, resolveUnseen } from '../../store/repos/findings';
import { markChecked, savePagePeople } from '../../store/repos/page-people';
import { acquireLock, dropLock, lockHolder } from '../../store/repos/locks';
import { savePages, saveReferences } from '../../store/repos/pages';
import { readLatestSnapshot } from '../../store/repos/snapshots';
import type { AppDeps } from '../deps';
import { currentScope } from '../scope/store';

const pageSchema = z.object({
  id: z.string(),
  title: z.string(),
  spaceId: z.string(),
  ownerId: z.string().nullable().optional(),
  version: z.object({ number: z.number().int(), authorId: z.string().nullable().optional() }),
  body: z.object({ storage: z.object({ value: z.string() }) }),
});

/** A requested re-check counts as pending this long at most (a lost event must not block the next). */
export const RECHECK_PENDING_MS = 10 * 60_000;
const lockName = (pageId: string): string => `recheck:${pageId}`;

/**
 * Queues a re-check of one page unless one is already pending (a named lock with an expiry is the
 * debounce: taken in one statement by a unique holder, so of two racing requests one wins; dropped
 * when the re-check ran). True when this call queued it.
 */
export async function requestRecheck(deps: AppDeps, pageId: string): Promise<boolean> {
  if (!(await acquireLock(deps.db, lockName(pageId), randomUUID(), RECHECK_PENDING_MS, deps.now())))
    return false;
  await deps.queue.push([{ body: { type: 'page-recheck', pageId } }]);
  return true;
}

export async function isRecheckPending(deps: AppDeps, pageId: string): Promise<boolean> {
  return (await lockHolder(deps.db, lockName(pageId), deps.now())) !== null;
}

/**
 * A page edit re-checks that page only, against the latest snapshot. Idempotent: the recheck id is
 * derived from page and version, so a duplicate event rewrites the same rows. Without a snapshot
 * yet there is nothing to match against; the page is stored for the next full scan. A page outside
 * the scan scope is not read: its findings are resolved as out of scope (one search request asks).
 */
export async function recheckPage(
  deps: AppDeps,
  pageId: string,
): Promise<{ findings: number } | { outOfScope: number } | null> {
  if (!(await inScope(deps, pageId))) {
    const resolved = await resolvePagesOutOfScope(deps.db, [pageId], deps.now());
    await dropLock(deps.db, lockName(pageId));
    return { outOfScope: resolved };
  }
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
  await savePagePeople(
    deps.db,
    [
      {
        pageId: page.id,
        spaceId: page.spaceId,
        ownerId: page.ownerId ?? null,
        lastEditorId: page.version.authorId ?? null,
      },
    ],
    now,
  );
  const snapshot = await readLatestSnapshot(deps.db);
  if (snapshot === null) {
    await dropLock(deps.db, lockName(page.id));
    return null;
  }
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
  await markChecked(deps.db, [{ pageId: page.id, spaceId: page.spaceId }], now);
  await dropLock(deps.db, lockName(page.id));
  return { findings: report.findings.length };
}

async function inScope(deps: AppDeps, pageId: string): Promise<boolean> {
  const { plan } = await currentScope(deps);
  if (plan.kind !== 'cql') return plan.kind === 'everything';
  const found = await searchPages(deps.confluence.asApp(), pageInScopeCql(plan, pageId), null, 1, false);
  return found.pages.some((p) => p.id === pageId);
}
