import { personalDigestsFromStore } from '../../src/forge/digest/personal';
import type { LocalPage } from '../../src/local/confluence-service';
import { mysqlExecutor } from '../../src/store/mysql-executor';
import type { Envelope, ResolverKey, ResolverResults } from '../../src/shared';
import { ADMIN, VIEWER, connectDemoAccounts, demoPages, harness, type Harness } from './support/app';

/**
 * Scan scope and the space page through the local runtime: labels, page trees, paused spaces and
 * out-of-scope resolution drive what a scan reads; a space admin of one space can neither see nor
 * change anything of another.
 */
type Answer<K extends ResolverKey> = Envelope<ResolverResults[K]>;

const SPACE_A = '98305';
const SPACE_B = '131073';
const ADMIN_A = 'acc-space-a';
const ADMIN_B = 'acc-space-b';
/** Unlabelled pages of space A: one below the Aurora runbook (a page tree), one on its own. */
const TREE_CHILD = '1048700';
const LOOSE = '1048701';

function pages(): LocalPage[] {
  const demo = demoPages();
  const base = demo.find((p) => p.id === '1048577') as LocalPage;
  return [
    ...demo,
    { ...base, id: TREE_CHILD, title: 'Aurora failover — appendix', parentId: '1048577', labels: [] },
    { ...base, id: LOOSE, title: 'Aurora notes (not a runbook)', parentId: null, labels: [] },
  ];
}

let h: Harness;
let all: LocalPage[];
const call = <K extends ResolverKey>(key: K, payload: unknown, who: string | null): Promise<Answer<K>> =>
  h.forge.resolver(key, payload, who) as Promise<Answer<K>>;
const code = (a: Envelope<unknown>): string => (a.ok ? 'ok' : a.error.code);
function data<K extends ResolverKey>(a: Answer<K>): ResolverResults[K] {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.data;
}

async function scan(): Promise<string[]> {
  h.forge.confluence.requests.length = 0;
  data(await call('startScan', {}, ADMIN));
  await h.forge.drain();
  const [rows] = await h.t.pool.query(
    `SELECT page_id FROM rg_scan_pages WHERE scan_id = (SELECT scan_id FROM rg_scan_runs ORDER BY started_at DESC LIMIT 1)
     ORDER BY page_id`,
  );
  return (rows as { page_id: string }[]).map((r) => r.page_id);
}

async function findingsOf(pageId: string): Promise<{ status: string; status_reason: string | null }[]> {
  const [rows] = await h.t.pool.query('SELECT status, status_reason FROM rg_findings WHERE page_id = ?', [
    pageId,
  ]);
  return rows as { status: string; status_reason: string | null }[];
}

async function audited(action: string, actor: string, outcome = 'success'): Promise<number> {
  const [rows] = await h.t.pool.query(
    'SELECT COUNT(*) AS n FROM rg_audit_log WHERE action = ? AND actor = ? AND outcome = ?',
    [action, actor, outcome],
  );
  return Number((rows as { n: unknown }[])[0]?.n);
}

const labelled = (p: LocalPage, labels: readonly string[]): boolean =>
  (p.labels ?? []).some((l) => labels.includes(l));
const ids = (list: readonly LocalPage[]): string[] => list.map((p) => p.id).sort();

beforeAll(async () => {
  all = pages();
  const spaces = [...new Set(all.map((p) => p.spaceId))];
  h = await harness('scope', {
    pages: all,
    users: {
      [ADMIN]: { siteAdmin: true, spaceAdmin: spaces, displayName: 'Ada Admin' },
      [VIEWER]: {},
      [ADMIN_A]: { spaceAdmin: [SPACE_A], displayName: 'Sam A' },
      [ADMIN_B]: { spaceAdmin: [SPACE_B], displayName: 'Bo B' },
    },
  });
  await connectDemoAccounts(h.forge);
});
afterAll(async () => {
  await h.close();
});

