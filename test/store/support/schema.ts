import { newLocalClock } from '../../../src/local/clock';
import { installLocalRuntime } from '../../../src/local/runtime';
import { newSqlStats, sqlService, type SqlStats } from '../../../src/local/sql-service';
import { runMigrations } from '../../../src/store/migrate';
import type { TestDatabase } from './mariadb';

/**
 * Installs the local Forge runtime over the test database and applies the migrations through the
 * app's runner over the real @forge/sql client, within Forge's DDL budget (on a clock of its own,
 * so waiting for the next minute costs no real time).
 */
export async function migrate(
  t: TestDatabase,
): Promise<{ applied: string[]; stats: SqlStats; uninstall: () => void }> {
  const stats = newSqlStats();
  const clock = newLocalClock();
  const uninstall = installLocalRuntime({ services: [sqlService(t.pool, stats, clock.now)] });
  const applied = await runMigrations({ now: clock.now, sleep: clock.sleep });
  return { applied, stats, uninstall };
}
