import { num, str, type SqlExecutor } from '../executor';

export type SubscriptionKind = 'own-pages' | 'space';

export interface Subscription {
  accountId: string;
  kind: SubscriptionKind;
  /** '' for 'own-pages'. */
  spaceId: string;
  email: string;
  createdAt: number;
}

export async function subscriptionsOf(db: SqlExecutor, accountId: string): Promise<Subscription[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM rg_digest_subscriptions WHERE account_id = ? ORDER BY kind, space_id',
    [accountId],
  );
  return rows.map(toSubscription);
}

/** Every subscription, for the weekly run (bounded: one row per person and space at most). */
export async function allSubscriptions(db: SqlExecutor): Promise<Subscription[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM rg_digest_subscriptions ORDER BY account_id, kind, space_id LIMIT 10000',
  );
  return rows.map(toSubscription);
}

export async function subscribe(db: SqlExecutor, s: Subscription): Promise<void> {
  await db.execute(
    `INSERT INTO rg_digest_subscriptions (account_id, kind, space_id, email, created_at) VALUES (?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE email = VALUES(email)`,
    [s.accountId, s.kind, s.spaceId, s.email, s.createdAt],
  );
}

export async function unsubscribe(
  db: SqlExecutor,
  accountId: string,
  kind: SubscriptionKind,
  spaceId: string,
): Promise<boolean> {
  const r = await db.execute(
    'DELETE FROM rg_digest_subscriptions WHERE account_id = ? AND kind = ? AND space_id = ?',
    [accountId, kind, spaceId],
  );
  return r.affectedRows > 0;
}

function toSubscription(row: Record<string, unknown>): Subscription {
  return {
    accountId: str(row.account_id),
    kind: str(row.kind) === 'space' ? 'space' : 'own-pages',
    spaceId: str(row.space_id),
    email: str(row.email),
    createdAt: num(row.created_at),
  };
}
