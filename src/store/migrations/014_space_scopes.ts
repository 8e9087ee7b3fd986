/**
 * A space admin's say over their own space's scan scope: paused, or its own rule (every page,
 * labels, page trees) instead of the site default. The site scope itself lives in KVS (one small
 * document, see src/forge/scope/store.ts). The space key is kept because CQL names spaces by key.
 */
export const name = '014_space_scopes';
export const statement = `CREATE TABLE IF NOT EXISTS rg_space_scopes (
  space_id VARCHAR(32) NOT NULL,
  space_key VARCHAR(255) NOT NULL,
  paused INT NOT NULL,
  rule TEXT NULL,
  updated_by VARCHAR(128) NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (space_id)
)`;
