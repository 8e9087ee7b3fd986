/**
 * Every chunk event a scan pushed, kept until the scan ends: the queue delivers at least once but a
 * crashed runtime (or a lost push) can drop events; resuming re-pushes the rows whose chunk is not done.
 */
export const name = '011_scan_outbox';
export const statement = `CREATE TABLE IF NOT EXISTS rg_scan_outbox (
  scan_id VARCHAR(36) NOT NULL,
  chunk_id VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (scan_id, chunk_id)
)`;
