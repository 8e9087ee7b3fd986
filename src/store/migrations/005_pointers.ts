/** Named pointers switched in one statement (e.g. latest_snapshot): the only "commit" Forge SQL offers. */
export const name = '005_pointers';
export const statement = `CREATE TABLE IF NOT EXISTS rg_pointers (
  name VARCHAR(64) NOT NULL,
  value VARCHAR(64) NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (name)
)`;