test('unconfigured: every page is in scope, read with the plain page list', async () => {
  const scope = data(await call('getScope', {}, ADMIN));
  expect(scope).toMatchObject({ configured: false, spaces: 'all', rule: { allPages: true } });
  expect(scope.defaultLabels).toEqual(['runbook', 'playbook']);
  const preview = data(await call('previewScope', {}, ADMIN));
  const spaces = new Set(all.map((p) => p.spaceId)).size;
  expect(preview).toEqual({
    pages: all.length,
    spaces,
    description: `${all.length} pages in ${spaces} spaces: every page`,
  });
  expect(await scan()).toEqual(ids(all));
  expect(h.forge.confluence.requests.some((r) => r.path.startsWith('/wiki/api/v2/pages?body-format'))).toBe(
    true,
  );
  expect(h.forge.confluence.requests.some((r) => r.path.includes('/content/search'))).toBe(false);
});

test('scope resolvers are for site admins only (denials audited)', async () => {
  expect(code(await call('getScope', {}, ADMIN_A))).toBe('FORBIDDEN');
  expect(code(await call('saveSiteScope', { spaces: 'all', rule: { allPages: true } }, ADMIN_A))).toBe(
    'FORBIDDEN',
  );
  expect(code(await call('previewScope', {}, VIEWER))).toBe('FORBIDDEN');
  expect(await audited('saveSiteScope', ADMIN_A, 'denied')).toBe(1);
  expect(code(await call('saveSiteScope', { spaces: [], rule: { allPages: true } }, ADMIN))).toBe(
    'INVALID_PAYLOAD',
  );
  expect(
    code(
      await call('saveSiteScope', { spaces: 'all', rule: { allPages: false, labels: ['Run Book'] } }, ADMIN),
    ),
  ).toBe('INVALID_PAYLOAD');
  expect(code(await call('saveSiteScope', { spaces: ['999'], rule: { allPages: true } }, ADMIN))).toBe(
    'INVALID_PAYLOAD',
  );
});

test('labels: a preview before saving, then only labelled pages are read; the rest resolve as out of scope', async () => {
  const labels = ['runbook', 'playbook'];
  const site = { spaces: 'all', rule: { allPages: false, labels } };
  const inScope = all.filter((p) => labelled(p, labels));
  const leaving = all.filter((p) => !labelled(p, labels));
  const spaces = new Set(all.map((p) => p.spaceId)).size;
  expect(data(await call('previewScope', { site }, ADMIN))).toEqual({
    pages: inScope.length,
    spaces,
    description: `${inScope.length} pages in ${spaces} spaces: pages labelled runbook or playbook`,
  });
  // Precondition: some page that leaves the scope has open findings now.
  const before = (await Promise.all(leaving.map((p) => findingsOf(p.id)))).flat();
  expect(before.filter((f) => f.status === 'open').length).toBeGreaterThan(0);

  expect(data(await call('saveSiteScope', site, ADMIN))).toMatchObject({
    configured: true,
    updatedBy: ADMIN,
  });
  expect(await audited('scope.site.save', ADMIN)).toBe(1);
  expect(await scan()).toEqual(ids(inScope));
  const listed = h.forge.confluence.requests.filter((r) => r.as === 'app' && r.path.includes('/pages'));
  expect(listed.filter((r) => r.path.startsWith('/wiki/api/v2/pages?body-format'))).toEqual([]);
  expect(
    h.forge.confluence.requests.some((r) => r.path.startsWith('/wiki/rest/api/content/search?cql=')),
  ).toBe(true);
  const after = (await Promise.all(leaving.map((p) => findingsOf(p.id)))).flat();
  expect(after.length).toBe(before.length);
  for (const f of after) expect(f).toEqual({ status: 'resolved', status_reason: 'out-of-scope' });
});

