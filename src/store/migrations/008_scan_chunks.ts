/** One row per queued chunk: delivery is at least once, so a chunk marked done is skipped on redelivery. */
export const name = '008_scan_chunks';
export const statement = `CREATE TABLE IF NOT EXISTS rg_scan_chunks (
  scan_id VARCHAR(36) NOT NULL,
  chunk_id VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (scan_id, chunk_id)
)`;
