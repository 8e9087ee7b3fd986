/**
 * The current snapshot's resources one row each, so the Coverage and Inventory tabs filter, count
 * and page in SQL instead of reading every chunk of rg_snapshot_items. seq is the resource's place
 * in resourceKey order (sorted in TypeScript: the same order on TiDB, MariaDB and SQLite whatever
 * the collation); region is '' for global resources; worthy marks the kinds a runbook is expected
 * to name (src/core/digest/unreferenced.ts); data is the resource as the dashboard shows it (JSON).
 */
export const name = '018_snapshot_resources';
export const statement = `CREATE TABLE IF NOT EXISTS rg_snapshot_resources (
  snapshot_id VARCHAR(36) NOT NULL,
  seq INT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  account VARCHAR(12) NOT NULL,
  region VARCHAR(32) NOT NULL,
  worthy TINYINT NOT NULL,
  data MEDIUMTEXT NOT NULL,
  PRIMARY KEY (snapshot_id, seq),
  KEY idx_snapshot_resources_cell (snapshot_id, account, region, kind, seq)
)`;
