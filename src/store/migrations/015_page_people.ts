/**
 * Whom to ask about a page, as Confluence reported it when the page was last listed (owner, last
 * editor), and when RunbookGuard last checked it: the space page's coverage and the owners' digest.
 */
export const name = '015_page_people';
export const statement = `CREATE TABLE IF NOT EXISTS rg_page_people (
  page_id VARCHAR(32) NOT NULL,
  space_id VARCHAR(32) NOT NULL,
  owner_id VARCHAR(128) NULL,
  last_editor_id VARCHAR(128) NULL,
  checked_at BIGINT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (page_id),
  KEY idx_page_people_owner (owner_id),
  KEY idx_page_people_space (space_id)
)`;
