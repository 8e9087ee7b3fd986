import { displayNames, pageUrl } from '../../confluence/spaces';
import { viewablePageIds } from '../../confluence/permissions';
import type { PersonView, ResolverPayload, SpaceCoverageView, SpaceFindingList } from '../../shared';
import { countSpacePages, peopleOf, rowsPerPage, spaceCoverage } from '../../store/repos/page-people';
import type { AppDeps } from '../deps';
import type { Caller } from './dispatch';
import { listFindings } from './findings';
import { requireAdminOfSpace, spaceAsUser } from './scope';

function person(names: Map<string, string>, id: string | null): PersonView | null {
  return id === null ? null : { accountId: id, displayName: names.get(id) ?? id };
}

/**
 * The space page's findings: the dashboard's list (its filters, sort, cursor and page-view check)
 * held to this space, for this space's admins only; each with its page's owner and last editor
 * (as Confluence reported them when the page was last listed) and the page's address.
 */
export async function listSpaceFindings(
  p: ResolverPayload<'listSpaceFindings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SpaceFindingList> {
  await requireAdminOfSpace(caller, deps, p.spaceId);
  const { base } = await spaceAsUser(deps, p.spaceId);
  const list = await listFindings({ ...p, spaceId: p.spaceId }, caller, deps);
  const people = await peopleOf(
    deps.db,
    list.items.map((f) => f.pageId),
  );
  const ids = [...people.values()].flatMap((x) => [x.ownerId, x.lastEditorId]).filter((x) => x !== null);
  const names = await displayNames(deps.confluence.asUser(), ids);
  return {
    ...list,
    items: list.items.map((f) => ({
      ...f,
      owner: person(names, people.get(f.pageId)?.ownerId ?? null),
      lastEditor: person(names, people.get(f.pageId)?.lastEditorId ?? null),
      pageUrl: pageUrl(base, f.pageId),
    })),
  };
}

/** Which of the space's pages were checked, when, and how many references each holds. */
export async function getSpaceCoverage(
  p: ResolverPayload<'getSpaceCoverage'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SpaceCoverageView> {
  await requireAdminOfSpace(caller, deps, p.spaceId);
  const { space, base } = await spaceAsUser(deps, p.spaceId);
  const rows = await spaceCoverage(deps.db, p.spaceId, {
    limit: p.limit + 1,
    ...(p.afterPageId === undefined ? {} : { afterPageId: p.afterPageId }),
  });
  const page = rows.slice(0, p.limit);
  // Space admins may still not see a restricted page: its title stays hidden like everywhere.
  const visible = await viewablePageIds(
    deps.confluence.asUser(),
    page.map((r) => r.pageId),
  );
  const shown = page.filter((r) => visible.has(r.pageId));
  const open = await openCounts(
    deps,
    shown.map((r) => r.pageId),
  );
  const names = await displayNames(
    deps.confluence.asUser(),
    shown.flatMap((r) => [r.ownerId, r.lastEditorId]).filter((x) => x !== null),
  );
  return {
    space,
    totalPages: await countSpacePages(deps.db, p.spaceId),
    pages: shown.map((r) => ({
      pageId: r.pageId,
      title: r.title,
      version: r.version,
      checkedAt: r.checkedAt,
      references: r.references,
      openFindings: open.get(r.pageId) ?? 0,
      owner: person(names, r.ownerId),
      lastEditor: person(names, r.lastEditorId),
      pageUrl: pageUrl(base, r.pageId),
    })),
    nextAfterPageId: rows.length > p.limit ? (page[page.length - 1]?.pageId ?? null) : null,
  };
}

function openCounts(deps: AppDeps, pageIds: readonly string[]): Promise<Map<string, number>> {
  return rowsPerPage(
    deps.db,
    "SELECT page_id FROM rg_findings WHERE status IN ('open', 'acknowledged', 'reopened') AND",
    pageIds,
  );
}
