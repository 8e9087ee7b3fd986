/**
 * Inventory snapshots. A snapshot is written under a fresh id (state 'writing'), its items in
 * chunk rows, then marked 'complete'; only then does the pointer row (rg_pointers) switch to it.
 * A crash mid-write leaves an unreferenced 'writing' snapshot that retention deletes.
 */
export const name = '003_snapshots';
export const statement = `CREATE TABLE IF NOT EXISTS rg_snapshots (
  snapshot_id VARCHAR(36) NOT NULL,
  state VARCHAR(16) NOT NULL,
  taken_at BIGINT NOT NULL,
  header MEDIUMTEXT NOT NULL,
  item_chunks INT NOT NULL,
  resource_count INT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (snapshot_id)
)`;
