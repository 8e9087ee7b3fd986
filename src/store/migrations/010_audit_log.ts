/** Who did what, when, with which outcome: configuration changes, scans, suppressions, denials. */
export const name = '010_audit_log';
export const statement = `CREATE TABLE IF NOT EXISTS rg_audit_log (
  id BIGINT NOT NULL AUTO_INCREMENT,
  at BIGINT NOT NULL,
  actor VARCHAR(128) NULL,
  action VARCHAR(64) NOT NULL,
  target VARCHAR(255) NULL,
  outcome VARCHAR(16) NOT NULL,
  detail TEXT NULL,
  PRIMARY KEY (id),
  KEY idx_audit_at (at)
)`;
