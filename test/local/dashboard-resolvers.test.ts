import type { Envelope, FindingView, ResolverKey, ResolverResults } from '../../src/shared';
import {
  ADMIN,
  STRANGER,
  VIEWER,
  connectDemoAccounts,
  demoSnapshot,
  harness,
  type Harness,
} from './support/app';

/**
 * Contract tests for the dashboard, finding detail, page report/badge, re-check and inventory
 * resolvers through the local runtime over a real scan of the demo space: a success checked against
 * the database, a denial (a restricted page's finding and title never appear) and bad payloads.
 */
type Answer<K extends ResolverKey> = Envelope<ResolverResults[K]>;

let h: Harness;
const call = <K extends ResolverKey>(key: K, payload: unknown, who: string | null): Promise<Answer<K>> =>
  h.forge.resolver(key, payload, who) as Promise<Answer<K>>;
const code = (a: Envelope<unknown>): string => (a.ok ? 'ok' : a.error.code);
function data<T>(a: Envelope<T>): T {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.data;
}
async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await h.t.pool.query(query, params);
  return rows as T[];
}
async function deniedAudited(action: string, who: string): Promise<boolean> {
  const rows = await sql<{ n: unknown }>(
    "SELECT COUNT(*) AS n FROM rg_audit_log WHERE action = ? AND actor = ? AND outcome = 'denied'",
    [action, who],
  );
  return Number(rows[0]?.n) > 0;
}
async function scan(): Promise<void> {
  expect(code(await call('startScan', {}, ADMIN))).toBe('ok');
  await h.forge.drain();
}
async function allFindings(
  who: string,
  payload: Record<string, unknown>,
  limit = 100,
): Promise<FindingView[]> {
  const items: FindingView[] = [];
  let cursor: string | undefined;
  for (;;) {
    const a = data(await call('listFindings', { ...payload, limit, ...(cursor ? { cursor } : {}) }, who));
    items.push(...a.items);
    if (a.nextCursor === null) return items;
    cursor = a.nextCursor;
  }
}

/** A restricted page with findings: its id and title, which VIEWER must never see. */
let secret: { pageId: string; title: string };

beforeAll(async () => {
  h = await harness('dashboard');
  await connectDemoAccounts(h.forge);
  await scan();
  const [row] = await sql<{ page_id: string; title: string }>(
    `SELECT p.page_id, p.title FROM rg_pages p JOIN rg_findings f ON f.page_id = p.page_id
     ORDER BY p.page_id LIMIT 1`,
  );
  secret = { pageId: String(row?.page_id), title: String(row?.title) };
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.forge.confluence.restrictions = {};
});
const restrict = (): void => {
  h.forge.confluence.restrictions[secret.pageId] = [ADMIN];
};

describe('getDashboardSummary', () => {
  test('counts match the store; coverage per account/region/service; a trend point per scan', async () => {
    const s = data(await call('getDashboardSummary', {}, VIEWER));
    const [refs] = await sql<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM rg_references WHERE status <> 'placeholder'",
    );
    const active = await sql<{ severity: string; kind: string }>(
      "SELECT severity, kind FROM rg_findings WHERE status IN ('open', 'acknowledged', 'reopened')",
    );
    expect(s.referencesChecked).toBe(Number(refs?.n));
    expect(s.referencesChecked).toBeGreaterThan(0);
    expect(s.pagesChecked).toBe(12);
    expect(s.openFindings.total).toBe(active.length);
    expect(s.openFindings.bySeverity.error).toBe(active.filter((f) => f.severity === 'error').length);
    expect(s.openFindings.byKind.missing).toBe(active.filter((f) => f.kind === 'missing').length);
    expect(Object.values(s.openFindings.byKind).reduce((a, b) => a + b, 0)).toBe(active.length);
    expect(s.lastScan?.state).toBe('succeeded');
    expect(s.lastScan?.finishedAt).toBeGreaterThan(0);
    const cov = s.coverage;
    expect(cov).not.toBeNull();
    expect(cov?.cells.length).toBe(Object.values(cov?.counts ?? {}).reduce((a, b) => a + b, 0));
    // The demo's access-denied scan, and a region one account did not select (us-east-1 for 3049…).
    expect(cov?.cells.find((c) => c.state === 'denied')?.reason).toEqual(expect.any(String));
    expect(cov?.cells).toContainEqual(
      expect.objectContaining({ account: '304958672011', region: 'us-east-1', state: 'not-selected' }),
    );
    const okCells = demoSnapshot().coverage.filter((c) => c.outcome === 'ok').length;
    expect(cov?.counts.scanned).toBe(okCells);
    expect(s.trend).toHaveLength(1);
    expect(s.trend[0]).toMatchObject({ scanId: s.lastScan?.scanId, total: active.length });

    await scan();
    const again = data(await call('getDashboardSummary', {}, VIEWER));
    expect(again.trend).toHaveLength(2);
    expect(again.trend[0]?.finishedAt).toBeLessThanOrEqual(again.trend[1]?.finishedAt ?? 0);
  });

  test('numbers only: no title or value of a restricted page; signed-in users only; bad payload', async () => {
    restrict();
    const text = JSON.stringify(await call('getDashboardSummary', {}, VIEWER));
    expect(text).not.toContain(secret.title);
    expect(text).not.toContain(secret.pageId);
    expect(code(await call('getDashboardSummary', {}, null))).toBe('FORBIDDEN');
    expect(code(await call('getDashboardSummary', { days: 7 }, VIEWER))).toBe('INVALID_PAYLOAD');
  });
});

