import { MIGRATIONS } from '../../src/store/migrations';
import { forgeSqlExecutor } from '../../src/store/forge-executor';
import { createTestDatabase, type TestDatabase } from './support/mariadb';
import { migrate } from './support/schema';

let t: TestDatabase;
let uninstall: () => void = () => undefined;
beforeAll(async () => {
  t = await createTestDatabase('migrations');
});
afterAll(async () => {
  uninstall();
  await t.drop();
});

test('the runner applies every migration once, in order, through the local Forge runtime', async () => {
  const first = await migrate(t);
  uninstall = first.uninstall;
  expect(first.applied).toEqual(MIGRATIONS.map((m) => m.name));
  // One DDL per migration plus the bookkeeping table; the list of applied ones is a plain SELECT.
  expect(first.stats.ddl).toBe(MIGRATIONS.length + 1);
  // Forge allows 25 DDL requests per minute per install: the runner keeps every minute at 20.
  expect(first.stats.ddlPerMinute.peak).toBeLessThanOrEqual(20);
  expect(first.stats.ddlRefused).toBe(0);

  const [recorded] = await t.pool.query('SELECT name FROM __migrations ORDER BY id');
  expect((recorded as { name: string }[]).map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));

  first.uninstall();
  const second = await migrate(t);
  uninstall = second.uninstall;
  expect(second.applied).toEqual([]);
});

test('each migration is idempotent (a crash between DDL and checkpoint re-runs it safely)', async () => {
  for (const m of MIGRATIONS) await t.db.ddl(m.statement);
});

test('migrations are append-only files named NNN_name with matching exports', () => {
  MIGRATIONS.forEach((m, i) =>
    expect(m.name).toMatch(new RegExp(`^${String(i + 1).padStart(3, '0')}_[a-z_]+$`)),
  );
  // A new table, or an index on a released one; both idempotent (IF NOT EXISTS).
  for (const m of MIGRATIONS)
    expect(m.statement).toMatch(
      /^(CREATE TABLE IF NOT EXISTS rg_\w+ \(|CREATE INDEX IF NOT EXISTS idx_\w+ ON rg_\w+ \()/,
    );
});

test('the Forge SQL executor round-trips rows and affected counts through @forge/sql', async () => {
  const db = forgeSqlExecutor();
  const inserted = await db.execute('INSERT INTO rg_pointers (name, value, updated_at) VALUES (?, ?, ?)', [
    'probe',
    'v1',
    1_700_000_000_000,
  ]);
  expect(inserted.affectedRows).toBe(1);
  const rows = await db.query<{ value: string; updated_at: unknown }>(
    'SELECT value, updated_at FROM rg_pointers WHERE name = ?',
    ['probe'],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]?.value).toBe('v1');
  expect(Number(rows[0]?.updated_at)).toBe(1_700_000_000_000);
  await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
});
