/**
 * What each finished full scan left open, by severity, with the pages and references it checked:
 * the dashboard's trend reads a few small rows instead of recounting findings per past scan.
 */
export const name = '013_scan_totals';
export const statement = `CREATE TABLE IF NOT EXISTS rg_scan_totals (
  scan_id VARCHAR(36) NOT NULL,
  finished_at BIGINT NOT NULL,
  pages INT NOT NULL,
  reference_count INT NOT NULL,
  open_error INT NOT NULL,
  open_warning INT NOT NULL,
  open_info INT NOT NULL,
  PRIMARY KEY (scan_id),
  KEY idx_scan_totals_finished (finished_at)
)`;