test('a rate-limited scope search is re-queued after Retry-After with its scope, and lists the same pages', async () => {
  const before = await scan();
  h.forge.confluence.requests.length = 0;
  data(await call('startScan', {}, ADMIN));
  h.forge.confluence.throttle = { remaining: 1, retryAfterSeconds: 7 };
  const delays = h.forge.queue.requestedDelays.length;
  await h.forge.drain();
  expect(h.forge.queue.requestedDelays.slice(delays)).toEqual([7]);
  const searches = h.forge.confluence.requests.filter((r) =>
    r.path.startsWith('/wiki/rest/api/content/search'),
  );
  expect(searches.length).toBe(2); // the throttled one and its retry, with the same query
  expect(searches[0]?.path).toBe(searches[1]?.path);
  const [rows] = await h.t.pool.query(
    `SELECT page_id FROM rg_scan_pages WHERE scan_id = (SELECT scan_id FROM rg_scan_runs ORDER BY started_at DESC LIMIT 1)
     ORDER BY page_id`,
  );
  expect((rows as { page_id: string }[]).map((r) => r.page_id)).toEqual(before);
});

test('page trees: a space admin widens their space to a page tree; other spaces keep the site rule', async () => {
  const rule = { allPages: false, labels: [], parentPageIds: ['1048577'] };
  const saved = data(await call('saveSpaceScope', { spaceId: SPACE_A, paused: false, rule }, ADMIN_A));
  expect(saved).toMatchObject({
    covered: true,
    paused: false,
    rule,
    pages: 3,
    description: '3 pages in scope: pages in the page tree under page 1048577',
    updatedBy: ADMIN_A,
  });
  expect(await audited('scope.space.save', ADMIN_A)).toBe(1);
  // A tree must be a page of this space.
  expect(
    code(
      await call(
        'saveSpaceScope',
        { spaceId: SPACE_A, paused: false, rule: { allPages: false, parentPageIds: ['2031655'] } },
        ADMIN_A,
      ),
    ),
  ).toBe('INVALID_PAYLOAD');
  const scanned = await scan();
  const expected = all.filter((p) =>
    p.spaceId === SPACE_A
      ? p.id === '1048577' || p.parentId === '1048577'
      : labelled(p, ['runbook', 'playbook']),
  );
  expect(scanned).toEqual(ids(expected));
  expect(scanned).toContain(TREE_CHILD);
  expect(scanned).not.toContain(LOOSE);
});

test('paused space: nothing of it is read; its findings resolve as out of scope; re-enabled it comes back', async () => {
  const bPages = all.filter((p) => p.spaceId === SPACE_B).map((p) => p.id);
  const open = (await Promise.all(bPages.map(findingsOf))).flat().filter((f) => f.status !== 'resolved');
  expect(open.length).toBeGreaterThan(0);
  expect(
    data(await call('saveSpaceScope', { spaceId: SPACE_B, paused: true, rule: null }, ADMIN_B)),
  ).toMatchObject({
    paused: true,
    pages: 0,
    description: 'paused: no page of this space is checked',
  });
  const scanned = await scan();
  for (const id of bPages) expect(scanned).not.toContain(id);
  for (const f of (await Promise.all(bPages.map(findingsOf))).flat())
    expect(f).toEqual({ status: 'resolved', status_reason: 'out-of-scope' });

  data(await call('saveSpaceScope', { spaceId: SPACE_B, paused: false, rule: null }, ADMIN_B));
  const again = await scan();
  for (const id of bPages) expect(again).toContain(id);
  const back = (await Promise.all(bPages.map(findingsOf))).flat();
  expect(back.some((f) => f.status === 'reopened' && f.status_reason === null)).toBe(true);
});

test('a page edit outside the scope is not read; its findings resolve as out of scope', async () => {
  // LOOSE was never in scope since the first scan: give it findings again by scanning everything once.
  data(await call('saveSpaceScope', { spaceId: SPACE_A, paused: false, rule: { allPages: true } }, ADMIN_A));
  expect(await scan()).toContain(LOOSE);
  expect((await findingsOf(LOOSE)).some((f) => f.status !== 'resolved')).toBe(true);
  data(await call('saveSpaceScope', { spaceId: SPACE_A, paused: false, rule: null }, ADMIN_A));
  h.forge.confluence.requests.length = 0;
  await h.forge.pageChanged(LOOSE);
  await h.forge.drain();
  const asked = h.forge.confluence.requests.map((r) => decodeURIComponent(r.path));
  expect(asked.some((p) => p.includes(`cql=id = ${LOOSE} and (`))).toBe(true);
  expect(asked.some((p) => p.startsWith(`/wiki/api/v2/pages/${LOOSE}`))).toBe(false);
  for (const f of await findingsOf(LOOSE))
    expect(f).toEqual({ status: 'resolved', status_reason: 'out-of-scope' });
  // An in-scope page is still re-checked.
  h.forge.confluence.requests.length = 0;
  await h.forge.pageChanged('1048602');
  await h.forge.drain();
  expect(h.forge.confluence.requests.some((r) => r.path.startsWith('/wiki/api/v2/pages/1048602'))).toBe(true);
});

