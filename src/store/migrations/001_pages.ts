/** Pages we have read: the version decides whether a scan must fetch the body again. */
export const name = '001_pages';
export const statement = `CREATE TABLE IF NOT EXISTS rg_pages (
  page_id VARCHAR(32) NOT NULL,
  space_id VARCHAR(32) NOT NULL,
  space_key VARCHAR(255) NULL,
  title VARCHAR(512) NOT NULL,
  version INT NOT NULL,
  extraction MEDIUMTEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (page_id),
  KEY idx_pages_space (space_id)
)`;
