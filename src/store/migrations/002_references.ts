/** Every reference found on a page with its status from the latest match (dashboard counts). */
export const name = '002_references';
export const statement = `CREATE TABLE IF NOT EXISTS rg_references (
  page_id VARCHAR(32) NOT NULL,
  ref_key VARCHAR(64) NOT NULL,
  page_version INT NOT NULL,
  type VARCHAR(32) NOT NULL,
  value VARCHAR(1024) NOT NULL,
  region VARCHAR(32) NULL,
  account VARCHAR(12) NULL,
  status VARCHAR(16) NOT NULL,
  fingerprint VARCHAR(64) NULL,
  PRIMARY KEY (page_id, ref_key),
  KEY idx_references_status (status)
)`;
