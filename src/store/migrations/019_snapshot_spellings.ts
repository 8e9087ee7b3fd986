/**
 * Every lower-cased spelling a page could name a runbook-worthy resource by (id, ARN, Name tag, DNS
 * names, Aurora cluster id), keyed for the anti-join against rg_references that finds resources no
 * page names. 700 characters keep the key under InnoDB's 3,072 bytes in utf8mb4.
 */
export const name = '019_snapshot_spellings';
export const statement = `CREATE TABLE IF NOT EXISTS rg_snapshot_spellings (
  snapshot_id VARCHAR(36) NOT NULL,
  spelling VARCHAR(700) NOT NULL,
  seq INT NOT NULL,
  PRIMARY KEY (snapshot_id, spelling, seq)
)`;
