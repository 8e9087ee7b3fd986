import { DIGEST_KEYS } from '../../src/forge/digest/kvs-ports';
import { OPT_OUT_TRIGGER } from '../../src/forge/digest/forge';
import { LOCAL_SITE_URL } from '../../src/local/confluence-service';
import { LOCAL_WEBTRIGGER_ORIGIN } from '../../src/local/webtrigger-service';
import type { Envelope, ResolverKey, ResolverResults } from '../../src/shared';
import { FakeResend } from '../email/fake-resend';
import { ADMIN, VIEWER, connectDemoAccounts, demoSnapshot, harness, type Harness } from './support/app';

/**
 * Contract tests for the settings page's backend through the local runtime on MariaDB: set-up info,
 * the connection test against the snapshot fake, digest settings, preview, the test send, and a
 * whole digest run from the daily trigger with working opt-out links through the local web trigger.
 */
type Answer<K extends ResolverKey> = Envelope<ResolverResults[K]>;

let h: Harness;
let resend: FakeResend;
const saved = { ...process.env };
const call = <K extends ResolverKey>(key: K, payload: unknown, who: string | null): Promise<Answer<K>> =>
  h.forge.resolver(key, payload, who) as Promise<Answer<K>>;
const code = (a: Envelope<unknown>): string => (a.ok ? 'ok' : a.error.code);
const data = <T>(a: Envelope<T>): T => {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.data;
};

async function auditRows(
  action: string,
): Promise<{ actor: string | null; target: string | null; outcome: string; detail: string | null }[]> {
  const [rows] = await h.t.pool.query(
    'SELECT actor, target, outcome, detail FROM rg_audit_log WHERE action = ? ORDER BY id',
    [action],
  );
  return rows as { actor: string | null; target: string | null; outcome: string; detail: string | null }[];
}

// Only Date is faked: the days of the week move, while timers, sockets and MariaDB run normally.
const onlyDate: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
};
const MONDAY = Date.parse('2026-11-23T06:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  resend = new FakeResend();
  const base = await resend.start();
  Object.assign(process.env, { RESEND_BASE_URL: base, RG_RESEND_API_KEY: 're_local_test_key_0123456789' });
  delete process.env.RG_VENDOR_PRINCIPAL_ARN;
  delete process.env.RG_ROLE_TEMPLATE_URL;
  h = await harness('settings');
});
afterAll(async () => {
  jest.useRealTimers();
  process.env = saved;
  await h?.close();
  await resend?.stop();
});

describe('getSetupInfo', () => {
  test('the External ID, the template and, once the operator configured it, the quick-create link', async () => {
    const without = data(await call('getSetupInfo', {}, ADMIN));
    const settings = data(await call('getSettings', {}, ADMIN));
    expect(without.externalId).toBe(settings.externalId);
    expect(without.vendor).toBeNull();
    expect(without.quickCreate).toEqual({
      available: false,
      reason: 'RG_VENDOR_PRINCIPAL_ARN is not configured.',
    });
    expect(without.template.text).toContain('sts:ExternalId: !Ref ExternalId');
    expect(without.actions).toHaveLength(17);

    process.env.RG_VENDOR_PRINCIPAL_ARN = 'arn:aws:iam::123456789012:user/runbookguard-vendor';
    process.env.RG_ROLE_TEMPLATE_URL = 'https://rg-public.s3.amazonaws.com/runbookguard-role.yaml';
    try {
      const info = data(await call('getSetupInfo', {}, ADMIN));
      expect(info.vendor).toEqual({
        principalArn: 'arn:aws:iam::123456789012:user/runbookguard-vendor',
        account: '123456789012',
      });
      expect(info.quickCreate.available && info.quickCreate.url).toContain(
        `param_ExternalId=${settings.externalId}`,
      );
    } finally {
      delete process.env.RG_VENDOR_PRINCIPAL_ARN;
      delete process.env.RG_ROLE_TEMPLATE_URL;
    }
    expect(code(await call('getSetupInfo', {}, VIEWER))).toBe('FORBIDDEN');
    expect(await auditRows('getSetupInfo')).toEqual([
      { actor: VIEWER, target: null, outcome: 'denied', detail: null },
    ]);
    expect(code(await call('getSetupInfo', { externalId: 'x' }, ADMIN))).toBe('INVALID_PAYLOAD');
  });
});

