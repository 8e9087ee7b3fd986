import { viewablePageIds } from '../../confluence/permissions';
import type { FindingDetail, ResolverPayload } from '../../shared';
import { auditForTarget } from '../../store/repos/audit';
import { getFinding } from '../../store/repos/findings';
import type { AppDeps } from '../deps';
import { AppError, forbidden } from '../errors';
import type { Caller } from './dispatch';
import { signedIn } from './access';
import { toView } from './findings';

/** Audit actions that change a finding's status: its history as people made it. */
const STATUS_ACTIONS = ['finding.acknowledge', 'finding.suppress', 'finding.reopen'];
const HISTORY_ENTRIES = 50;

/**
 * One finding for viewers of its page: what the matcher stored (the snippet is the one extraction
 * kept, secrets already redacted; no further page text is read), its suggestions and its history.
 */
export async function getFindingDetail(
  p: ResolverPayload<'getFindingDetail'>,
  caller: Caller,
  deps: AppDeps,
): Promise<FindingDetail> {
  signedIn(caller);
  const stored = await getFinding(deps.db, p.fingerprint);
  if (stored === null) throw new AppError('NOT_FOUND', 'No such finding.');
  if (!(await viewablePageIds(deps.confluence.asUser(), [stored.pageId])).has(stored.pageId))
    throw forbidden("You cannot view this finding's page.");
  const f = stored.finding;
  const takenAt = Date.parse(f.evidence.snapshotTakenAt);
  const changes = await auditForTarget(deps.db, p.fingerprint, STATUS_ACTIONS, HISTORY_ENTRIES);
  return {
    finding: toView(stored),
    evidence: {
      context: f.location.context,
      headingPath: [...f.location.headingPath],
      locationKind: f.location.kind,
      occurrences: f.location.occurrences,
      snapshotTakenAt: Number.isFinite(takenAt) ? takenAt : null,
      accountsChecked: [...f.evidence.accountsChecked],
      regionsChecked: [...f.evidence.regionsChecked],
      resource: f.evidence.resource === null ? null : { ...f.evidence.resource },
      dnsChain: [...f.evidence.dnsChain],
      gaps: f.evidence.gaps.map((g) => ({ ...g })),
      covers: (f.covers ?? []).map((c) => ({ ...c })),
    },
    suggestions: f.suggestion === null ? [] : [{ ...f.suggestion }],
    history: {
      firstSeen: stored.firstSeen,
      lastSeen: stored.lastSeen,
      changes: changes.map((c) => ({
        at: c.at,
        actor: c.actor,
        action: c.action,
        outcome: c.outcome,
        reason: c.detail,
      })),
    },
  };
}
