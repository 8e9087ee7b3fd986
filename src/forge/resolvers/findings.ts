import { viewablePageIds } from '../../confluence/permissions';
import type { FindingView, ResolverPayload } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import { changeStatus, getFinding, queryFindings, type StoredFinding } from '../../store/repos/findings';
import type { AppDeps } from '../deps';
import { AppError, forbidden } from '../errors';
import type { Caller } from './dispatch';
import { requireSpaceAdmin, signedIn } from './access';

/** SQL pages examined per listFindings call at most: hidden pages can thin a page out, never stall it. */
const MAX_ROUNDS = 8;

export function toView(f: StoredFinding): FindingView {
  return {
    fingerprint: f.fingerprint,
    pageId: f.pageId,
    pageTitle: f.finding.pageTitle,
    spaceId: f.spaceId,
    kind: f.finding.kind,
    severity: f.finding.severity,
    message: f.finding.message,
    entity: { ...f.finding.entity },
    status: f.status,
    statusReason: f.statusReason,
    statusBy: f.statusBy,
    suppressedUntil: f.suppressedUntil,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
  };
}

/**
 * Server-side filters and keyset pagination; then a batch permission check as the caller, so a
 * finding (and its page title) on a page the caller cannot view never leaves the backend.
 */
export async function listFindings(
  p: ResolverPayload<'listFindings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ items: FindingView[]; nextCursor: string | null }> {
  signedIn(caller);
  const items: FindingView[] = [];
  const visible = new Map<string, boolean>();
  let after = p.cursor;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // One row more than needed: it only tells whether another page exists.
    const rows = await queryFindings(
      deps.db,
      {
        statuses: p.statuses ?? ['open', 'acknowledged', 'reopened'],
        kinds: p.kinds,
        severities: p.severities,
        spaceId: p.spaceId,
      },
      { limit: p.limit + 1, afterFingerprint: after },
    );
    const unknown = rows.map((r) => r.pageId).filter((id) => !visible.has(id));
    if (unknown.length > 0) {
      const ok = await viewablePageIds(deps.confluence.asUser(), unknown);
      for (const id of unknown) visible.set(id, ok.has(id));
    }
    for (const [i, row] of rows.slice(0, p.limit).entries()) {
      after = row.fingerprint;
      if (visible.get(row.pageId) === true) items.push(toView(row));
      if (items.length === p.limit) return { items, nextCursor: i < rows.length - 1 ? after : null };
    }
    if (rows.length <= p.limit) return { items, nextCursor: null };
  }
  return { items, nextCursor: after ?? null };
}

export async function getPageFindings(
  p: ResolverPayload<'getPageFindings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ pageId: string; findings: FindingView[] }> {
  signedIn(caller);
  if (!(await viewablePageIds(deps.confluence.asUser(), [p.pageId])).has(p.pageId))
    throw forbidden('You cannot view this page.');
  const rows = await queryFindings(deps.db, { pageId: p.pageId }, { limit: 500 });
  return { pageId: p.pageId, findings: rows.filter((r) => r.status !== 'resolved').map(toView) };
}

async function decide(
  deps: AppDeps,
  caller: Caller,
  fingerprint: string,
  change:
    | { status: 'acknowledged'; reason: string }
    | { status: 'suppressed'; reason: string; until: number | null },
): Promise<FindingView> {
  signedIn(caller);
  const finding = await getFinding(deps.db, fingerprint);
  if (finding === null) throw new AppError('NOT_FOUND', 'No such finding.');
  const who = await requireSpaceAdmin(caller, deps, finding.spaceId);
  const now = deps.now();
  if (change.status === 'suppressed' && change.until !== null && change.until <= now)
    throw new AppError('INVALID_PAYLOAD', 'until: must be in the future');
  await changeStatus(
    deps.db,
    fingerprint,
    change.status === 'suppressed'
      ? { status: 'suppressed', by: who, reason: change.reason, until: change.until }
      : { status: 'acknowledged', by: who, reason: change.reason },
    now,
  );
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: `finding.${change.status === 'suppressed' ? 'suppress' : 'acknowledge'}`,
      target: fingerprint,
      outcome: 'success',
      detail: change.reason.slice(0, 1000),
    },
    now,
  );
  const updated = await getFinding(deps.db, fingerprint);
  if (updated === null) throw new AppError('NOT_FOUND', 'No such finding.');
  return toView(updated);
}

export function acknowledgeFinding(
  p: ResolverPayload<'acknowledgeFinding'>,
  caller: Caller,
  deps: AppDeps,
): Promise<FindingView> {
  return decide(deps, caller, p.fingerprint, { status: 'acknowledged', reason: p.reason });
}

export function suppressFinding(
  p: ResolverPayload<'suppressFinding'>,
  caller: Caller,
  deps: AppDeps,
): Promise<FindingView> {
  return decide(deps, caller, p.fingerprint, { status: 'suppressed', reason: p.reason, until: p.until });
}
