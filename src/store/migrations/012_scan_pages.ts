/** The pages a scan listed: its match phase walks exactly these, and pages it did not see are gone. */
export const name = '012_scan_pages';
export const statement = `CREATE TABLE IF NOT EXISTS rg_scan_pages (
  scan_id VARCHAR(36) NOT NULL,
  page_id VARCHAR(32) NOT NULL,
  space_id VARCHAR(32) NOT NULL,
  PRIMARY KEY (scan_id, page_id)
)`;
