import path from 'node:path';
import { loadSpacesFile, type LocalPage, type LocalSpace } from '../../src/local/confluence-service';
import type { Envelope, ResolverKey, ResolverResults } from '../../src/shared';
import { ADMIN, ROOT, VIEWER, demoPages, harness, type Harness } from './support/app';

/**
 * The scope pickers through the local runtime: the site's spaces by name or key with cursor paging
 * (site admins only), and a space's pages by title (its admins, or site admins), always as the caller.
 */
type Answer<K extends ResolverKey> = Envelope<ResolverResults[K]>;

const SPACE_A = '98305';
const SPACE_B = '131073';
const ADMIN_A = 'acc-space-a';
/** A page of space A only the site admin may view. */
const SECRET = '1048800';
const EXTRA = 1100;
/** Far down the list: beyond the first four v2 batches (1,000 spaces) a search reads per call. */
const ARCHIVE: LocalSpace = { id: String(500_000 + 1050), key: 'PAYARC', name: 'Payments archive' };

const extraSpaces = (): LocalSpace[] =>
  Array.from({ length: EXTRA }, (_, i) =>
    i === 1050 ? ARCHIVE : { id: String(500_000 + i), key: `EX${i}`, name: `Extra ${i}` },
  );

function pages(): LocalPage[] {
  const demo = demoPages();
  const base = demo.find((p) => p.id === '1048577') as LocalPage;
  return [
    ...demo,
    { ...base, id: '1048801', title: 'Aurora failover — appendix', parentId: '1048577' },
    { ...base, id: SECRET, title: 'Aurora secrets rotation', parentId: null },
  ];
}

let h: Harness;
const call = <K extends ResolverKey>(key: K, payload: unknown, who: string | null): Promise<Answer<K>> =>
  h.forge.resolver(key, payload, who) as Promise<Answer<K>>;
const code = (a: Envelope<unknown>): string => (a.ok ? 'ok' : a.error.code);
function data<K extends ResolverKey>(a: Answer<K>): ResolverResults[K] {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.data;
}
const spaceRequests = (): number =>
  h.forge.confluence.requests.filter((r) => r.path.startsWith('/wiki/api/v2/spaces?')).length;

async function denied(action: string, actor: string): Promise<number> {
  const [rows] = await h.t.pool.query(
    "SELECT COUNT(*) AS n FROM rg_audit_log WHERE action = ? AND actor = ? AND outcome = 'denied'",
    [action, actor],
  );
  return Number((rows as { n: unknown }[])[0]?.n);
}

beforeAll(async () => {
  const all = pages();
  h = await harness('pickers', {
    pages: all,
    spaces: [...loadSpacesFile(path.join(ROOT, 'demo/space.json')), ...extraSpaces()],
    users: {
      [ADMIN]: { siteAdmin: true, displayName: 'Ada Admin' },
      [VIEWER]: {},
      [ADMIN_A]: { spaceAdmin: [SPACE_A], displayName: 'Sam A' },
    },
  });
  h.forge.confluence.restrictions[SECRET] = [ADMIN];
});
afterAll(async () => {
  await h.close();
});

test('searchSpaces finds spaces by name or by key, with names and keys', async () => {
  const byName = data(await call('searchSpaces', { query: 'platf' }, ADMIN));
  expect(byName.spaces).toEqual([{ id: SPACE_B, key: 'PLAT', name: 'Platform' }]);
  // 1,108 spaces: the first call read 1,000 of them, and says where to go on.
  expect(byName.nextCursor).not.toBeNull();
  // "ex29" is in the keys EX29 and EX290…EX299, never in a name ("Extra 29").
  const byKey = data(await call('searchSpaces', { query: 'ex29' }, ADMIN));
  expect(byKey.spaces.map((s) => s.key).sort()).toEqual(
    ['EX29', ...Array.from({ length: 10 }, (_, i) => `EX29${i}`)].sort(),
  );
  expect(byKey.spaces.every((s) => !s.name.toLowerCase().includes('ex29'))).toBe(true);
});

