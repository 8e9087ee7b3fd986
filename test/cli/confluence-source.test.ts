import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExtractWith } from '../../src/cli/commands/extract';
import { main } from '../../src/cli/main';
import { extractPage, type PageExtraction } from '../../src/core/extract';
import {
  loadPagesFile,
  loadSpacesFile,
  newConfluenceModel,
  type ConfluenceModel,
  type LocalPage,
} from '../../src/local/confluence-service';
import { startLocalConfluenceSite, type LocalConfluenceSite } from '../../src/local/confluence-http';
import { fakeIo } from './fake-io';

/**
 * The CLI reading a real HTTP Confluence: the local service on loopback, in its Cloud flavour
 * (REST v2 cursors, basic auth) and its Data Center flavour (REST v1 start/limit, a PAT).
 */
const DEMO = path.join(__dirname, '..', '..', 'demo', 'space.json');
const CLOUD_ENV = { RG_CONFLUENCE_EMAIL: 'ci@example.com', RG_CONFLUENCE_API_TOKEN: 'cloud-token-123' };
const DC_ENV = { RG_CONFLUENCE_PAT: 'dc-pat-456' };

/** The demo pages, plus `extra` generated ones in OPS so listings need several pages of results. */
function model(extra = 0): ConfluenceModel {
  const pages = loadPagesFile(DEMO);
  for (let i = 0; i < extra; i++)
    pages.push({
      id: String(9_000_000 + i),
      title: `Generated ${i}`,
      spaceId: '262145',
      version: { number: 1 },
      body: { storage: { value: `<p>restart i-0${i.toString(16).padStart(16, '0')} in eu-west-1</p>` } },
      labels: i % 2 === 0 ? ['runbook'] : [],
    } satisfies LocalPage);
  return newConfluenceModel(pages, {}, loadSpacesFile(DEMO));
}

const expected = (m: ConfluenceModel, keep: (p: LocalPage) => boolean): PageExtraction[] =>
  m.pages
    .filter(keep)
    .map((p) =>
      extractPage({ id: p.id, title: p.title, version: p.version.number, storage: p.body.storage.value }),
    );

const byId = (pages: readonly PageExtraction[]): PageExtraction[] =>
  [...pages].sort((a, b) => a.pageId.localeCompare(b.pageId));

const noSleep: { waits: number[]; sleep: (ms: number) => Promise<void> } = {
  waits: [],
  sleep: (ms) => {
    noSleep.waits.push(ms);
    return Promise.resolve();
  },
};

async function extract(args: string[], env: NodeJS.ProcessEnv) {
  const io = fakeIo({ env });
  const code = await runExtractWith([...args, '--format', 'json'], io, {
    confluence: { sleep: noSleep.sleep },
  });
  const pages = code === 0 ? (JSON.parse(io.out()) as { pages: PageExtraction[] }).pages : [];
  return { code, pages, err: io.err() };
}

const sites: LocalConfluenceSite[] = [];
afterAll(async () => {
  for (const s of sites) await s.close();
});
async function site(m: ConfluenceModel, flavour: 'cloud' | 'data-center', contextPath = ''): Promise<string> {
  const s = await startLocalConfluenceSite(
    m,
    flavour === 'cloud'
      ? { flavour, email: CLOUD_ENV.RG_CONFLUENCE_EMAIL, apiToken: CLOUD_ENV.RG_CONFLUENCE_API_TOKEN }
      : { flavour, pat: DC_ENV.RG_CONFLUENCE_PAT, contextPath },
  );
  sites.push(s);
  return s.url;
}

describe('Confluence Cloud (REST v2, cursors)', () => {
  it('reads every page of the spaces, following cursors, as a pages file would give', async () => {
    const m = model(600);
    const url = await site(m, 'cloud');
    const { code, pages } = await extract(
      ['--confluence', url, '--confluence-type', 'cloud', '--space', 'OPS,PAY'],
      CLOUD_ENV,
    );
    expect(code).toBe(0);
    const inSpaces = (p: LocalPage): boolean => p.spaceId === '262145' || p.spaceId === '98305';
    expect(byId(pages)).toEqual(byId(expected(m, inSpaces)));
    // Listing at 250 per page: 600+ OPS pages need cursors.
    expect(
      m.requests.filter((r) => r.path.startsWith('/wiki/api/v2/pages?') && r.path.includes('cursor=')).length,
    ).toBeGreaterThan(1);
  });

  it('--label goes through CQL content search with cursor links', async () => {
    const m = model(500);
    const url = await site(m, 'cloud');
    const { code, pages } = await extract(
      ['--confluence', url, '--confluence-type', 'cloud', '--space', 'OPS', '--label', 'runbook'],
      CLOUD_ENV,
    );
    expect(code).toBe(0);
    expect(byId(pages)).toEqual(
      byId(expected(m, (p) => p.spaceId === '262145' && (p.labels ?? []).includes('runbook'))),
    );
    expect(
      m.requests.some(
        (r) => r.path.startsWith('/wiki/rest/api/content/search?') && r.path.includes('cursor='),
      ),
    ).toBe(true);
  });

  it('honours 429 Retry-After and then succeeds', async () => {
    const m = model();
    m.throttle = { remaining: 2, retryAfterSeconds: 3 };
    const url = await site(m, 'cloud');
    noSleep.waits = [];
    const { code, pages } = await extract(
      ['--confluence', url, '--confluence-type', 'cloud', '--space', 'PAY'],
      CLOUD_ENV,
    );
    expect(code).toBe(0);
    expect(pages.length).toBeGreaterThan(0);
    expect(noSleep.waits).toEqual([3000, 3000]);
  });
});

