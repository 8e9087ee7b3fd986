import type { ResolverPayload, SubscriptionView } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import { subscribe, subscriptionsOf, unsubscribe } from '../../store/repos/subscriptions';
import type { AppDeps } from '../deps';
import { signedIn } from './access';
import type { Caller } from './dispatch';
import { requireAdminOfSpace } from './scope';

async function mine(deps: AppDeps, who: string): Promise<{ subscriptions: SubscriptionView[] }> {
  const rows = await subscriptionsOf(deps.db, who);
  return {
    subscriptions: rows.map((s) => ({
      kind: s.kind,
      spaceId: s.kind === 'space' ? s.spaceId : null,
      email: s.email,
    })),
  };
}

export async function getMySubscriptions(
  _p: ResolverPayload<'getMySubscriptions'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ subscriptions: SubscriptionView[] }> {
  return mine(deps, signedIn(caller));
}

/**
 * A person's own choice: the digest of their own pages (anyone), or of a space (its admins). Only
 * the caller's own subscriptions can be changed: the account id is the caller's, never the payload's.
 */
export async function saveMySubscription(
  p: ResolverPayload<'saveMySubscription'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ subscriptions: SubscriptionView[] }> {
  const who = signedIn(caller);
  const spaceId = p.kind === 'space' ? (p.spaceId ?? '') : '';
  if (p.kind === 'space') await requireAdminOfSpace(caller, deps, spaceId);
  const now = deps.now();
  if (p.subscribed && p.email !== undefined)
    await subscribe(deps.db, { accountId: who, kind: p.kind, spaceId, email: p.email, createdAt: now });
  else await unsubscribe(deps.db, who, p.kind, spaceId);
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: p.subscribed ? 'digest.subscribe' : 'digest.unsubscribe',
      target: p.kind === 'space' ? `space:${spaceId}` : 'own-pages',
      outcome: 'success',
      detail: null,
    },
    now,
  );
  return mine(deps, who);
}
