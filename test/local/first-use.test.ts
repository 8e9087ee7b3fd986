import { startLocalForge, type LocalForge } from '../../src/local/forge-app';
import { resetSchemaMemo } from '../../src/store/migrate';
import { LATEST_MIGRATION, MIGRATIONS } from '../../src/store/migrations';
import { DDL_LOG_KEY, SCHEMA_MARKER_KEY } from '../../src/forge/schema';
import { createTestDatabase, type TestDatabase } from '../store/support/mariadb';
import { ADMIN, demoPages, demoSnapshot, demoUsers } from './support/app';

/**
 * First use of a fresh (or upgraded) installation: Forge SQL allows 25 DDL requests a minute and
 * asks for one migration runner at a time. Whatever arrives at once — lifecycle events, byline
 * renders, resolvers, page events, scheduled triggers, even from a second container that does not
 * share this one's memo — each migration runs exactly once, and no minute spends more than 20 DDL.
 */
let t: TestDatabase;
let forge: LocalForge;

beforeEach(async () => {
  t = await createTestDatabase('first_use');
  const pages = demoPages();
  forge = startLocalForge({ pool: t.pool, pages, users: demoUsers(pages), aws: demoSnapshot() });
});
afterEach(async () => {
  forge.stop();
  await t.drop();
});

const bylineFor = (pageId: string) =>
  forge.byline({ extension: { content: { id: pageId } } }, { principal: { accountId: ADMIN } });

async function appliedNames(): Promise<string[]> {
  const [rows] = await t.pool.query('SELECT name FROM __migrations ORDER BY id');
  return (rows as { name: string }[]).map((r) => r.name);
}

test('everything at once, from two containers: each migration once, within 20 DDL a minute', async () => {
  const page = demoPages()[0]?.id ?? '';
  const first = [
    forge.installed(),
    forge.upgraded(),
    bylineFor(page),
    bylineFor(page),
    forge.pageChanged(page),
    forge.resolver('getSettings', {}, ADMIN),
    forge.dailyScan(),
  ];
  // A second container: same installation, none of this one's module state.
  resetSchemaMemo();
  const second = [bylineFor(page), forge.resolver('getSettings', {}, ADMIN), forge.weeklyDigest()];
  await Promise.allSettled([...first, ...second]);
  await forge.drain();

  expect(await appliedNames()).toEqual(MIGRATIONS.map((m) => m.name));
  expect(forge.sql.ddl).toBe(MIGRATIONS.length + 1);
  expect(forge.sql.ddlPerMinute.peak).toBeLessThanOrEqual(20);
  expect(forge.sql.ddlRefused).toBe(0);
  expect(forge.kvs.values.get(SCHEMA_MARKER_KEY)).toBe(LATEST_MIGRATION);
  expect(forge.platform.violations).toEqual([]);
});

test('when the minute is already spent, the installed trigger hands the rest to the consumer', async () => {
  // Another runner spent 15 DDL requests in the last minute: 5 remain for the 20 a fresh install needs.
  const now = forge.platform.clock.now();
  forge.kvs.values.set(DDL_LOG_KEY, { ddl: Array.from({ length: 15 }, (_, i) => now - 1000 + i) });
  await forge.installed();
  expect(forge.sql.ddl).toBe(5);
  expect(forge.queue.pending.map((e) => e.body)).toEqual([{ type: 'migrate' }]);
  // The consumer (900 s) waits out the budget on the clock and finishes the schema.
  await forge.drain();
  expect(await appliedNames()).toEqual(MIGRATIONS.map((m) => m.name));
  expect(forge.sql.ddl).toBe(MIGRATIONS.length + 1);
  // No minute held more than 20 DDL, counting the other runner's 15.
  const all = [...Array.from({ length: 15 }, (_, i) => now - 1000 + i), ...forge.sql.ddlTimes].sort(
    (a, b) => a - b,
  );
  for (let i = 0; i < all.length; i++)
    expect(all.filter((x) => x >= (all[i] ?? 0) && x < (all[i] ?? 0) + 60_000).length).toBeLessThanOrEqual(
      20,
    );
  expect(forge.platform.violations).toEqual([]);
  // Resolvers work once the schema is complete.
  expect(await forge.resolver('listFindings', { limit: 10 }, ADMIN)).toMatchObject({ ok: true });
});
