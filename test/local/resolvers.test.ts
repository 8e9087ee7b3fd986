import { ConfusedDeputyError } from '../../src/aws/sts';
import type { Envelope, ResolverKey, ResolverResults } from '../../src/shared';
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
 * Contract tests: every resolver through the local runtime (the unmodified Forge handler, @forge/api
 * calls answered by the local Confluence, SQL on MariaDB): a success, a denial (answered FORBIDDEN
 * and audited) and a bad payload (INVALID_PAYLOAD, nothing run) each.
 */
type Answer<K extends ResolverKey = ResolverKey> = Envelope<ResolverResults[K]>;

let h: Harness;
const call = <K extends ResolverKey>(key: K, payload: unknown, who: string | null): Promise<Answer<K>> =>
  h.forge.resolver(key, payload, who) as Promise<Answer<K>>;
const code = (a: Envelope<unknown>): string => (a.ok ? 'ok' : a.error.code);

async function deniedAudited(action: string, who: string): Promise<boolean> {
  const [rows] = await h.t.pool.query(
    "SELECT COUNT(*) AS n FROM rg_audit_log WHERE action = ? AND actor = ? AND outcome = 'denied'",
    [action, who],
  );
  return Number((rows as { n: unknown }[])[0]?.n) > 0;
}

beforeAll(async () => {
  h = await harness('resolvers');
});
afterAll(async () => {
  await h.close();
});

describe('before any account is connected', () => {
  test('startScan answers NOT_CONFIGURED', async () => {
    expect(code(await call('startScan', {}, ADMIN))).toBe('NOT_CONFIGURED');
  });
});

describe('getStatus', () => {
  test('success for admins and others; bad payload', async () => {
    expect(await call('getStatus', {}, ADMIN)).toMatchObject({
      ok: true,
      data: { isSiteAdmin: true, schemaCurrent: true },
    });
    expect(await call('getStatus', {}, VIEWER)).toMatchObject({ ok: true, data: { isSiteAdmin: false } });
    expect(code(await call('getStatus', { x: 1 }, ADMIN))).toBe('INVALID_PAYLOAD');
  });
});