describe('testConnection (AWS from the demo snapshot)', () => {
  const [first, second] = demoSnapshot().accounts;
  const roleA = first?.roleArn as string;
  const roleB = second?.roleArn as string;

  test('answers per service and region, as the snapshot saw them, and saves nothing', async () => {
    const before = h.forge.kvs.values.get('settings');
    const view = data(await call('testConnection', { roleArn: roleB, regions: null }, ADMIN));
    expect(view).toMatchObject({
      roleArn: roleB,
      account: '304958672011',
      role: { status: 'ok' },
      complete: true,
    });
    expect(view.regions).toEqual(['eu-west-1']);
    const coverage = demoSnapshot().coverage.filter((c) => c.account === '304958672011');
    expect(view.checks).toHaveLength(coverage.length);
    for (const c of coverage) {
      const check = view.checks.find((x) => x.service === c.service && x.region === c.region);
      if (c.outcome === 'ok') expect(check).toMatchObject({ status: 'ok', resourceCount: c.resourceCount });
    }
    expect(view.checks.find((c) => c.service === 'eks')).toEqual({
      service: 'eks',
      region: 'eu-west-1',
      status: 'denied',
      action: 'eks:ListClusters',
    });
    expect(h.forge.kvs.values.get('settings')).toEqual(before);
  });

  test('a region the account has not enabled is disabled; an unknown role is rejected; both audited', async () => {
    const view = data(
      await call('testConnection', { roleArn: roleB, regions: ['eu-west-1', 'ap-south-1'] }, ADMIN),
    );
    const apSouth = view.checks.filter((c) => c.region === 'ap-south-1');
    expect(apSouth.length).toBeGreaterThan(5);
    expect(apSouth.every((c) => c.status === 'disabled')).toBe(true);
    const ok = data(await call('testConnection', { roleArn: roleA, regions: null }, ADMIN));
    expect(ok.checks.every((c) => c.status === 'ok')).toBe(true);
    const unknown = data(
      await call('testConnection', { roleArn: 'arn:aws:iam::999999999999:role/Nope', regions: null }, ADMIN),
    );
    expect(unknown).toMatchObject({ role: { status: 'rejected', code: 'AccessDenied' }, checks: [] });
    const rows = await auditRows('settings.test-connection');
    expect(rows.map((r) => [r.actor, r.target, r.outcome])).toEqual([
      [ADMIN, roleB, 'success'],
      [ADMIN, roleB, 'success'],
      [ADMIN, roleA, 'success'],
      [ADMIN, 'arn:aws:iam::999999999999:role/Nope', 'failed'],
    ]);
    expect(rows[0]?.detail).toBe('account=304958672011 role=ok ok=9 denied=1');
  });

  test('site admins only; payload validated', async () => {
    expect(code(await call('testConnection', { roleArn: roleA }, VIEWER))).toBe('FORBIDDEN');
    expect(await auditRows('testConnection')).toMatchObject([{ actor: VIEWER, outcome: 'denied' }]);
    expect(code(await call('testConnection', { roleArn: 'arn:aws:iam::1:user/x' }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(code(await call('testConnection', { roleArn: roleA, regions: ['mars-1'] }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
    expect(code(await call('testConnection', { roleArn: roleA, regions: [] }, ADMIN))).toBe(
      'INVALID_PAYLOAD',
    );
  });
});

describe('digest settings', () => {
  test('defaults, then saved normalized and audited; site admins only; addresses validated', async () => {
    expect(data(await call('getDigestSettings', {}, ADMIN))).toEqual({
      recipients: [],
      weekday: 'monday',
      sendWhenQuiet: false,
      maxRecipients: 500,
      optedOut: [],
      mailConfigured: true,
      lastDigest: null,
    });
    const saved = data(
      await call(
        'saveDigestSettings',
        {
          recipients: [' Ana@Acme.io', 'bo@acme.io', 'ana@acme.io'],
          weekday: 'wednesday',
          sendWhenQuiet: true,
        },
        ADMIN,
      ),
    );
    expect(saved).toMatchObject({
      recipients: ['ana@acme.io', 'bo@acme.io'],
      weekday: 'wednesday',
      sendWhenQuiet: true,
    });
    expect(data(await call('getDigestSettings', {}, ADMIN))).toEqual(saved);
    expect(await auditRows('digest.settings')).toEqual([
      {
        actor: ADMIN,
        target: null,
        outcome: 'success',
        detail: 'recipients=2 weekday=wednesday sendWhenQuiet=true',
      },
    ]);

    const bad = await call(
      'saveDigestSettings',
      { recipients: ['ana@acme.io', 'nope'], weekday: 'monday', sendWhenQuiet: false },
      ADMIN,
    );
    expect(bad).toEqual({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: 'recipients.1: not an e-mail address' },
    });
    const many = Array.from({ length: 501 }, (_, i) => `r${i}@acme.io`);
    expect(
      code(
        await call(
          'saveDigestSettings',
          { recipients: many, weekday: 'monday', sendWhenQuiet: false },
          ADMIN,
        ),
      ),
    ).toBe('INVALID_PAYLOAD');
    expect(
      code(
        await call('saveDigestSettings', { recipients: [], weekday: 'someday', sendWhenQuiet: false }, ADMIN),
      ),
    ).toBe('INVALID_PAYLOAD');
    expect(
      code(
        await call('saveDigestSettings', { recipients: [], weekday: 'monday', sendWhenQuiet: false }, VIEWER),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await call('getDigestSettings', {}, VIEWER))).toBe('FORBIDDEN');
    expect((await auditRows('saveDigestSettings')).map((r) => r.outcome)).toEqual(['denied']);
    expect(data(await call('getDigestSettings', {}, ADMIN)).recipients).toEqual([
      'ana@acme.io',
      'bo@acme.io',
    ]);
  });
});

describe('preview, test send and the daily digest run', () => {
  test('before any scan: preview and test send say so', async () => {
    expect(data(await call('previewDigest', {}, ADMIN))).toEqual({ status: 'no-scan-yet' });
    expect(data(await call('sendTestDigest', { to: 'ana@acme.io' }, ADMIN))).toEqual({
      status: 'no-scan-yet',
    });
    expect(code(await call('previewDigest', {}, VIEWER))).toBe('FORBIDDEN');
    expect(resend.delivered).toHaveLength(0);
  });

  test('preview after a scan: the next run’s digest with the dashboard link, nothing sent or stored', async () => {
    await connectDemoAccounts(h.forge);
    expect(data(await call('startScan', {}, ADMIN))).toHaveProperty('scanId');
    await h.forge.drain();
    jest.useFakeTimers(onlyDate);
    jest.setSystemTime(MONDAY);
    // Spaces are named by Confluence (asked as the app), not shown by id.
    h.forge.confluence.spaces['98305'] = { id: '98305', key: 'PAY', name: 'Payments Platform' };
    const preview = data(await call('previewDigest', {}, ADMIN));
    if (preview.status !== 'ready') throw new Error('no preview');
    expect(preview.subject).toMatch(/stale reference/);
    expect(preview.html).toContain('Payments Platform');
    expect(preview.html).not.toContain('space 98305');
    expect(preview).toMatchObject({
      quiet: false,
      wouldSend: true,
      week: '2026-W48',
      nextSendDate: '2026-11-25',
    });
    expect(preview.html).toContain(`${LOCAL_SITE_URL}/apps/local-app/local/runbookguard`);
    expect(preview.html).not.toContain(LOCAL_WEBTRIGGER_ORIGIN);
    expect(h.forge.kvs.values.has(DIGEST_KEYS.state)).toBe(false);
    expect(resend.delivered).toHaveLength(0);
  });

  test('test send: one address, marked as a test, once a minute, the weekly state untouched', async () => {
    jest.setSystemTime(MONDAY);
    const sent = data(await call('sendTestDigest', { to: 'Carla@Acme.io' }, ADMIN));
    expect(sent).toMatchObject({ status: 'sent', to: 'carla@acme.io' });
    expect(sent.status === 'sent' && sent.subject).toMatch(/^\[Test\] .*stale reference/);
    expect(resend.delivered.map((d) => d.to)).toEqual([['carla@acme.io']]);
    expect(resend.delivered[0]?.subject).toBe(sent.status === 'sent' ? sent.subject : '');
    expect(h.forge.kvs.values.has(DIGEST_KEYS.state)).toBe(false);
    const again = await call('sendTestDigest', { to: 'carla@acme.io' }, ADMIN);
    expect(again).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    jest.setSystemTime(MONDAY + 61_000);
    expect(data(await call('sendTestDigest', { to: 'carla@acme.io' }, ADMIN)).status).toBe('sent');
    expect(resend.delivered).toHaveLength(2);
    expect(code(await call('sendTestDigest', { to: 'not an address' }, ADMIN))).toBe('INVALID_PAYLOAD');
    expect(code(await call('sendTestDigest', { to: 'carla@acme.io' }, VIEWER))).toBe('FORBIDDEN');
    expect((await auditRows('digest.test-send')).map((r) => [r.actor, r.outcome])).toEqual([
      [ADMIN, 'success'],
      [ADMIN, 'success'],
    ]);
    expect(h.forge.kvs.values.has(DIGEST_KEYS.state)).toBe(false);
  });

  test('the daily trigger sends on the chosen weekday only, once, with opt-out links the web trigger honours', async () => {
    resend.delivered.length = 0;
    // Saved weekday: wednesday (above). Monday and Tuesday send nothing.
    for (const day of [0, 1]) {
      jest.setSystemTime(MONDAY + day * DAY);
      await h.forge.weeklyDigest();
    }
    expect(resend.delivered).toHaveLength(0);
    jest.setSystemTime(MONDAY + 2 * DAY);
    await h.forge.weeklyDigest();
    expect(resend.delivered.map((d) => d.to)).toEqual([['ana@acme.io'], ['bo@acme.io']]);
    expect(h.forge.kvs.values.get(DIGEST_KEYS.state)).toMatchObject({ week: '2026-W48', sent: true });
    // A second run the same day, and Thursday's run, send nothing more.
    await h.forge.weeklyDigest();
    jest.setSystemTime(MONDAY + 3 * DAY);
    await h.forge.weeklyDigest();
    expect(resend.delivered).toHaveLength(2);

    const triggerUrl = h.forge.webTriggers.urls.get(OPT_OUT_TRIGGER) as string;
    expect(triggerUrl.startsWith(`${LOCAL_WEBTRIGGER_ORIGIN}/x1/`)).toBe(true);
    const ana = resend.delivered[0];
    const link = /^<(.+)>$/.exec(ana?.headers['List-Unsubscribe'] ?? '')?.[1] as string;
    expect(link.startsWith(`${triggerUrl}?token=`)).toBe(true);
    expect(ana?.text).toContain(link);
    expect(ana?.html).toContain(`${LOCAL_SITE_URL}/apps/local-app/local/runbookguard`);

    // GET (a mail scanner following the link) only asks; POST opts the address out.
    const asked = await h.forge.webTrigger(link, 'GET');
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('<form method="post"');
    expect(h.forge.kvs.values.get(DIGEST_KEYS.optOuts)).toBeUndefined();
    const done = await h.forge.webTrigger(link, 'POST');
    expect(done).toMatchObject({ statusCode: 200 });
    expect(done.body).toContain('You will not receive');
    expect(h.forge.kvs.values.get(DIGEST_KEYS.optOuts)).toEqual(['ana@acme.io']);
    const forged = await h.forge.webTrigger(
      `${triggerUrl}?token=${'a'.repeat(20)}.${'b'.repeat(43)}`,
      'POST',
    );
    expect(forged.statusCode).toBe(400);
    expect((await auditRows('digest.opt-out')).map((r) => r.outcome)).toEqual(['success', 'denied']);
    expect(data(await call('getDigestSettings', {}, ADMIN)).optedOut).toEqual(['ana@acme.io']);

    // Next week's Wednesday: only the address that did not opt out.
    jest.setSystemTime(MONDAY + 9 * DAY);
    await h.forge.weeklyDigest();
    expect(resend.delivered.slice(2).map((d) => d.to)).toEqual([['bo@acme.io']]);
    expect(code(await call('sendTestDigest', { to: 'ana@acme.io' }, ADMIN))).toBe('INVALID_PAYLOAD');
  });
});