test('a search reads at most four v2 batches per call, and its cursor continues', async () => {
  h.forge.confluence.requests.length = 0;
  const first = data(await call('searchSpaces', { query: 'payments' }, ADMIN));
  expect(first.spaces).toEqual([{ id: SPACE_A, key: 'PAY', name: 'Payments' }]);
  expect(first.nextCursor).not.toBeNull();
  expect(spaceRequests()).toBe(4);
  const rest = data(await call('searchSpaces', { query: 'payments', cursor: first.nextCursor }, ADMIN));
  expect(rest).toEqual({ spaces: [ARCHIVE], nextCursor: null });
  // Nothing matching: bounded all the same.
  h.forge.confluence.requests.length = 0;
  expect(data(await call('searchSpaces', { query: 'zzz' }, ADMIN)).spaces).toEqual([]);
  expect(spaceRequests()).toBe(4);
});

test('without a query the spaces come a page at a time; following the cursor lists each once', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let answers = 0;
  do {
    const page: ResolverResults['searchSpaces'] = data(
      await call('searchSpaces', cursor === null ? {} : { cursor }, ADMIN),
    );
    expect(page.spaces.length).toBeLessThanOrEqual(50);
    seen.push(...page.spaces.map((s) => s.id));
    cursor = page.nextCursor;
    answers += 1;
  } while (cursor !== null && answers < 100);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(8 + EXTRA);
  expect(answers).toBe(Math.ceil((8 + EXTRA) / 50));
});

test('only site admins may list spaces; refusals are audited', async () => {
  expect(code(await call('searchSpaces', { query: 'pay' }, ADMIN_A))).toBe('FORBIDDEN');
  expect(code(await call('searchSpaces', {}, VIEWER))).toBe('FORBIDDEN');
  expect(code(await call('searchSpaces', {}, null))).toBe('FORBIDDEN');
  expect(await denied('searchSpaces', ADMIN_A)).toBe(1);
  expect(code(await call('searchSpaces', { cursor: 'bad cursor!' }, ADMIN))).toBe('INVALID_PAYLOAD');
});

test('searchPages finds a space’s pages by title words (prefixes), as the caller', async () => {
  const aurora = data(await call('searchPages', { spaceId: SPACE_A, query: 'auro fail' }, ADMIN_A));
  expect(aurora.pages.map((p) => p.title).sort()).toEqual([
    'Aurora failover — appendix',
    'Orders DB — Aurora failover runbook',
  ]);
  // Only this space: the same words in another space's titles never come back.
  const other = data(await call('searchPages', { spaceId: SPACE_A, query: 'incident' }, ADMIN_A));
  expect(other.pages).toEqual([{ id: '1048602', title: 'Incident response — public API 5xx spike' }]);
  expect(data(await call('searchPages', { spaceId: SPACE_A, query: '"!' }, ADMIN_A)).pages).toEqual([]);
  const titles = data(await call('searchPages', { spaceId: SPACE_A, ids: ['1048577'] }, ADMIN_A));
  expect(titles.pages).toEqual([{ id: '1048577', title: 'Orders DB — Aurora failover runbook' }]);
});

test('a restricted page is never returned to a space admin who cannot view it', async () => {
  const mine = data(await call('searchPages', { spaceId: SPACE_A, query: 'aurora' }, ADMIN_A));
  expect(mine.pages.map((p) => p.id)).not.toContain(SECRET);
  expect(mine.pages.length).toBeGreaterThan(0);
  expect(data(await call('searchPages', { spaceId: SPACE_A, ids: [SECRET] }, ADMIN_A)).pages).toEqual([]);
  const site = data(await call('searchPages', { spaceId: SPACE_A, query: 'secrets' }, ADMIN));
  expect(site.pages).toEqual([{ id: SECRET, title: 'Aurora secrets rotation' }]);
});

test('searchPages is for that space’s admins and site admins; refusals are audited', async () => {
  expect(code(await call('searchPages', { spaceId: SPACE_B, query: 'a' }, ADMIN_A))).toBe('FORBIDDEN');
  expect(code(await call('searchPages', { spaceId: SPACE_A, query: 'a' }, VIEWER))).toBe('FORBIDDEN');
  expect(await denied('searchPages', ADMIN_A)).toBe(1);
  expect(code(await call('searchPages', { spaceId: SPACE_B }, ADMIN))).toBe('ok');
  expect(code(await call('searchPages', { spaceId: 'x' }, ADMIN))).toBe('INVALID_PAYLOAD');
});
