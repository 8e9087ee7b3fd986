/**
 * Digest subscriptions people chose for themselves: a runbook owner's own pages ('own-pages',
 * space_id ''), or a space admin's space ('space'). The address is the one the person entered.
 */
export const name = '016_digest_subscriptions';
export const statement = `CREATE TABLE IF NOT EXISTS rg_digest_subscriptions (
  account_id VARCHAR(128) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  space_id VARCHAR(32) NOT NULL,
  email VARCHAR(320) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, kind, space_id)
)`;
