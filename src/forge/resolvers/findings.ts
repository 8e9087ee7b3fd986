import { z } from 'zod';
import { viewablePageIds } from '../../confluence/permissions';
import type { FindingList, FindingView, ResolverPayload } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import {
  changeStatus,
  countFindings,
  findingKey,
  getFinding,
  queryFindings,
  type FindingFilter,
  type FindingKey,
  type StoredFinding,
} from '../../store/repos/findings';
import type { AppDeps } from '../deps';
import { AppError, forbidden } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';
import type { Caller } from './dispatch';
import { requireSpaceAdmin, signedIn } from './access';

/** SQL pages examined per listFindings call at most: hidden pages can thin a page out, never stall it. */
const MAX_ROUNDS = 8;
/** Rows per SQL page when a filter runs outside SQL (types, query): enough to fill a page usually. */
const FILTERED_BATCH = 200;
/** Rows read at most to count a filter that runs outside SQL; past it, the total is a lower bound. */
const COUNT_SCAN_ROWS = 2000;

const keySchema = z
  .object({
    s: z.enum(['severity', 'page']),
    r: z.number().int().min(0).max(2),
    l: z.number().int().nonnegative(),
    p: z.string().regex(/^\d{1,32}$/),
    f: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .strict();

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

type ListPayload = ResolverPayload<'listFindings'>;

/** The filters SQL cannot apply (no LIKE in the SQL subset we use): entity type and free text. */
function memoryFilter(p: ListPayload): ((f: StoredFinding) => boolean) | null {
  if (p.types === undefined && p.query === undefined) return null;
  const types = p.types === undefined ? null : new Set<string>(p.types);
  const needle = p.query?.toLowerCase() ?? null;
  return (f) =>
    (types === null || types.has(f.finding.entity.type)) &&
    (needle === null ||
      [f.finding.entity.value, f.finding.pageTitle, f.finding.message].some((text) =>
        text.toLowerCase().includes(needle),
      ));
}

function sqlFilter(p: ListPayload): FindingFilter {
  return {
    statuses: p.statuses ?? ['open', 'acknowledged', 'reopened'],
    kinds: p.kinds,
    severities: p.severities,
    spaceId: p.spaceId,
  };
}

/** Before the permission check (see FindingList.total); bounded when a filter runs outside SQL. */
async function countMatching(
  deps: AppDeps,
  filter: FindingFilter,
  pass: ((f: StoredFinding) => boolean) | null,
): Promise<{ total: number; lowerBound: boolean }> {
  if (pass === null) return { total: await countFindings(deps.db, filter), lowerBound: false };
  let total = 0;
  let after: string | undefined;
  for (let read = 0; read < COUNT_SCAN_ROWS; read += FILTERED_BATCH) {
    const rows = await queryFindings(deps.db, filter, { limit: FILTERED_BATCH, afterFingerprint: after });
    total += rows.filter(pass).length;
    if (rows.length < FILTERED_BATCH) return { total, lowerBound: false };
    after = rows[rows.length - 1]?.fingerprint;
  }
  return { total, lowerBound: true };
}

/**
 * Server-side filters, sort and keyset pagination; then a batch permission check as the caller, so
 * a finding (and its page title) on a page the caller cannot view never leaves the backend.
 */
export async function listFindings(p: ListPayload, caller: Caller, deps: AppDeps): Promise<FindingList> {
  signedIn(caller);
  const filter = sqlFilter(p);
  const pass = memoryFilter(p);
  let after: FindingKey | undefined;
  if (p.cursor !== undefined) {
    const k = decodeCursor(p.cursor, keySchema);
    if (k.s !== p.sort) throw new AppError('INVALID_PAYLOAD', 'cursor: made for another sort order');
    after = { rank: k.r, lastSeen: k.l, pageId: k.p, fingerprint: k.f };
  }
  const cursorOf = (k: FindingKey): string =>
    encodeCursor({ s: p.sort, r: k.rank, l: k.lastSeen, p: k.pageId, f: k.fingerprint });
  const counted = await countMatching(deps, filter, pass);
  const done = (items: FindingView[], next: FindingKey | null): FindingList => ({
    items,
    nextCursor: next === null ? null : cursorOf(next),
    total: counted.total,
    totalIncludesHidden: true,
    totalIsLowerBound: counted.lowerBound,
  });
  const batch = pass === null ? p.limit + 1 : FILTERED_BATCH;
  const items: FindingView[] = [];
  const visible = new Map<string, boolean>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await queryFindings(deps.db, filter, {
      limit: batch,
      sort: p.sort,
      ...(after === undefined ? {} : { after }),
    });
    const wanted = pass === null ? rows : rows.filter(pass);
    const unknown = wanted.map((r) => r.pageId).filter((id) => !visible.has(id));
    if (unknown.length > 0) {
      const ok = await viewablePageIds(deps.confluence.asUser(), unknown);
      for (const id of unknown) visible.set(id, ok.has(id));
    }
    for (const [i, row] of rows.entries()) {
      after = findingKey(row);
      if ((pass === null || pass(row)) && visible.get(row.pageId) === true) items.push(toView(row));
      if (items.length === p.limit) return done(items, i < rows.length - 1 ? after : null);
    }
    if (rows.length < batch) return done(items, null);
  }
  return done(items, after ?? null);
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
