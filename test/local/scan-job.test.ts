import { extractPage } from '../../src/core/extract';
import { indexSnapshot, scanPages } from '../../src/core/match';
import {
  ADMIN,
  VIEWER,
  connectDemoAccounts,
  demoPages,
  demoSnapshot,
  findingRows,
  harness,
  type Harness,
} from './support/app';

/** The findings the engine itself reports for the demo space: what the job must store. */
function engineFingerprints(): string[] {
  const report = scanPages(
    demoPages().map((p) =>
      extractPage({ id: p.id, title: p.title, version: p.version.number, storage: p.body.storage.value }),
    ),
    indexSnapshot(demoSnapshot()),
  );
  return report.findings.map((f) => f.fingerprint).sort();
}

async function scan(h: Harness): Promise<string> {
  const started = (await h.forge.resolver('startScan', {}, ADMIN)) as {
    ok: boolean;
    data: { scanId: string };
  };
  expect(started.ok).toBe(true);
  await h.forge.drain();
  return started.data.scanId;
}

describe('the full scan job on the demo space', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('job');
    await connectDemoAccounts(h.forge);
  });
  afterAll(async () => {
    await h.close();
  });

  test('runs through the queue to exactly the findings the engine reports, with progress and coverage', async () => {
    const scanId = await scan(h);
    const progress = await h.forge.resolver('getScanProgress', {}, VIEWER);
    expect(progress).toMatchObject({
      ok: true,
      data: {
        scan: { scanId, state: 'succeeded', phase: 'done', pagesTotal: 12, pagesDone: 12, resources: 92 },
      },
    });
    const rows = await findingRows(h.t);
    expect(rows.map((r) => r.fingerprint)).toEqual(engineFingerprints());
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open']));
    const [runs] = await h.t.pool.query('SELECT coverage FROM rg_scan_runs WHERE scan_id = ?', [scanId]);
    expect(JSON.parse((runs as { coverage: string }[])[0]?.coverage ?? 'null')).toMatchObject({
      snapshotTakenAt: demoSnapshot().takenAt,
    });
    expect(h.forge.queue.deadLetters).toEqual([]);
    // The lock is free again: the next request starts a new scan.
    const [locks] = await h.t.pool.query('SELECT * FROM rg_locks');
    expect(locks).toEqual([]);
  });

  test('a rescan re-extracts only pages whose version changed, and resolves what it no longer sees', async () => {
    const before = await findingRows(h.t);
    const [stamps] = await h.t.pool.query('SELECT page_id, updated_at FROM rg_pages ORDER BY page_id');
    const edited = h.forge.confluence.pages.find((p) => before.some((f) => f.page_id === p.id)) ?? null;
    if (edited === null) throw new Error('no page with findings');
    edited.version = { number: edited.version.number + 1 };
    edited.body = { storage: { value: '<p>Nothing to check here any more.</p>' } };
    await new Promise((r) => setTimeout(r, 5));
    await scan(h);
    const [after] = await h.t.pool.query('SELECT page_id, updated_at FROM rg_pages ORDER BY page_id');
    const changed = (after as { page_id: string; updated_at: string }[]).filter(
      (r, i) => (stamps as { updated_at: string }[])[i]?.updated_at !== r.updated_at,
    );
    expect(changed.map((r) => r.page_id)).toEqual([edited.id]);
    const rows = await findingRows(h.t);
    for (const r of rows) expect(r.status).toBe(r.page_id === edited.id ? 'resolved' : 'open');
  });

  test('a page edit re-checks just that page through the trigger and the queue', async () => {
    const open = (await findingRows(h.t)).filter((r) => r.status === 'open');
    const page = h.forge.confluence.pages.find((p) => open.some((r) => r.page_id === p.id));
    if (page === undefined) throw new Error('no page with open findings');
    page.version = { number: page.version.number + 1 };
    page.body = { storage: { value: '<p>Rewritten: no AWS references left.</p>' } };
    const asked = h.forge.confluence.requests.length;
    await h.forge.pageChanged(page.id);
    await h.forge.drain();
    const after = (await findingRows(h.t)).filter((r) => r.page_id === page.id);
    expect(after.every((r) => r.status === 'resolved')).toBe(true);
    // Only that page was fetched from Confluence.
    expect(h.forge.confluence.requests.slice(asked).map((r) => r.path)).toEqual([
      `/wiki/api/v2/pages/${page.id}?body-format=storage`,
    ]);
  });

  test('a page deleted from Confluence is dropped and its findings resolved by the next scan', async () => {
    const open = (await findingRows(h.t)).filter((r) => r.status === 'open');
    const gone = h.forge.confluence.pages.find((p) => open.some((r) => r.page_id === p.id));
    if (gone === undefined) throw new Error('no page with open findings');
    h.forge.confluence.pages.splice(h.forge.confluence.pages.indexOf(gone), 1);
    await scan(h);
    const rows = (await findingRows(h.t)).filter((r) => r.page_id === gone.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'resolved')).toBe(true);
    const [pages] = await h.t.pool.query('SELECT page_id FROM rg_pages WHERE page_id = ?', [gone.id]);
    const [refs] = await h.t.pool.query('SELECT page_id FROM rg_references WHERE page_id = ?', [gone.id]);
    expect([pages, refs]).toEqual([[], []]);
  });

  test('429 from Confluence: the chunk is re-queued after Retry-After and the scan still completes', async () => {
    expect(await h.forge.resolver('startScan', {}, ADMIN)).toMatchObject({ ok: true });
    h.forge.confluence.throttle = { remaining: 2, retryAfterSeconds: 9 };
    await h.forge.drain();
    expect(h.forge.queue.requestedDelays).toEqual([9, 9]);
    const progress = (await h.forge.resolver('getScanProgress', {}, VIEWER)) as {
      data: { scan: { state: string } };
    };
    expect(progress.data.scan.state).toBe('succeeded');
  });
});

