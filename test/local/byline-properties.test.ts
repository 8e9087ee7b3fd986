import type { PageReport } from '../../src/shared/contract-dashboard';
import * as app from '../../src/index';
import { runAs } from '../../src/local/runtime';
import { ADMIN, VIEWER, connectDemoAccounts, harness, type Harness } from './support/app';

// The byline item's dynamicProperties function through the local Forge runtime over a real demo
// scan: the title from the page's counts for the viewing user, nothing for someone who may not view
// the page. Also the page report's finding state reason, which the byline dialog shows.
let h: Harness;

beforeAll(async () => {
  h = await harness('byline_props');
  await connectDemoAccounts(h.forge);
  expect(await h.forge.resolver('startScan', {}, ADMIN)).toMatchObject({ ok: true });
  await h.forge.drain();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.forge.confluence.restrictions = {};
});

/** As Forge invokes it: the page in the payload's extension context, the viewer as principal. */
const invoke = (pageId: unknown, accountId: string | null) =>
  runAs(accountId, () =>
    app.bylineProperties(
      { extension: { type: 'confluence:contentBylineItem', content: { id: pageId, type: 'page' } } },
      accountId === null ? {} : { principal: { accountId } },
    ),
  );

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await h.t.pool.query(query, params);
  return rows as T[];
}

async function report(pageId: string, as: string): Promise<PageReport> {
  const answer = (await h.forge.resolver('getPageReport', { pageId }, as)) as { ok: true; data: PageReport };
  expect(answer.ok).toBe(true);
  return answer.data;
}

/** Pages by how many references of each stored status they have (as the scan wrote them). */
async function pagesWith(): Promise<Map<string, Record<string, number>>> {
  const rows = await sql<{ page_id: string; status: string; n: unknown }>(
    `SELECT r.page_id, r.status, COUNT(*) AS n FROM rg_references r JOIN rg_pages p
       ON p.page_id = r.page_id GROUP BY r.page_id, r.status`,
  );
  const byPage = new Map<string, Record<string, number>>();
  for (const r of rows)
    byPage.set(String(r.page_id), { ...byPage.get(String(r.page_id)), [r.status]: Number(r.n) });
  return byPage;
}

const PROBLEMS = ['missing', 'dangling', 'wrong-region', 'not-running'];

test('a page whose only problems are stale references: "RunbookGuard: N stale", with the summary as tooltip', async () => {
  const pages = await pagesWith();
  const [pageId, statuses] =
    [...pages].find(([, s]) => (s.missing ?? 0) > 0 && PROBLEMS.every((p) => p === 'missing' || !s[p])) ?? [];
  expect(pageId).toBeDefined();
  const answer = await invoke(pageId, VIEWER);
  expect(answer.title).toBe(`RunbookGuard: ${statuses?.missing} stale`);
  const r = await report(String(pageId), VIEWER);
  expect(r.counts.stale).toBe(statuses?.missing);
  expect(answer.tooltip).toMatch(/^RunbookGuard: /);
  expect(answer.tooltip).toContain(`${statuses?.missing} stale`);
});

test('several kinds of problem are counted together; a numeric content id is accepted', async () => {
  const pages = await pagesWith();
  const [pageId, statuses] =
    [...pages].find(([, s]) => PROBLEMS.filter((p) => (s[p] ?? 0) > 0).length > 1) ?? [];
  expect(pageId).toBeDefined();
  const total = PROBLEMS.reduce((n, p) => n + (statuses?.[p] ?? 0), 0);
  expect((await invoke(Number(pageId), ADMIN)).title).toBe(`RunbookGuard: ${total} problems`);
});

test('someone who cannot view the page gets the static title, and the denial is audited', async () => {
  const [pageId] = [...(await pagesWith())].find(([, s]) => (s.missing ?? 0) > 0) ?? [];
  h.forge.confluence.restrictions[String(pageId)] = [ADMIN];
  const answer = await invoke(pageId, VIEWER);
  expect(answer).toEqual({ title: 'RunbookGuard', tooltip: 'Stale AWS references on this page' });
  const [denied] = await sql<{ n: unknown }>(
    "SELECT COUNT(*) AS n FROM rg_audit_log WHERE action = 'bylineProperties' AND actor = ? AND outcome = 'denied'",
    [VIEWER],
  );
  expect(Number(denied?.n)).toBe(1);
  expect((await invoke(pageId, ADMIN)).title).toMatch(/^RunbookGuard: /);
});

test('no page or no user in the invocation: the static title, nothing read', async () => {
  const neutral = { title: 'RunbookGuard', tooltip: 'Stale AWS references on this page' };
  expect(await runAs(VIEWER, () => app.bylineProperties({}, { principal: { accountId: VIEWER } }))).toEqual(
    neutral,
  );
  expect(await invoke('1/../2', VIEWER)).toEqual(neutral);
  expect(await invoke('1048577', null)).toEqual(neutral);
});

test('the page report carries why a finding was acknowledged', async () => {
  const [row] = await sql<{ fingerprint: string; page_id: string }>(
    "SELECT fingerprint, page_id FROM rg_findings WHERE status = 'open' ORDER BY fingerprint LIMIT 1",
  );
  const fingerprint = String(row?.fingerprint);
  const before = await report(String(row?.page_id), VIEWER);
  expect(before.references.find((r) => r.fingerprint === fingerprint)?.findingStatusReason).toBeNull();
  expect(
    await h.forge.resolver('acknowledgeFinding', { fingerprint, reason: 'ticket OPS-42' }, ADMIN),
  ).toMatchObject({ ok: true });
  const after = await report(String(row?.page_id), VIEWER);
  expect(after.references.find((r) => r.fingerprint === fingerprint)).toMatchObject({
    findingStatus: 'acknowledged',
    findingStatusReason: 'ticket OPS-42',
  });
});
