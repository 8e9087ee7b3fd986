import type { Reference } from '../../core/extract/types';
import { viewablePageIds } from '../../confluence/permissions';
import type { PageBadge, PageReferenceView, PageReport, ResolverPayload } from '../../shared';
import { REFERENCE_STATE_VALUES } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import { countActiveFindings, findingsForPages, type StoredFinding } from '../../store/repos/findings';
import { getStoredPage, pageReferences, type StoredReference } from '../../store/repos/pages';
import { lastFullScanOfPage } from '../../store/repos/scans';
import type { AppDeps } from '../deps';
import { forbidden } from '../errors';
import { isRecheckPending, requestRecheck } from '../jobs/recheck-page';
import type { Caller } from './dispatch';
import { signedIn } from './access';

type State = PageReferenceView['state'];

const STATE_OF: Record<string, State> = {
  ok: 'verified',
  missing: 'stale',
  'wrong-region': 'wrong-region',
  'not-running': 'not-running',
  dangling: 'dangling',
  unverifiable: 'unverifiable',
  unchecked: 'unverifiable',
  placeholder: 'placeholder',
};

async function requireViewer(caller: Caller, deps: AppDeps, pageId: string): Promise<string> {
  const who = signedIn(caller);
  if (!(await viewablePageIds(deps.confluence.asUser(), [pageId])).has(pageId))
    throw forbidden('You cannot view this page.');
  return who;
}

const sameRef = (a: { type: string; value: string }, b: { type: string; value: string }): boolean =>
  a.type === b.type && a.value.toLowerCase() === b.value.toLowerCase();

/** Newest of: the last full scan that matched the page, the last time the page row was written. */
async function lastChecked(
  deps: AppDeps,
  pageId: string,
  pageWrittenAt: number | null,
): Promise<number | null> {
  const scanned = await lastFullScanOfPage(deps.db, pageId);
  if (scanned === null) return pageWrittenAt;
  return pageWrittenAt === null ? scanned : Math.max(scanned, pageWrittenAt);
}

/**
 * Every reference on the page with its state from the latest match. References of the current
 * extraction that have no match row yet (no snapshot, or a re-check in flight) are `not-checked`.
 */
export async function getPageReport(
  p: ResolverPayload<'getPageReport'>,
  caller: Caller,
  deps: AppDeps,
): Promise<PageReport> {
  await requireViewer(caller, deps, p.pageId);
  const page = await getStoredPage(deps.db, p.pageId);
  const rows = page === null ? [] : await pageReferences(deps.db, p.pageId);
  const findings = new Map<string, StoredFinding>(
    (await findingsForPages(deps.db, [p.pageId])).map((f) => [f.fingerprint, f]),
  );
  const current = page === null ? [] : rows.filter((r) => r.pageVersion === page.extraction.version);
  const entities = page?.extraction.entities ?? [];
  const references: PageReferenceView[] = current.map((r) =>
    fromRow(r, entities.find((e) => sameRef(e, r)) ?? null, findings),
  );
  for (const e of entities) {
    if (current.some((r) => sameRef(e, r))) continue;
    references.push({
      type: e.type,
      value: e.value,
      region: e.region,
      account: e.account,
      state: e.placeholder ? 'placeholder' : 'not-checked',
      message: null,
      suggestion: null,
      fingerprint: null,
      findingStatus: null,
      findingStatusReason: null,
      headingPath: [...e.location.headingPath],
      occurrences: e.occurrences,
    });
  }
  const counts = Object.fromEntries(REFERENCE_STATE_VALUES.map((s) => [s, 0])) as PageReport['counts'];
  for (const r of references) counts[r.state] += 1;
  return {
    pageId: p.pageId,
    lastCheckedAt: page === null ? null : await lastChecked(deps, p.pageId, page.updatedAt),
    recheckPending: await isRecheckPending(deps, p.pageId),
    counts,
    references,
  };
}

function fromRow(
  r: StoredReference,
  entity: Reference | null,
  findings: ReadonlyMap<string, StoredFinding>,
): PageReferenceView {
  const f = r.fingerprint === null ? undefined : findings.get(r.fingerprint);
  return {
    type: r.type,
    value: r.value,
    region: r.region,
    account: r.account,
    state: STATE_OF[r.status] ?? 'unverifiable',
    message: f?.finding.message ?? null,
    suggestion: f?.finding.suggestion ? { ...f.finding.suggestion } : null,
    fingerprint: f === undefined ? null : f.fingerprint,
    findingStatus: f === undefined ? null : f.status,
    findingStatusReason: f?.statusReason ?? null,
    headingPath: entity === null ? [] : [...entity.location.headingPath],
    occurrences: entity?.occurrences ?? 1,
  };
}

export async function getPageBadge(
  p: ResolverPayload<'getPageBadge'>,
  caller: Caller,
  deps: AppDeps,
): Promise<PageBadge> {
  await requireViewer(caller, deps, p.pageId);
  const page = await getStoredPage(deps.db, p.pageId);
  const { total, bySeverity } = await countActiveFindings(deps.db, p.pageId);
  return {
    pageId: p.pageId,
    lastCheckedAt: page === null ? null : await lastChecked(deps, p.pageId, page.updatedAt),
    recheckPending: await isRecheckPending(deps, p.pageId),
    open: { total, bySeverity },
  };
}

/** Queues one re-check of the page (debounced: a pending one is not queued twice); audited. */
export async function recheckPage(
  p: ResolverPayload<'recheckPage'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ pageId: string; queued: boolean; recheckPending: true }> {
  const who = await requireViewer(caller, deps, p.pageId);
  const queued = await requestRecheck(deps, p.pageId);
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: 'page.recheck',
      target: p.pageId,
      outcome: 'success',
      detail: queued ? 'queued' : 'already pending',
    },
    deps.now(),
  );
  return { pageId: p.pageId, queued, recheckPending: true };
}
