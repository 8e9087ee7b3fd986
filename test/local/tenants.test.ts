import type { InventorySnapshot } from '../../src/core/inventory/snapshot';
import { startLocalForge, type LocalForge } from '../../src/local/forge-app';
import { LocalPlatform } from '../../src/local/platform';
import { MIGRATIONS } from '../../src/store/migrations';
import { createTestDatabase, type TestDatabase } from '../store/support/mariadb';
import { ADMIN, demoPages, demoSnapshot, demoUsers, findingRows, manyPages } from './support/app';

/**
 * Two installations served by one process, as Forge serves tenants from a warm runtime: one
 * platform, so the same modules (and any module-level state the app keeps) serve both, with their
 * invocations interleaved. Each has its own database, KVS, Confluence and AWS. Nothing may cross:
 * both get their tables, and findings, settings and inventories stay each tenant's own.
 */
interface Tenant {
  t: TestDatabase;
  forge: LocalForge;
  snapshot: InventorySnapshot;
}

let platform: LocalPlatform;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  platform = new LocalPlatform();
  const pagesA = demoPages();
  const pagesB = manyPages(12);
  const full = demoSnapshot();
  // Tenant B connects only the first demo account: a smaller inventory, other settings.
  const snapshotB: InventorySnapshot = {
    ...full,
    accounts: full.accounts.slice(0, 1),
    resources: full.resources.filter((r) => r.account === full.accounts[0]?.account),
  };
  const [ta, tb] = await Promise.all([createTestDatabase('tenant_a'), createTestDatabase('tenant_b')]);
  a = {
    t: ta,
    snapshot: full,
    forge: startLocalForge({
      platform,
      installationId: 'install-a',
      pool: ta.pool,
      pages: pagesA,
      users: demoUsers(pagesA),
      aws: full,
    }),
  };
  b = {
    t: tb,
    snapshot: snapshotB,
    forge: startLocalForge({
      platform,
      installationId: 'install-b',
      pool: tb.pool,
      pages: pagesB,
      users: demoUsers(pagesB),
      aws: snapshotB,
    }),
  };
});

afterAll(async () => {
  for (const x of [a, b]) {
    x.forge.stop();
    await x.t.drop();
  }
  platform.close();
});

const connect = (x: Tenant) =>
  x.forge.resolver(
    'saveSettings',
    {
      accounts: x.snapshot.accounts.map((acc) => ({ roleArn: acc.roleArn as string, regions: acc.regions })),
    },
    ADMIN,
  );

test('interleaved installs, settings, scans and reads: both migrated, nothing crosses', async () => {
  // Installed events of both tenants at once: each must migrate its own database.
  await Promise.all([a.forge.installed(), b.forge.installed()]);
  for (const x of [a, b]) {
    const [applied] = await x.t.pool.query('SELECT name FROM __migrations');
    expect((applied as { name: string }[]).map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
  }
  expect(await Promise.all([connect(a), connect(b)])).toEqual([
    expect.objectContaining({ ok: true }),
    expect.objectContaining({ ok: true }),
  ]);
  expect(
    await Promise.all([a.forge.resolver('startScan', {}, ADMIN), b.forge.resolver('startScan', {}, ADMIN)]),
  ).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
  // Both queues delivering at once: chunks of A and B interleave in the one process.
  await Promise.all([a.forge.drain(), b.forge.drain()]);

  const settingsA = (await a.forge.resolver('getSettings', {}, ADMIN)) as { data: { accounts: unknown[] } };
  const settingsB = (await b.forge.resolver('getSettings', {}, ADMIN)) as { data: { accounts: unknown[] } };
  expect(settingsA.data.accounts).toHaveLength(a.snapshot.accounts.length);
  expect(settingsB.data.accounts).toHaveLength(1);

  // Findings: each tenant's rows name only its own pages.
  const pageIdsA = new Set(a.forge.confluence.pages.map((p) => p.id));
  const pageIdsB = new Set(b.forge.confluence.pages.map((p) => p.id));
  const rowsA = await findingRows(a.t);
  const rowsB = await findingRows(b.t);
  expect(rowsA.length).toBeGreaterThan(0);
  expect(rowsB.length).toBeGreaterThan(0);
  expect(rowsA.every((r) => pageIdsA.has(String(r.page_id)))).toBe(true);
  expect(rowsB.every((r) => pageIdsB.has(String(r.page_id)))).toBe(true);

  // Inventories: each tenant's snapshot holds exactly its own accounts' resources.
  for (const x of [a, b]) {
    const [rows] = await x.t.pool.query(
      'SELECT DISTINCT account FROM rg_snapshot_resources ORDER BY account',
    );
    expect((rows as { account: string }[]).map((r) => r.account)).toEqual(
      [...new Set(x.snapshot.resources.map((r) => r.account))].sort(),
    );
  }

  // Reads through the resolvers, interleaved: A's findings list never shows B's pages and back.
  const [listA, listB] = (await Promise.all([
    a.forge.resolver('listFindings', { limit: 100 }, ADMIN),
    b.forge.resolver('listFindings', { limit: 100 }, ADMIN),
  ])) as { data: { items: { pageId: string }[] } }[];
  expect(listA?.data.items.every((f) => pageIdsA.has(f.pageId))).toBe(true);
  expect(listB?.data.items.every((f) => pageIdsB.has(f.pageId))).toBe(true);

  // The platform kept each installation's Confluence spending apart, within the app's quota.
  expect(a.forge.points.total).toBeGreaterThan(0);
  expect(b.forge.points.total).toBeGreaterThan(0);
  expect(platform.points.total).toBe(a.forge.points.total + b.forge.points.total);
  expect(platform.violations).toEqual([]);
});
