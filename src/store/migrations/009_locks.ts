/** Named locks with an expiry: one scan per install, taken and released in single statements. */
export const name = '009_locks';
export const statement = `CREATE TABLE IF NOT EXISTS rg_locks (
  name VARCHAR(64) NOT NULL,
  holder VARCHAR(64) NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (name)
)`;
