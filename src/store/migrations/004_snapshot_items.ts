/** Snapshot items (resources, DNS records) as JSON chunks, each well under the 1 MiB request limit. */
export const name = '004_snapshot_items';
export const statement = `CREATE TABLE IF NOT EXISTS rg_snapshot_items (
  snapshot_id VARCHAR(36) NOT NULL,
  seq INT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  item_count INT NOT NULL,
  data MEDIUMTEXT NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
)`;
