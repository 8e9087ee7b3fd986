import { resourceKey, unreferencedResources } from '../../src/core/digest/unreferenced';
import {
  RESOURCE_KINDS,
  SNAPSHOT_FORMAT_VERSION,
  newResource,
  type InventorySnapshot,
  type Resource,
} from '../../src/core/inventory/snapshot';
import { batchInsert } from '../../src/store/batch';
import {
  countResources,
  isIndexed,
  resourcesAfter,
  type ResourceFilter,
} from '../../src/store/repos/snapshot-resources';
import { latestSnapshotId, writeSnapshot } from '../../src/store/repos/snapshots';
import { applyRetention } from '../../src/store/retention';
import { createTestDatabase, type TestDatabase } from './support/mariadb';
import { migrate } from './support/schema';

/**
 * The per-resource rows the Coverage and Inventory tabs query: the SQL filters, keyset pages and
 * the uncovered anti-join give what the in-memory rules give over the same snapshot, on both engines.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('snapres');
  (await migrate(t)).uninstall();
});
afterAll(async () => {
  await t.drop();
});

const ACCOUNTS = ['111111111111', '222222222222'];
const REGIONS = ['eu-west-1', 'us-east-1'];

/** Mixed-case ids (their order is JavaScript's, not a collation's), Name tags, DNS names, tags. */
function resources(n: number): Resource[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = RESOURCE_KINDS[i % RESOURCE_KINDS.length] ?? 'ec2-instance';
    const account = ACCOUNTS[Math.floor(i / RESOURCE_KINDS.length) % 2] ?? '111111111111';
    const region = kind === 'route53-zone' ? null : (REGIONS[i % 2] ?? 'eu-west-1');
    const id = `${i % 3 === 0 ? 'Res' : 'res'}-${i}`;
    return newResource({
      kind,
      id,
      account,
      region,
      arn: `arn:aws:x:${region ?? ''}:${account}:${id}`,
      name: i % 4 === 0 ? `Name-${i}` : null,
      dnsNames: i % 5 === 0 ? [`host-${i}.example.com`] : [],
      attributes: i % 6 === 0 ? { dbClusterIdentifier: `cluster-${i}` } : {},
      tags: i % 2 === 0 ? { team: i % 4 === 0 ? 'a' : 'b' } : {},
    });
  });
}

function snap(items: Resource[]): InventorySnapshot {
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    takenAt: '2026-01-01T00:00:00.000Z',
    accounts: [],
    resources: items,
    dnsRecords: [],
    coverage: [],
  };
}

async function allPages(id: string, f: ResourceFilter, limit: number): Promise<string[]> {
  const keys: string[] = [];
  for (let after = -1; ;) {
    const page = await resourcesAfter(t.db, id, f, after, limit);
    keys.push(...page.map((r) => resourceKey(r)));
    const last = page[page.length - 1];
    if (last === undefined || page.length < limit) return keys;
    after = last.seq;
  }
}

const items = resources(240);
let id: string;
/** References naming some resources in other letter cases and by each kind of spelling. */
const named = [
  'RES-0',
  'arn:aws:x:eu-west-1:111111111111:res-1',
  'name-4',
  'HOST-5.example.com',
  'Cluster-6',
];

beforeAll(async () => {
  id = await writeSnapshot(t.db, snap(items), { now: 1000 });
  await batchInsert(t.db, {
    table: 'rg_references',
    columns: ['page_id', 'ref_key', 'page_version', 'type', 'value', 'region', 'account', 'status'],
    rows: named.map((value, i) => ['p1', `k${i}`, 1, 'instance-id', value, null, null, 'ok']),
  });
});

test('every resource has a row, in resourceKey order (code units, whatever the collation)', async () => {
  expect(await isIndexed(t.db, id)).toBe(true);
  expect(await countResources(t.db, id, {})).toBe(items.length);
  const sorted = items.map(resourceKey).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(await allPages(id, {}, 7)).toEqual(sorted);
});

test('uncovered: the anti-join against stored references equals the in-memory rule', async () => {
  const expected = unreferencedResources(
    items,
    named.map((value) => ({ value })),
  ).map(resourceKey);
  expect(expected.length).toBeGreaterThan(0);
  expect(await countResources(t.db, id, { uncovered: true })).toBe(expected.length);
  expect(await allPages(id, { uncovered: true }, 5)).toEqual(expected);
  // Each spelling covered its resource, whatever the case the page used.
  const listed = new Set(expected);
  for (const i of [0, 1, 4, 5, 6]) {
    const r = items[i];
    if (r !== undefined) expect(listed.has(resourceKey(r))).toBe(false);
  }
});

test('filters by account, region and kinds, alone and with uncovered', async () => {
  const f: ResourceFilter = { account: ACCOUNTS[1], region: 'us-east-1', kinds: ['ec2-instance', 'vpc'] };
  const expected = items
    .filter(
      (r) =>
        r.account === ACCOUNTS[1] && r.region === 'us-east-1' && ['ec2-instance', 'vpc'].includes(r.kind),
    )
    .map(resourceKey)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(await countResources(t.db, id, f)).toBe(expected.length);
  expect(await allPages(id, f, 2)).toEqual(expected);
  // A region never matches a global resource; no kinds matches nothing.
  expect(await countResources(t.db, id, { kinds: ['route53-zone'], region: 'eu-west-1' })).toBe(0);
  expect(await countResources(t.db, id, { kinds: [] })).toBe(0);
  const uncovered = await allPages(id, { ...f, uncovered: true }, 3);
  expect(uncovered).toEqual(expected.filter((k) => k.includes('/ec2-instance/')));
});

test('rows follow the current snapshot: a new one replaces them, retention leaves none behind', async () => {
  const next = await writeSnapshot(t.db, snap(items.slice(0, 10)), { now: 2000 });
  expect(await latestSnapshotId(t.db)).toBe(next);
  expect(await countResources(t.db, next, {})).toBe(10);
  expect(await countResources(t.db, id, {})).toBe(0);
  // Rewriting the same id with fewer resources leaves none of the earlier ones.
  await writeSnapshot(t.db, snap(items.slice(0, 4)), { id: next, now: 3000 });
  expect(await countResources(t.db, next, {})).toBe(4);
  expect(await isIndexed(t.db, next)).toBe(true);
  await writeSnapshot(t.db, snap(items.slice(0, 1)), { now: 4000 });
  await writeSnapshot(t.db, snap(items.slice(0, 1)), { now: 5000 });
  await applyRetention(t.db, 10 * 24 * 3600_000);
  const [rows] = await t.pool.query(
    'SELECT DISTINCT snapshot_id FROM rg_snapshot_resources UNION SELECT DISTINCT snapshot_id FROM rg_snapshot_spellings',
  );
  expect((rows as { snapshot_id: string }[]).map((r) => r.snapshot_id)).toEqual([
    await latestSnapshotId(t.db),
  ]);
});
