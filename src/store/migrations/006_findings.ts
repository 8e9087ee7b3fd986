/**
 * Findings keyed by their stable fingerprint, with the lifecycle open → acknowledged | suppressed
 * (reason, who, until) → resolved (a scan no longer sees it) → reopened (it came back).
 */
export const name = '006_findings';
export const statement = `CREATE TABLE IF NOT EXISTS rg_findings (
  fingerprint VARCHAR(64) NOT NULL,
  page_id VARCHAR(32) NOT NULL,
  space_id VARCHAR(32) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  severity VARCHAR(8) NOT NULL,
  status VARCHAR(16) NOT NULL,
  status_reason VARCHAR(1024) NULL,
  status_by VARCHAR(128) NULL,
  status_at BIGINT NULL,
  suppressed_until BIGINT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  last_scan_id VARCHAR(36) NOT NULL,
  data MEDIUMTEXT NOT NULL,
  PRIMARY KEY (fingerprint),
  KEY idx_findings_page (page_id),
  KEY idx_findings_status (status, last_seen)
)`;