describe('the space page', () => {
  test('space findings: only this space, with owner and last editor and a page link', async () => {
    const list = data(await call('listSpaceFindings', { spaceId: SPACE_A, limit: 100 }, ADMIN_A));
    expect(list.items.length).toBeGreaterThan(0);
    const [rows] = await h.t.pool.query(
      "SELECT COUNT(*) AS n FROM rg_findings WHERE space_id = ? AND status IN ('open','acknowledged','reopened')",
      [SPACE_A],
    );
    expect(list.items.length).toBe(Number((rows as { n: unknown }[])[0]?.n));
    for (const f of list.items) {
      expect(f.spaceId).toBe(SPACE_A);
      const page = all.find((p) => p.id === f.pageId) as LocalPage;
      expect(f.owner?.accountId).toBe(page.ownerId);
      expect(f.lastEditor?.accountId).toBe(page.version.authorId);
      expect(f.pageUrl).toBe(
        `https://local-site.atlassian.net/wiki/pages/viewpage.action?pageId=${f.pageId}`,
      );
    }
    expect(list.items.find((f) => f.owner?.accountId === 'space-admin')).toBeDefined();
  });

  test('space coverage: the pages checked, when, and their references', async () => {
    const cov = data(await call('getSpaceCoverage', { spaceId: SPACE_A, limit: 2 }, ADMIN_A));
    expect(cov.space).toMatchObject({ id: SPACE_A, key: `SP${SPACE_A}` });
    expect(cov.pages).toHaveLength(2);
    expect(cov.nextAfterPageId).toBe(cov.pages[1]?.pageId);
    const rest = data(
      await call(
        'getSpaceCoverage',
        { spaceId: SPACE_A, limit: 50, afterPageId: cov.nextAfterPageId },
        ADMIN_A,
      ),
    );
    const pagesSeen = [...cov.pages, ...rest.pages];
    expect(pagesSeen.length).toBe(cov.totalPages);
    for (const p of pagesSeen) {
      const [rows] = await h.t.pool.query('SELECT COUNT(*) AS n FROM rg_references WHERE page_id = ?', [
        p.pageId,
      ]);
      expect(p.references).toBe(Number((rows as { n: unknown }[])[0]?.n));
      expect(p.checkedAt).not.toBeNull();
    }
  });

  test('a space admin suppresses a finding of their space', async () => {
    const list = data(await call('listSpaceFindings', { spaceId: SPACE_A, limit: 1 }, ADMIN_A));
    const f = list.items[0];
    if (f === undefined) throw new Error('no finding in space A');
    expect(
      data(
        await call(
          'suppressFinding',
          { fingerprint: f.fingerprint, reason: 'decommissioned next week' },
          ADMIN_A,
        ),
      ),
    ).toMatchObject({ status: 'suppressed', statusBy: ADMIN_A });
  });

  test('space A admin can neither see nor change anything of space B', async () => {
    const b = data(await call('listSpaceFindings', { spaceId: SPACE_B, limit: 1 }, ADMIN_B)).items[0];
    if (b === undefined) throw new Error('no finding in space B');
    const denied: [ResolverKey, unknown][] = [
      ['getSpaceScope', { spaceId: SPACE_B }],
      ['saveSpaceScope', { spaceId: SPACE_B, paused: true, rule: null }],
      ['listSpaceFindings', { spaceId: SPACE_B }],
      ['getSpaceCoverage', { spaceId: SPACE_B }],
      ['suppressFinding', { fingerprint: b.fingerprint, reason: 'not mine' }],
      ['acknowledgeFinding', { fingerprint: b.fingerprint, reason: 'not mine' }],
      ['saveMySubscription', { kind: 'space', spaceId: SPACE_B, email: 'sam@example.com', subscribed: true }],
    ];
    for (const [key, payload] of denied) {
      const answer = await call(key, payload, ADMIN_A);
      expect([key, code(answer)]).toEqual([key, 'FORBIDDEN']);
      expect(JSON.stringify(answer)).not.toContain(b.fingerprint.slice(0, 12) + '"');
      expect(await audited(key, ADMIN_A, 'denied')).toBeGreaterThan(0);
    }
    // Space B is unchanged and its finding still open.
    expect(data(await call('getSpaceScope', { spaceId: SPACE_B }, ADMIN_B))).toMatchObject({ paused: false });
    const [rows] = await h.t.pool.query('SELECT status FROM rg_findings WHERE fingerprint = ?', [
      b.fingerprint,
    ]);
    expect((rows as { status: string }[])[0]?.status).not.toBe('suppressed');
  });
});