describe('Confluence Data Center (REST v1, start/limit, PAT)', () => {
  it('reads the spaces with start/limit paging under a context path', async () => {
    const m = model(450);
    const url = await site(m, 'data-center', '/confluence');
    const { code, pages } = await extract(['--confluence', url, '--space', 'OPS,NET'], DC_ENV);
    expect(code).toBe(0);
    expect(byId(pages)).toEqual(byId(expected(m, (p) => p.spaceId === '262145' || p.spaceId === '163841')));
    expect(
      m.requests.some((r) => r.path.includes('/rest/api/content?') && r.path.includes('start=200')),
    ).toBe(true);
    // Bodies in batches of at most 50 (Data Center's cap with body expanded).
    expect(m.requests.filter((r) => r.path.includes('expand=body.storage')).length).toBeGreaterThanOrEqual(
      10,
    );
  });

  it('--cql restricts the scope through content search', async () => {
    const m = model(10);
    const url = await site(m, 'data-center');
    const { code, pages } = await extract(['--confluence', url, '--cql', 'label = "runbook"'], DC_ENV);
    expect(code).toBe(0);
    expect(byId(pages)).toEqual(byId(expected(m, (p) => (p.labels ?? []).includes('runbook'))));
  });
});

describe('scan and digest read the site too', () => {
  const SNAPSHOT = path.join(__dirname, '..', '..', 'demo', 'snapshot.json');
  const ALL = 'PAY,PLAT,NET,STOR,OPS,CN,LEG,DATA';

  it('scan --confluence reports exactly what scan --pages reports for the same pages', async () => {
    const url = await site(model(), 'data-center');
    const fromSite = fakeIo({ env: DC_ENV });
    const siteCode = await main(
      ['scan', '--confluence', url, '--space', ALL, '--inventory', SNAPSHOT, '--fail-on', 'never'],
      fromSite,
    );
    const fromFile = fakeIo();
    await main(['scan', '--pages', DEMO, '--inventory', SNAPSHOT, '--fail-on', 'never'], fromFile);
    expect(siteCode).toBe(0);
    // Data Center lists space by space: same report, pages in another order.
    const normal = (out: string): unknown => {
      const report = JSON.parse(out) as { findings: unknown[]; references: unknown[] };
      const sorted = (list: unknown[]): string[] => list.map((x) => JSON.stringify(x)).sort();
      return { ...report, findings: sorted(report.findings), references: sorted(report.references) };
    };
    expect(normal(fromSite.out())).toEqual(normal(fromFile.out()));
    expect((JSON.parse(fromSite.out()) as { findings: unknown[] }).findings.length).toBeGreaterThan(5);
  });

  it('digest --confluence names spaces and links pages from the site', async () => {
    const url = await site(model(), 'cloud');
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-digest-'));
    try {
      const io = fakeIo({ env: CLOUD_ENV, cwd: dir });
      const code = await main(
        [
          'digest',
          '--confluence',
          url,
          '--confluence-type',
          'cloud',
          '--space',
          'PAY',
          '--inventory',
          SNAPSHOT,
          '--out',
          'd.html',
          '--now',
          '2026-11-23T07:00:00Z',
        ],
        io,
      );
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      const text = readFileSync(path.join(dir, 'd.txt'), 'utf8');
      expect(text).toContain('Payments');
      expect(text).toContain(`${url}/wiki/pages/viewpage.action?pageId=1048577`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('--cache DIR', () => {
  it('a re-run fetches and extracts only the pages whose version changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-cache-'));
    try {
      for (const flavour of ['cloud', 'data-center'] as const) {
        const m = model(120);
        const url = await site(m, flavour);
        const env = flavour === 'cloud' ? CLOUD_ENV : DC_ENV;
        const args = ['--confluence', url, '--confluence-type', flavour, '--space', 'OPS', '--cache', dir];
        const first = await extract(args, env);
        expect(first.code).toBe(0);
        const bodyRequests = (): number =>
          m.requests.filter(
            (r) => r.path.includes('body-format=storage') || r.path.includes('expand=body.storage'),
          ).length;
        const before = bodyRequests();
        expect(before).toBeGreaterThan(0);

        const second = await extract(args, env);
        expect(second.pages).toEqual(first.pages);
        expect(bodyRequests()).toBe(before);

        const changed = m.pages.find((p) => p.id === '9000007');
        if (!changed) throw new Error('generated page missing');
        changed.version = { number: 2 };
        changed.body = { storage: { value: '<p>now on i-0fedcba9876543210 in us-east-1</p>' } };
        const third = await extract(args, env);
        expect(bodyRequests()).toBe(before + 1);
        const page = third.pages.find((p) => p.pageId === '9000007');
        expect(page?.version).toBe(2);
        expect(page?.entities.map((e) => e.value)).toContain('i-0fedcba9876543210');
        const lastBody = [...m.requests].reverse().find((r) => r.path.includes('body'))?.path ?? '';
        expect(decodeURIComponent(lastBody)).toMatch(/9000007/);
        expect(decodeURIComponent(lastBody)).not.toMatch(/9000008/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('failures end with one clear line and exit code 2', () => {
  const run = async (args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; err: string }> => {
    const io = fakeIo({ env });
    const code = await main(['extract', ...args], io);
    return { code, err: io.err() };
  };
  const oneLine = (err: string): void => {
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  };

  it('bad credentials (Cloud and Data Center), never echoing the secret', async () => {
    const cloud = await site(model(), 'cloud');
    const a = await run(['--confluence', cloud, '--confluence-type', 'cloud', '--space', 'OPS'], {
      RG_CONFLUENCE_EMAIL: 'ci@example.com',
      RG_CONFLUENCE_API_TOKEN: 'wrong-secret-value',
    });
    expect(a.code).toBe(2);
    oneLine(a.err);
    expect(a.err).toMatch(/rejected the credentials \(HTTP 401.*RG_CONFLUENCE_API_TOKEN/);
    expect(a.err).not.toContain('wrong-secret-value');
    const dc = await site(model(), 'data-center');
    const b = await run(['--confluence', dc, '--space', 'OPS'], { RG_CONFLUENCE_PAT: 'wrong-pat-value' });
    expect(b.code).toBe(2);
    oneLine(b.err);
    expect(b.err).toMatch(/RG_CONFLUENCE_PAT/);
    expect(b.err).not.toContain('wrong-pat-value');
  });

  it('missing credentials name the variables', async () => {
    const a = await run(['--confluence', 'https://acme.atlassian.net', '--space', 'OPS'], {});
    expect(a.code).toBe(2);
    oneLine(a.err);
    expect(a.err).toMatch(/RG_CONFLUENCE_EMAIL and RG_CONFLUENCE_API_TOKEN/);
  });

  it('a wrong URL: nothing listening, or a site that is not that Confluence', async () => {
    const dead = await startLocalConfluenceSite(model(), { flavour: 'data-center', pat: 'x' });
    const deadUrl = dead.url;
    await dead.close();
    const a = await run(['--confluence', deadUrl, '--space', 'OPS'], DC_ENV);
    expect(a.code).toBe(2);
    oneLine(a.err);
    expect(a.err).toMatch(/cannot reach Confluence at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    // A Data Center site given without its context path: its REST API is not there.
    const dc = await site(model(), 'data-center', '/confluence');
    const b = await run(['--confluence', dc.replace(/\/confluence$/, ''), '--space', 'OPS'], DC_ENV);
    expect(b.code).toBe(2);
    oneLine(b.err);
    expect(b.err).toMatch(/does not answer as Confluence Data Center \(HTTP 404/);
  });

  it('an unknown space', async () => {
    const cloud = await site(model(), 'cloud');
    const a = await run(
      ['--confluence', cloud, '--confluence-type', 'cloud', '--space', 'OPS,NOPE'],
      CLOUD_ENV,
    );
    expect(a.code).toBe(2);
    oneLine(a.err);
    expect(a.err).toMatch(/--space: NOPE is not a space on/);
    const dc = await site(model(), 'data-center');
    const b = await run(['--confluence', dc, '--space', 'NOPE'], DC_ENV);
    expect(b.code).toBe(2);
    oneLine(b.err);
    expect(b.err).toMatch(/--space: NOPE is not a space on/);
  });

  it('a rate limit that does not end', async () => {
    const m = model();
    m.throttle = { remaining: 1000, retryAfterSeconds: 0 };
    const cloud = await site(m, 'cloud');
    const a = await run(['--confluence', cloud, '--confluence-type', 'cloud', '--space', 'OPS'], CLOUD_ENV);
    expect(a.code).toBe(2);
    oneLine(a.err);
    expect(a.err).toMatch(/rate-limiting these requests \(HTTP 429/);
    // Bounded: the first request and five retries.
    expect(m.requests).toHaveLength(6);
  });
});