describe('listFindings: types, query, sort, total', () => {
  test('total counts matches; types and query filter; page sort groups by page; paging is stable', async () => {
    const everything = await allFindings(ADMIN, {});
    const first = data(await call('listFindings', { limit: 2 }, ADMIN));
    expect(first.total).toBe(everything.length);
    expect(first).toMatchObject({ totalIncludesHidden: true, totalIsLowerBound: false });

    const type = everything[0]?.entity.type as string;
    const typed = await allFindings(ADMIN, { types: [type] }, 2);
    expect(typed.length).toBe(everything.filter((f) => f.entity.type === type).length);
    expect(typed.every((f) => f.entity.type === type)).toBe(true);
    expect(data(await call('listFindings', { types: [type] }, ADMIN)).total).toBe(typed.length);

    const value = everything[0]?.entity.value as string;
    const needle = value.slice(1, 8).toUpperCase();
    const found = await allFindings(ADMIN, { query: needle });
    const expected = everything.filter((f) =>
      [f.entity.value, f.pageTitle, f.message].some((t) => t.toLowerCase().includes(needle.toLowerCase())),
    );
    expect(found.map((f) => f.fingerprint).sort()).toEqual(expected.map((f) => f.fingerprint).sort());
    expect(found.length).toBeGreaterThan(0);
    // Taken literally: a LIKE wildcard matches nothing unless it is in the text.
    expect(data(await call('listFindings', { query: '%' }, ADMIN)).items).toEqual([]);

    const byPage = await allFindings(ADMIN, { sort: 'page' }, 3);
    expect(byPage.map((f) => f.pageId)).toEqual([...byPage.map((f) => f.pageId)].sort());
    expect(new Set(byPage.map((f) => f.fingerprint)).size).toBe(everything.length);
    const bySeverity = await allFindings(ADMIN, { sort: 'severity' }, 3);
    const rank = (s: string): number => ['error', 'warning', 'info'].indexOf(s);
    for (let i = 1; i < bySeverity.length; i++) {
      const [a, b] = [bySeverity[i - 1] as FindingView, bySeverity[i] as FindingView];
      expect(
        rank(a.severity) < rank(b.severity) || (a.severity === b.severity && a.lastSeen >= b.lastSeen),
      ).toBe(true);
    }
    expect(bySeverity.map((f) => f.fingerprint)).toEqual(
      (await allFindings(ADMIN, { sort: 'severity' }, 100)).map((f) => f.fingerprint),
    );
  });

  test('a restricted page never appears, whatever the filter; total is flagged as before the check', async () => {
    restrict();
    for (const payload of [{}, { sort: 'page' }, { query: secret.title.slice(0, 10) }]) {
      const seen = await allFindings(VIEWER, payload, 2);
      expect(seen.some((f) => f.pageId === secret.pageId)).toBe(false);
      const answer = JSON.stringify(await call('listFindings', payload, VIEWER));
      expect(answer).not.toContain(secret.title);
      expect(answer).toContain('"totalIncludesHidden":true');
    }
  });

  test('bad payloads: unknown type, foreign or forged cursor, empty query', async () => {
    expect(code(await call('listFindings', { types: ['bogus'] }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('listFindings', { query: '  ' }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('listFindings', { sort: 'title' }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('listFindings', { cursor: 'abc' }, ADMIN))).toBe('INVALID_PAYLOAD');
    const page = data(await call('listFindings', { limit: 1, sort: 'severity' }, ADMIN));
    expect(page.nextCursor).not.toBeNull();
    expect(code(await call('listFindings', { limit: 1, sort: 'page', cursor: page.nextCursor }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
  });
});

describe('getFindingDetail', () => {
  test('evidence as stored, suggestions, history with who/what/when/why', async () => {
    const [target] = await allFindings(ADMIN, {});
    const fingerprint = target?.fingerprint as string;
    expect(code(await call('acknowledgeFinding', { fingerprint, reason: 'ticket OPS-7' }, ADMIN))).toBe('ok');
    const d = data(await call('getFindingDetail', { fingerprint }, VIEWER));
    const [row] = await sql<{ data: string; first_seen: unknown }>(
      'SELECT data, first_seen FROM rg_findings WHERE fingerprint = ?',
      [fingerprint],
    );
    const stored = JSON.parse(String(row?.data)) as {
      location: { context: string };
      suggestion: { value: string } | null;
    };
    expect(d.finding).toMatchObject({ fingerprint, status: 'acknowledged' });
    expect(d.evidence.context).toBe(stored.location.context);
    expect(d.suggestions).toEqual(stored.suggestion === null ? [] : [stored.suggestion]);
    expect(d.history.firstSeen).toBe(Number(row?.first_seen));
    expect(d.history.changes[0]).toMatchObject({
      actor: ADMIN,
      action: 'finding.acknowledge',
      outcome: 'success',
      reason: 'ticket OPS-7',
    });
    expect(d.history.changes[0]?.at).toBeGreaterThanOrEqual(d.history.firstSeen);
    // A finding with a suggestion carries it through.
    const withSuggestion = await sql<{ fingerprint: string; data: string }>(
      'SELECT fingerprint, data FROM rg_findings',
    );
    const suggested = withSuggestion.find(
      (r) => (JSON.parse(r.data) as { suggestion: unknown }).suggestion !== null,
    );
    expect(suggested).toBeDefined();
    const s = data(await call('getFindingDetail', { fingerprint: String(suggested?.fingerprint) }, ADMIN));
    expect(s.suggestions).toHaveLength(1);
  });

  test('denied for a restricted page (audited), unknown answers NOT_FOUND, bad fingerprint', async () => {
    const [onSecret] = await sql<{ fingerprint: string }>(
      'SELECT fingerprint FROM rg_findings WHERE page_id = ?',
      [secret.pageId],
    );
    restrict();
    const denied = await call('getFindingDetail', { fingerprint: onSecret?.fingerprint }, VIEWER);
    expect(code(denied)).toBe('FORBIDDEN');
    expect(JSON.stringify(denied)).not.toContain(secret.title);
    expect(await deniedAudited('getFindingDetail', VIEWER)).toBe(true);
    expect(code(await call('getFindingDetail', { fingerprint: 'ffffffffffffffff' }, VIEWER))).toBe(
      'NOT_FOUND',
    );
    expect(code(await call('getFindingDetail', { fingerprint: 'x' }, VIEWER))).toBe('INVALID_PAYLOAD');
  });
});

describe('getPageReport and getPageBadge', () => {
  test('every reference with its state, the finding behind each problem, last check time', async () => {
    const r = data(await call('getPageReport', { pageId: secret.pageId }, VIEWER));
    const rows = await sql<{ value: string; status: string; fingerprint: string | null }>(
      'SELECT value, status, fingerprint FROM rg_references WHERE page_id = ?',
      [secret.pageId],
    );
    expect(r.references).toHaveLength(rows.length);
    expect(r.counts.verified).toBe(rows.filter((x) => x.status === 'ok').length);
    expect(r.counts.stale).toBe(rows.filter((x) => x.status === 'missing').length);
    const withFinding = rows.filter((x) => x.fingerprint !== null).map((x) => x.fingerprint);
    expect(
      r.references
        .filter((x) => x.fingerprint !== null)
        .map((x) => x.fingerprint)
        .sort(),
    ).toEqual(withFinding.sort());
    for (const ref of r.references.filter((x) => x.fingerprint !== null)) {
      expect(ref.message).toEqual(expect.any(String));
      expect(ref.findingStatus).not.toBeNull();
    }
    const progress = data(await call('getScanProgress', {}, VIEWER));
    expect(r.lastCheckedAt).toBe(progress.scan?.finishedAt);
    expect(r.recheckPending).toBe(false);

    const badge = data(await call('getPageBadge', { pageId: secret.pageId }, VIEWER));
    const [open] = await sql<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM rg_findings WHERE page_id = ? AND status IN ('open', 'acknowledged', 'reopened')",
      [secret.pageId],
    );
    expect(badge.open.total).toBe(Number(open?.n));
    expect(badge.open.total).toBeGreaterThan(0);
    expect(badge.lastCheckedAt).toBe(r.lastCheckedAt);
  });

  test('getPageFindings still answers', async () => {
    const a = data(await call('getPageFindings', { pageId: secret.pageId }, VIEWER));
    expect(a.findings.length).toBeGreaterThan(0);
  });

  test('denied for a restricted page, audited; bad page ids', async () => {
    restrict();
    for (const key of ['getPageReport', 'getPageBadge'] as const) {
      const a = await call(key, { pageId: secret.pageId }, VIEWER);
      expect(code(a)).toBe('FORBIDDEN');
      expect(JSON.stringify(a)).not.toContain(secret.title);
      expect(await deniedAudited(key, VIEWER)).toBe(true);
      expect(code(await call(key, { pageId: '1/../2' }, VIEWER))).toBe('INVALID_PAYLOAD');
      expect(code(await call(key, {}, VIEWER))).toBe('INVALID_PAYLOAD');
    }
  });
});

describe('recheckPage', () => {
  test('queues one re-check per page (debounced), audited; the report shows it pending until it ran', async () => {
    const pageId = secret.pageId;
    const fetched = (): number =>
      h.forge.confluence.requests.filter(
        (r) => r.as === 'app' && r.path.startsWith(`/wiki/api/v2/pages/${pageId}?`),
      ).length;
    const before = fetched();
    expect(data(await call('recheckPage', { pageId }, VIEWER))).toEqual({
      pageId,
      queued: true,
      recheckPending: true,
    });
    expect(data(await call('recheckPage', { pageId }, VIEWER))).toMatchObject({ queued: false });
    expect(data(await call('getPageReport', { pageId }, VIEWER)).recheckPending).toBe(true);
    expect(data(await call('getPageBadge', { pageId }, VIEWER)).recheckPending).toBe(true);
    await h.forge.drain();
    expect(fetched() - before).toBe(1);
    const after = data(await call('getPageReport', { pageId }, VIEWER));
    expect(after.recheckPending).toBe(false);
    expect(after.references.length).toBeGreaterThan(0);
    const audit = await sql<{ detail: string }>(
      "SELECT detail FROM rg_audit_log WHERE action = 'page.recheck' AND target = ? AND actor = ? ORDER BY id",
      [pageId, VIEWER],
    );
    expect(audit.map((a) => a.detail)).toEqual(['queued', 'already pending']);
    // Once it ran, the next request queues again.
    expect(data(await call('recheckPage', { pageId }, VIEWER)).queued).toBe(true);
    await h.forge.drain();
  });

  test('denied for a page the caller cannot view, audited; bad payload', async () => {
    restrict();
    expect(code(await call('recheckPage', { pageId: secret.pageId }, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('recheckPage', VIEWER)).toBe(true);
    expect(code(await call('recheckPage', { pageId: secret.pageId, force: true }, VIEWER))).toBe(
      'INVALID_PAYLOAD',
    );
  });
});

describe('listUncoveredResources', () => {
  test('resources no page names, filtered by type, account, region and tag, paginated', async () => {
    const all = data(await call('listUncoveredResources', { limit: 100 }, ADMIN));
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(0);
    const named = new Set(
      (await sql<{ value: string }>('SELECT value FROM rg_references')).map((r) => r.value.toLowerCase()),
    );
    for (const r of all.items) expect(named.has(r.id.toLowerCase())).toBe(false);
    // A resource a runbook names is not listed.
    const referenced = demoSnapshot().resources.find((r) => r.kind === 'ec2-instance' && named.has(r.id));
    expect(referenced).toBeDefined();
    expect(all.items.some((r) => r.id === referenced?.id)).toBe(false);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const p: ResolverResults['listUncoveredResources'] = data(
        await call('listUncoveredResources', { limit: 2, ...(cursor ? { cursor } : {}) }, ADMIN),
      );
      paged.push(...p.items.map((r) => `${r.account}/${r.region}/${r.kind}/${r.id}`));
      cursor = p.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all.items.map((r) => `${r.account}/${r.region}/${r.kind}/${r.id}`));

    const kind = all.items[0]?.kind as string;
    const ofKind = data(await call('listUncoveredResources', { resourceType: kind, limit: 100 }, ADMIN));
    expect(ofKind.total).toBe(all.items.filter((r) => r.kind === kind).length);
    const account = all.items[0]?.account as string;
    const inAccount = data(
      await call('listUncoveredResources', { account, region: 'eu-west-1', limit: 100 }, ADMIN),
    );
    expect(inAccount.items.every((r) => r.account === account && r.region === 'eu-west-1')).toBe(true);
    const tagged = all.items.find((r) => Object.keys(r.tags).length > 0);
    expect(tagged).toBeDefined();
    const [key, value] = Object.entries(tagged?.tags ?? {})[0] as [string, string];
    const byTag = data(await call('listUncoveredResources', { tag: { key, value }, limit: 100 }, ADMIN));
    expect(byTag.items.map((r) => r.id)).toContain(tagged?.id);
    expect(byTag.items.every((r) => r.tags[key] === value)).toBe(true);
    const byKey = data(await call('listUncoveredResources', { tag: { key }, limit: 100 }, ADMIN));
    expect(byKey.total).toBe(all.items.filter((r) => key in r.tags).length);
  });

  test('site admins only; bad payloads', async () => {
    expect(code(await call('listUncoveredResources', {}, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('listUncoveredResources', VIEWER)).toBe(true);
    expect(code(await call('listUncoveredResources', { region: 'mars' }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('listUncoveredResources', { tag: { value: 'x' } }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(code(await call('listUncoveredResources', { cursor: 'e30' }, ADMIN))).toBe('INVALID_PAYLOAD');
  });
});

describe('listInventory', () => {
  test('counts per account/region/service; one cell’s resources, paginated', async () => {
    const snap = demoSnapshot();
    const all = data(await call('listInventory', {}, ADMIN));
    const ok = all.cells.filter((c) => c.state === 'scanned');
    expect(ok.reduce((n, c) => n + c.resources, 0)).toBe(
      snap.coverage.reduce((n, c) => n + c.resourceCount, 0),
    );
    expect(all.resources).toBeNull();
    const account = snap.accounts[0]?.account as string;
    const cell = data(
      await call('listInventory', { account, region: 'eu-west-1', service: 'ec2', limit: 5 }, ADMIN),
    );
    const expected = snap.resources.filter(
      (r) =>
        r.account === account &&
        r.region === 'eu-west-1' &&
        ['ec2-instance', 'security-group', 'subnet', 'vpc'].includes(r.kind),
    );
    expect(cell.resources?.total).toBe(expected.length);
    expect(cell.resources?.items).toHaveLength(Math.min(5, expected.length));
    expect(cell.cells.every((c) => c.account === account && c.service === 'ec2')).toBe(true);
    const s3 = data(await call('listInventory', { account, service: 's3' }, ADMIN));
    expect(s3.resources?.total).toBe(
      snap.resources.filter((r) => r.account === account && r.kind === 's3-bucket').length,
    );
  });

  test('site admins only; bad payloads', async () => {
    expect(code(await call('listInventory', {}, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('listInventory', VIEWER)).toBe(true);
    expect(code(await call('listInventory', { service: 'iam' }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('listInventory', { account: '12' }, ADMIN))).toBe('INVALID_PAYLOAD');
  });
});

describe('listSpaces', () => {
  test('spaces with open findings, named by Confluence as the caller', async () => {
    const ids = (
      await sql<{ space_id: string }>(
        "SELECT DISTINCT space_id FROM rg_findings WHERE status IN ('open', 'acknowledged', 'reopened')",
      )
    ).map((r) => String(r.space_id));
    const a = data(await call('listSpaces', {}, VIEWER));
    expect(a.spaces.map((s) => s.id).sort()).toEqual(ids.sort());
    // The local Confluence names space 98305 "Space 98305" with key SP98305.
    expect(a.spaces.find((x) => x.id === '98305')).toEqual({
      id: '98305',
      key: 'SP98305',
      name: 'Space 98305',
    });
    expect(data(await call('listSpaces', {}, STRANGER)).spaces).toEqual([]);
    // A space whose every page the caller cannot view is not named to them.
    const [onlyPage] = await sql<{ space_id: string; n: unknown }>(
      'SELECT space_id, COUNT(*) AS n FROM rg_pages GROUP BY space_id HAVING COUNT(*) = 1 LIMIT 1',
    );
    const lone = h.forge.confluence.pages.find((p) => p.spaceId === String(onlyPage?.space_id));
    expect(ids).toContain(lone?.spaceId);
    h.forge.confluence.restrictions[String(lone?.id)] = [ADMIN];
    expect(data(await call('listSpaces', {}, VIEWER)).spaces.map((s) => s.id)).not.toContain(lone?.spaceId);
    h.forge.confluence.throttle = { remaining: 1, retryAfterSeconds: 1 };
    expect(code(await call('listSpaces', {}, VIEWER))).toBe('RATE_LIMITED');
    expect(code(await call('listSpaces', {}, null))).toBe('FORBIDDEN');
    expect(code(await call('listSpaces', { all: true }, VIEWER))).toBe('INVALID_PAYLOAD');
  });
});