describe('settings', () => {
  test('getSettings: the External ID generated on install, never customer-chosen', async () => {
    const a = await call('getSettings', {}, ADMIN);
    expect(a).toMatchObject({ ok: true, data: { accounts: [] } });
    expect(a.ok && a.data.externalId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(h.forge.kvs.values.get('external-id')).toBe(a.ok && a.data.externalId);
    expect(code(await call('getSettings', {}, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('getSettings', VIEWER)).toBe(true);
    expect(code(await call('getSettings', { externalId: 'mine' }, ADMIN))).toBe('INVALID_PAYLOAD');
  });

  test('saveSettings: connects roles, audited; denied for non-admins; bad payloads', async () => {
    await connectDemoAccounts(h.forge);
    const a = await call('getSettings', {}, ADMIN);
    expect(a.ok && a.data.accounts.map((x: { account: string }) => x.account)).toEqual(
      demoSnapshot().accounts.map((x) => x.account),
    );
    const roleArn = 'arn:aws:iam::210987654321:role/RunbookGuardReadOnly';
    expect(code(await call('saveSettings', { accounts: [{ roleArn }] }, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('saveSettings', VIEWER)).toBe(true);
    expect(
      code(await call('saveSettings', { accounts: [{ roleArn: 'arn:aws:iam::1:user/x' }] }, ADMIN)),
    ).toBe('INVALID_PAYLOAD');
    expect(
      code(await call('saveSettings', { accounts: [{ roleArn }, { roleArn: `${roleArn}2` }] }, ADMIN)),
    ).toBe('INVALID_PAYLOAD');
    expect(
      code(await call('saveSettings', { accounts: [{ roleArn }], externalId: 'chosen-by-customer' }, ADMIN)),
    ).toBe('INVALID_PAYLOAD');
    // A role the local AWS cannot assume is refused, and the refusal audited.
    const unknown = await call(
      'saveSettings',
      { accounts: [{ roleArn: 'arn:aws:iam::999999999999:role/X' }] },
      ADMIN,
    );
    expect(code(unknown)).toBe('AWS_ROLE_REJECTED');
    const [failed] = await h.t.pool.query(
      "SELECT target FROM rg_audit_log WHERE action = 'settings.connect' AND outcome = 'failed'",
    );
    expect(failed).toEqual([{ target: 'arn:aws:iam::999999999999:role/X' }]);
  });

  test('a role assumable without the External ID is refused (confused deputy)', async () => {
    // Its own installation: the same id would replace the main harness's AWS port, and unregister it on close.
    const other = await harness('deputy', {
      installationId: 'deputy-install',
      aws: {
        connect: (roleArn) => Promise.reject(new ConfusedDeputyError(roleArn)),
        collect: () => Promise.reject(new Error('unused')),
        testConnection: () => Promise.reject(new Error('unused')),
      },
    });
    try {
      const a = (await other.forge.resolver(
        'saveSettings',
        { accounts: [{ roleArn: 'arn:aws:iam::111122223333:role/Open' }] },
        ADMIN,
      )) as Answer<'saveSettings'>;
      expect(a).toMatchObject({ ok: false, error: { code: 'AWS_ROLE_REJECTED' } });
      expect(!a.ok && a.error.message).toMatch(/External ID/);
      expect(other.forge.kvs.values.get('settings')).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

describe('scans', () => {
  test('startScan: admins only; getScanProgress: anyone signed in', async () => {
    expect(code(await call('startScan', {}, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('startScan', VIEWER)).toBe(true);
    expect(code(await call('startScan', { full: true }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(await call('getScanProgress', {}, VIEWER)).toEqual({ ok: true, data: { scan: null } });
    const started = await call('startScan', {}, ADMIN);
    expect(started.ok).toBe(true);
    expect(await call('getScanProgress', {}, VIEWER)).toMatchObject({
      ok: true,
      data: { scan: { state: 'running', phase: 'pages', chunksTotal: 1, chunksDone: 0 } },
    });
    expect(code(await call('startScan', {}, ADMIN))).toBe('SCAN_IN_PROGRESS');
    await h.forge.drain();
    expect(await call('getScanProgress', {}, VIEWER)).toMatchObject({
      ok: true,
      data: { scan: { state: 'succeeded', phase: 'done', pagesDone: 12 } },
    });
    expect(code(await call('getScanProgress', {}, null))).toBe('FORBIDDEN');
    expect(code(await call('getScanProgress', { scanId: 'x' }, VIEWER))).toBe('INVALID_PAYLOAD');
  });
});

describe('findings', () => {
  const all = async (who: string, limit: number) => {
    const items: { fingerprint: string; pageId: string }[] = [];
    let cursor: string | undefined;
    for (;;) {
      const a = await call('listFindings', { limit, ...(cursor ? { cursor } : {}) }, who);
      if (!a.ok) throw new Error(a.error.code);
      items.push(...a.data.items);
      if (a.data.nextCursor === null) return items;
      cursor = a.data.nextCursor;
    }
  };

  test('listFindings: paginated server-side; a restricted page never leaks; filters apply', async () => {
    const everything = await all(ADMIN, 100);
    expect(everything.length).toBeGreaterThan(3);
    expect((await all(ADMIN, 2)).map((f) => f.fingerprint)).toEqual(everything.map((f) => f.fingerprint));
    const secret = everything[0]?.pageId as string;
    h.forge.confluence.restrictions[secret] = [ADMIN];
    const seen = await all(VIEWER, 2);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((f) => f.pageId === secret)).toBe(false);
    expect(JSON.stringify(await call('listFindings', {}, VIEWER))).not.toContain(`"pageId":"${secret}"`);
    // Nothing listed; the total is a count before the permission check (a number, no finding).
    expect(await call('listFindings', {}, STRANGER)).toMatchObject({
      ok: true,
      data: { items: [], nextCursor: null, totalIncludesHidden: true },
    });
    const errors = await call('listFindings', { severities: ['error'] }, ADMIN);
    expect(errors.ok && errors.data.items.every((f: { severity: string }) => f.severity === 'error')).toBe(
      true,
    );
    expect(code(await call('listFindings', {}, null))).toBe('FORBIDDEN');
    expect(code(await call('listFindings', { limit: 0 }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('listFindings', { statuses: ['gone'] }, ADMIN))).toBe('INVALID_PAYLOAD');
  });

  test('getPageFindings: only for a page the caller can view', async () => {
    const [first] = await all(ADMIN, 1);
    const pageId = first?.pageId as string;
    h.forge.confluence.restrictions = {};
    const a = await call('getPageFindings', { pageId }, VIEWER);
    expect(a.ok && a.data.findings.length).toBeGreaterThan(0);
    h.forge.confluence.restrictions[pageId] = [ADMIN];
    expect(code(await call('getPageFindings', { pageId }, VIEWER))).toBe('FORBIDDEN');
    expect(await deniedAudited('getPageFindings', VIEWER)).toBe(true);
    expect(code(await call('getPageFindings', { pageId: '../1' }, VIEWER))).toBe('INVALID_PAYLOAD');
    h.forge.confluence.restrictions = {};
  });

  test('acknowledge and suppress: space admins of the page, reason required, expiry, audited', async () => {
    const [one, two] = await all(ADMIN, 100);
    const fp1 = one?.fingerprint as string;
    const fp2 = two?.fingerprint as string;
    expect(code(await call('acknowledgeFinding', { fingerprint: fp1, reason: 'known' }, VIEWER))).toBe(
      'FORBIDDEN',
    );
    expect(await deniedAudited('acknowledgeFinding', VIEWER)).toBe(true);
    expect(code(await call('acknowledgeFinding', { fingerprint: fp1 }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('acknowledgeFinding', { fingerprint: fp1, reason: '   ' }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(
      code(await call('acknowledgeFinding', { fingerprint: 'ffffffffffffffff', reason: 'x' }, ADMIN)),
    ).toBe('NOT_FOUND');
    expect(
      await call('acknowledgeFinding', { fingerprint: fp1, reason: 'ticket OPS-1' }, ADMIN),
    ).toMatchObject({
      ok: true,
      data: { status: 'acknowledged', statusReason: 'ticket OPS-1', statusBy: ADMIN },
    });
    const until = Date.now() + 86_400_000;
    expect(code(await call('suppressFinding', { fingerprint: fp2, reason: 'x', until: 1 }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(code(await call('suppressFinding', { fingerprint: fp2, until }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(
      code(await call('suppressFinding', { fingerprint: fp2, reason: 'decommission', until }, VIEWER)),
    ).toBe('FORBIDDEN');
    expect(
      await call('suppressFinding', { fingerprint: fp2, reason: 'decommission', until }, ADMIN),
    ).toMatchObject({
      ok: true,
      data: { status: 'suppressed', suppressedUntil: until },
    });
    // A rescan keeps both decisions.
    expect((await call('startScan', {}, ADMIN)).ok).toBe(true);
    await h.forge.drain();
    const [rows] = await h.t.pool.query(
      'SELECT fingerprint, status FROM rg_findings WHERE fingerprint IN (?, ?)',
      [fp1, fp2],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { fingerprint: fp1, status: 'acknowledged' },
        { fingerprint: fp2, status: 'suppressed' },
      ]),
    );
  });
});

describe('listAuditLog', () => {
  test('admins read every change, scan and denial; others are denied', async () => {
    const a = await call('listAuditLog', { limit: 200 }, ADMIN);
    expect(a.ok).toBe(true);
    const actions = new Set(
      a.ok ? a.data.entries.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`) : [],
    );
    for (const expected of [
      'app.installed:success',
      'settings.save:success',
      'settings.connect:failed',
      'scan.start:success',
      'scan.finished:success',
      'finding.acknowledge:success',
      'finding.suppress:success',
      'getSettings:denied',
      'acknowledgeFinding:denied',
    ])
      expect(actions).toContain(expected);
    expect(code(await call('listAuditLog', {}, VIEWER))).toBe('FORBIDDEN');
    expect(code(await call('listAuditLog', { limit: 1000 }, ADMIN))).toBe('INVALID_PAYLOAD');
    const paged = await call('listAuditLog', { limit: 2 }, ADMIN);
    expect(paged.ok && paged.data.nextBeforeId).toEqual(expect.any(Number));
  });
});