test('digest subscriptions: own pages for anyone, a space for its admins; only the caller’s own', async () => {
  expect(data(await call('getMySubscriptions', {}, ADMIN_A))).toEqual({ subscriptions: [] });
  data(
    await call(
      'saveMySubscription',
      { kind: 'own-pages', email: 'Sam@Example.com', subscribed: true },
      ADMIN_A,
    ),
  );
  const mine = data(
    await call(
      'saveMySubscription',
      { kind: 'space', spaceId: SPACE_A, email: 'sam@example.com', subscribed: true },
      ADMIN_A,
    ),
  );
  expect(mine.subscriptions).toEqual([
    { kind: 'own-pages', spaceId: null, email: 'sam@example.com' },
    { kind: 'space', spaceId: SPACE_A, email: 'sam@example.com' },
  ]);
  expect(data(await call('getMySubscriptions', {}, ADMIN_B))).toEqual({ subscriptions: [] });
  expect(code(await call('saveMySubscription', { kind: 'own-pages', subscribed: true }, ADMIN_A))).toBe(
    'INVALID_PAYLOAD',
  );
  const left = data(await call('saveMySubscription', { kind: 'own-pages', subscribed: false }, ADMIN_A));
  expect(left.subscriptions).toEqual([{ kind: 'space', spaceId: SPACE_A, email: 'sam@example.com' }]);
  expect(await audited('digest.subscribe', ADMIN_A)).toBe(2);
});

test("the weekly run's personal recipients: an owner's own pages, a subscribed space's pages", async () => {
  data(
    await call(
      'saveMySubscription',
      { kind: 'own-pages', email: 'sam@example.com', subscribed: true },
      ADMIN_A,
    ),
  );
  // ADMIN (Ada) owns pages too: every page whose owner is 'local-admin' is not hers (different account).
  data(
    await call(
      'saveMySubscription',
      { kind: 'own-pages', email: 'ada@example.com', subscribed: true },
      ADMIN,
    ),
  );
  const [owned] = await h.t.pool.query("UPDATE rg_page_people SET owner_id = ? WHERE page_id = '1048577'", [
    ADMIN,
  ]);
  expect(owned).toBeDefined();
  const personal = await personalDigestsFromStore(mysqlExecutor(h.t.pool));
  const byEmail = new Map(personal.map((p) => [p.email, [...p.pageIds].sort()]));
  const [spaceRows] = await h.t.pool.query(
    'SELECT page_id FROM rg_pages WHERE space_id = ? ORDER BY page_id',
    [SPACE_A],
  );
  // Sam: space A subscription (every stored page of A) plus own pages (none owned by acc-space-a).
  expect(byEmail.get('sam@example.com')).toEqual(
    (spaceRows as { page_id: string }[]).map((r) => r.page_id).sort(),
  );
  expect(byEmail.get('ada@example.com')).toEqual(['1048577']);
});