test('every event delivered twice: same findings, no duplicate rows', async () => {
  const h = await harness('dup', { queue: { fault: () => 'duplicate' } });
  try {
    await connectDemoAccounts(h.forge);
    await scan(h);
    expect((await findingRows(h.t)).map((r) => r.fingerprint)).toEqual(engineFingerprints());
    const [runs] = await h.t.pool.query("SELECT COUNT(*) AS n FROM rg_scan_runs WHERE state = 'succeeded'");
    expect(Number((runs as { n: unknown }[])[0]?.n)).toBe(1);
  } finally {
    await h.close();
  }
});

test('two concurrent scan requests start exactly one scan', async () => {
  const h = await harness('lock');
  try {
    await connectDemoAccounts(h.forge);
    const answers = (await Promise.all([
      h.forge.resolver('startScan', {}, ADMIN),
      h.forge.resolver('startScan', {}, ADMIN),
      h.forge.dailyScan().then(() => ({ ok: 'daily' })),
    ])) as { ok: boolean | string; error?: { code: string } }[];
    expect(answers.filter((a) => a.ok === true)).toHaveLength(answers.some((a) => a.ok === true) ? 1 : 0);
    expect(answers.filter((a) => a.ok === false).map((a) => a.error?.code)).toEqual(
      answers.filter((a) => a.ok === false).map(() => 'SCAN_IN_PROGRESS'),
    );
    const [runs] = await h.t.pool.query('SELECT COUNT(*) AS n FROM rg_scan_runs');
    expect(Number((runs as { n: unknown }[])[0]?.n)).toBe(1);
    await h.forge.drain();
    const [done] = await h.t.pool.query("SELECT COUNT(*) AS n FROM rg_scan_runs WHERE state = 'succeeded'");
    expect(Number((done as { n: unknown }[])[0]?.n)).toBe(1);
  } finally {
    await h.close();
  }
});

test('a chunk that keeps failing fails its scan (audited) and frees the lock instead of retrying forever', async () => {
  const h = await harness('giveup', {
    aws: {
      connect: () => Promise.resolve(),
      collect: () => Promise.reject(new Error('AWS is down')),
      testConnection: () => Promise.reject(new Error('AWS is down')),
    },
  });
  try {
    await connectDemoAccounts(h.forge);
    await scan(h);
    const progress = (await h.forge.resolver('getScanProgress', {}, VIEWER)) as {
      data: { scan: { state: string } };
    };
    expect(progress.data.scan.state).toBe('failed');
    const [audit] = await h.t.pool.query("SELECT outcome FROM rg_audit_log WHERE action = 'scan.failed'");
    expect(audit).toEqual([{ outcome: 'failed' }]);
    expect(h.forge.queue.deadLetters).toEqual([]);
    // The next request starts a new scan.
    expect(await h.forge.resolver('startScan', {}, ADMIN)).toMatchObject({ ok: true });
  } finally {
    await h.close();
  }
});
