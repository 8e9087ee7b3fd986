import { installLocalRuntime } from '../../../src/local/runtime';
import { newSqlStats, sqlService, type SqlStats } from '../../../src/local/sql-service';
import { runMigrations } from '../../../src/store/migrate';
import type { TestDatabase } from './mariadb';

/**
 * Installs the local Forge runtime over the test database and applies the migrations through the
 * real @forge/sql migrationRunner, exactly as the installed trigger does on Forge.
 */
export async function migrate(
  t: TestDatabase,
): Promise<{ applied: string[]; stats: SqlStats; uninstall: () => void }> {
  const stats = newSqlStats();
  const uninstall = installLocalRuntime({ services: [sqlService(t.pool, stats)] });
  const applied = await runMigrations();
  return { applied, stats, uninstall };
}
