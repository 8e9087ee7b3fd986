/** Scan jobs: state, phase and counters the UI's progress bar reads, and the coverage they ended with. */
export const name = '007_scan_runs';
export const statement = `CREATE TABLE IF NOT EXISTS rg_scan_runs (
  scan_id VARCHAR(36) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL,
  phase VARCHAR(24) NOT NULL,
  requested_by VARCHAR(128) NULL,
  snapshot_id VARCHAR(36) NULL,
  pages_total INT NOT NULL DEFAULT 0,
  pages_done INT NOT NULL DEFAULT 0,
  resources INT NOT NULL DEFAULT 0,
  chunks_total INT NOT NULL DEFAULT 0,
  chunks_done INT NOT NULL DEFAULT 0,
  coverage MEDIUMTEXT NULL,
  error VARCHAR(1024) NULL,
  started_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT NULL,
  PRIMARY KEY (scan_id),
  KEY idx_scan_runs_started (started_at)
)`;
