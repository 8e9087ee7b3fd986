import * as m001 from './001_pages';
import * as m002 from './002_references';
import * as m003 from './003_snapshots';
import * as m004 from './004_snapshot_items';
import * as m005 from './005_pointers';
import * as m006 from './006_findings';
import * as m007 from './007_scan_runs';
import * as m008 from './008_scan_chunks';
import * as m009 from './009_locks';
import * as m010 from './010_audit_log';
import * as m011 from './011_scan_outbox';
import * as m012 from './012_scan_pages';
import * as m013 from './013_scan_totals';
import * as m014 from './014_space_scopes';
import * as m015 from './015_page_people';
import * as m016 from './016_digest_subscriptions';
import * as m017 from './017_audit_target_index';
import * as m018 from './018_snapshot_resources';
import * as m019 from './019_snapshot_spellings';

export interface Migration {
  readonly name: string;
  readonly statement: string;
}

/**
 * Append-only: never edit or reorder a released migration, add a new file. Each statement is
 * idempotent (IF NOT EXISTS) because the runner records a migration only after its DDL succeeded:
 * a crash in between re-runs the DDL on the next attempt.
 */
export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m019,
];
export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]?.name ?? '';
