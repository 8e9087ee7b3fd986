import type { DigestState } from '../../src/core/digest';
import { createResendMailer } from '../../src/email/resend-mailer';
import { handleOptOut, runWeeklyDigest, type WeeklyDigestOptions } from '../../src/forge/digest/run';
import type { DigestSettings, DigestSource } from '../../src/forge/digest/ports';
import { createLogger } from '../../src/forge/log';
import type { AuditEntry } from '../../src/store/repos/audit';
import { FakeResend, virtualClock } from '../email/fake-resend';
import { COVERAGE, finding, PAGES } from './support';

const API_KEY = 're_live_abcdefghijklmnop0123456789';
const SIGNING_KEY = 'install-signing-key-0123456789abcdef';
const MONDAY = Date.parse('2026-11-23T07:00:00Z');
const NEXT_MONDAY = MONDAY + 7 * 86_400_000;

function world(fake: FakeResend, baseUrl: string) {
  const audit: AuditEntry[] = [];
  const logLines: string[] = [];
  const optOuts = new Set<string>();
  let state: DigestState | null = null;
  let findings = [
    finding('1', 'i-0aaaaaaaaaaaaaaa1'),
    finding('1', 'i-0bbbbbbbbbbbbbbb2'),
    finding('2', 'i-0ccccccccccccccc3'),
    finding('2', 'i-0ddddddddddddddd4'),
  ];
  const settings: DigestSettings = {
    recipients: ['ana@acme.io', 'Bo@Acme.io', 'not-an-email', 'ana@acme.io'],
    weekday: 'monday',
    sendWhenQuiet: false,
  };
  let now = MONDAY;
  const options = (): WeeklyDigestOptions => ({
    installId: 'install-1',
    installName: 'acme.atlassian.net',
    dashboardUrl: 'https://acme.atlassian.net/wiki/apps/runbookguard',
    optOutBaseUrl: 'https://install-1.hello.atlassian-dev.net/x1/optout',
    signingKey: SIGNING_KEY,
    now: () => now,
    settings: () => Promise.resolve(settings),
    source: (): Promise<DigestSource> =>
      Promise.resolve({ findings, pages: PAGES, coverage: COVERAGE, resources: [], references: [] }),
    state: {
      load: () => Promise.resolve(state),
      save: (s) => {
        state = s;
        return Promise.resolve();
      },
    },
    optOuts: {
      list: () => Promise.resolve(optOuts),
      add: (e) => {
        optOuts.add(e);
        return Promise.resolve();
      },
    },
    mailer: createResendMailer({
      apiKey: API_KEY,
      from: 'RunbookGuard <digest@runbookguard.example>',
      baseUrl,
      clock: virtualClock(),
    }),
    audit: {
      append: (e) => {
        audit.push(e);
        return Promise.resolve();
      },
    },
    log: createLogger(
      () => [API_KEY],
      (line) => logLines.push(line),
    ),
  });
  return {
    fake,
    audit,
    logLines,
    optOuts,
    settings,
    options,
    getState: () => state,
    setState: (s: DigestState | null) => (state = s),
    setFindings: (f: typeof findings) => (findings = f),
    setNow: (t: number) => (now = t),
  };
}

describe('weekly digest run (Resend stand-in on loopback)', () => {
  let fake: FakeResend;
  let baseUrl: string;
  beforeEach(async () => {
    fake = new FakeResend();
    baseUrl = await fake.start();
  });
  afterEach(() => fake.stop());

  it('sends each valid recipient their own copy once, audits it and marks the week sent', async () => {
    const w = world(fake, baseUrl);
    const result = await runWeeklyDigest(w.options());
    expect(result).toEqual({ status: 'sent', week: '2026-W48', recipients: 2, batches: 1, failedBatches: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers['idempotency-key']).toBe('rg-digest:install-1:2026-W48:1');
    expect(fake.delivered.map((d) => d.to)).toEqual([['ana@acme.io'], ['bo@acme.io']]);
    const [ana, bo] = fake.delivered;
    expect(ana?.subject).toBe('4 new stale references in OPS runbooks');
    expect(ana?.headers['List-Unsubscribe']).not.toBe(bo?.headers['List-Unsubscribe']);
    expect(ana?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(ana?.html).toContain(ana?.headers['List-Unsubscribe']?.slice(1, -1).replace(/&/g, '&amp;'));
    expect(ana?.html).not.toContain(bo?.headers['List-Unsubscribe']?.slice(1, -1));
    expect(ana?.html).not.toContain('opt-out.invalid');
    expect(ana?.text).toContain('Unsubscribe: https://install-1.hello.atlassian-dev.net/x1/optout?token=');
    expect(w.audit).toEqual([
      {
        actor: null,
        action: 'digest.send',
        target: '2026-W48',
        outcome: 'success',
        detail: 'batch 1/1, 2 recipients: "4 new stale references in OPS runbooks"',
      },
    ]);
    expect(w.getState()).toMatchObject({ week: '2026-W48', sent: true });
  });

  it('the daily trigger sends only on the chosen weekday (UTC), then not again that week', async () => {
    const w = world(fake, baseUrl);
    w.settings.weekday = 'wednesday';
    const day = 86_400_000;
    const statuses: string[] = [];
    // Monday 2026-11-23 through Sunday, then the next Monday to Wednesday.
    for (let d = 0; d < 10; d++) {
      w.setNow(MONDAY + d * day);
      statuses.push((await runWeeklyDigest(w.options())).status);
    }
    expect(statuses).toEqual([
      'not-today',
      'not-today',
      'sent',
      'not-today',
      'not-today',
      'not-today',
      'not-today',
      'not-today',
      'not-today',
      'quiet',
    ]);
    expect(fake.requests).toHaveLength(1);
    // Days that are not the send day leave no trace: no audit entry, no state change.
    expect(w.audit.map((a) => a.action)).toEqual(['digest.send', 'digest.skip']);
    expect(w.getState()).toMatchObject({ week: '2026-W49', sent: true });
    // A rerun on the send day of a week already sent is a no-op.
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'already-sent' });
    expect(fake.requests).toHaveLength(1);
  });

  it('a duplicated trigger run in the same week sends nothing', async () => {
    const w = world(fake, baseUrl);
    await runWeeklyDigest(w.options());
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'already-sent' });
    expect(fake.requests).toHaveLength(1);
    expect(w.audit.at(-1)).toMatchObject({ action: 'digest.skip', detail: 'already sent this week' });
  });

  it('a rerun that lost the "sent" mark reuses the idempotency key: Resend delivers nothing twice', async () => {
    const w = world(fake, baseUrl);
    await runWeeklyDigest(w.options());
    w.setState(null);
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'sent' });
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'rg-digest:install-1:2026-W48:1',
      'rg-digest:install-1:2026-W48:1',
    ]);
    expect(fake.delivered).toHaveLength(2);
  });

  it('sends nothing on a quiet week, unless the admin chose "send even when quiet"', async () => {
    const w = world(fake, baseUrl);
    await runWeeklyDigest(w.options());
    w.setNow(NEXT_MONDAY);
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'quiet', week: '2026-W49' });
    expect(fake.requests).toHaveLength(1);
    expect(w.audit.at(-1)).toMatchObject({ action: 'digest.skip', target: '2026-W49' });

    w.setNow(NEXT_MONDAY + 7 * 86_400_000);
    w.settings.sendWhenQuiet = true;
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'sent', week: '2026-W50' });
    expect(fake.delivered.at(-1)?.subject).toBe('No changes this week; 4 stale references still open');
  });

  it('batches up to 100 recipients per request, one key per batch', async () => {
    const w = world(fake, baseUrl);
    w.settings.recipients = Array.from(
      { length: 250 },
      (_, i) => `user${String(i).padStart(3, '0')}@acme.io`,
    );
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'sent', recipients: 250, batches: 3 });
    expect(fake.requests.map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(
      [1, 2, 3].map((b) => `rg-digest:install-1:2026-W48:${b}`),
    );
    expect(w.audit.filter((a) => a.action === 'digest.send' && a.outcome === 'success')).toHaveLength(3);
  });

  it('honours the opt-out link: that address never receives again', async () => {
    const w = world(fake, baseUrl);
    await runWeeklyDigest(w.options());
    const link = fake.delivered.find((d) => d.to[0] === 'bo@acme.io')?.headers['List-Unsubscribe'] ?? '';
    const token = new URL(link.slice(1, -1)).searchParams.get('token') ?? '';
    expect(await handleOptOut(token, w.options())).toEqual({ ok: true });
    expect(await handleOptOut(`${token}x`, w.options())).toEqual({ ok: false });
    expect([...w.optOuts]).toEqual(['bo@acme.io']);

    w.setNow(NEXT_MONDAY);
    w.setFindings([finding('3', 'i-0eeeeeeeeeeeeee5')]);
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'sent', recipients: 1 });
    expect(fake.delivered.slice(2).map((d) => d.to[0])).toEqual(['ana@acme.io']);
    expect(w.audit.filter((a) => a.action === 'digest.opt-out').map((a) => a.outcome)).toEqual([
      'success',
      'denied',
    ]);
  });

  it('retries after 429 within the run, with the same key', async () => {
    const w = world(fake, baseUrl);
    fake.script.push({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
    });
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'sent' });
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'rg-digest:install-1:2026-W48:1',
      'rg-digest:install-1:2026-W48:1',
    ]);
    expect(fake.delivered).toHaveLength(2);
  });

  it('a failed batch is audited, the week is not marked sent, and the next run sends it', async () => {
    const w = world(fake, baseUrl);
    for (let i = 0; i < 4; i++)
      fake.script.push({
        status: 503,
        body: { statusCode: 503, name: 'service_unavailable', message: 'down' },
      });
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'failed', failedBatches: 1 });
    expect(w.audit).toEqual([
      {
        actor: null,
        action: 'digest.send',
        target: '2026-W48',
        outcome: 'failed',
        detail: 'batch 1/1, 2 recipients: 503 service_unavailable: down after 4 attempts',
      },
    ]);
    expect(w.getState()).toBeNull();
    expect(fake.delivered).toHaveLength(0);
    expect(await runWeeklyDigest(w.options())).toMatchObject({ status: 'sent' });
    expect(fake.delivered).toHaveLength(2);
  });

  it('never logs, audits or returns the API key', async () => {
    const w = world(fake, baseUrl);
    fake.script.push({
      status: 401,
      body: { statusCode: 401, name: 'invalid_api_key', message: `key ${API_KEY} is not valid` },
    });
    const failed = await runWeeklyDigest(w.options());
    const sent = await runWeeklyDigest(w.options());
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const everything = JSON.stringify([failed, sent, w.audit, w.logLines, w.getState()]);
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(SIGNING_KEY);
    expect(w.audit[0]?.detail).toContain('invalid_api_key: key [redacted] is not valid');
    expect(w.logLines.length).toBeGreaterThan(0);
  });

  it('does not build or send anything before the first scan, or without an API key', async () => {
    const w = world(fake, baseUrl);
    expect(await runWeeklyDigest({ ...w.options(), source: () => Promise.resolve(null) })).toMatchObject({
      status: 'no-scan-yet',
    });
    expect(await runWeeklyDigest({ ...w.options(), mailer: null })).toMatchObject({
      status: 'not-configured',
    });
    expect(w.audit.at(-1)).toMatchObject({
      outcome: 'failed',
      detail: 'no Resend API key configured (RG_RESEND_API_KEY)',
    });
    expect(await runWeeklyDigest({ ...w.options(), optOutBaseUrl: null })).toMatchObject({
      status: 'not-configured',
    });
    expect(w.audit.at(-1)).toMatchObject({ detail: 'no opt-out endpoint: recipients could not unsubscribe' });
    expect(fake.requests).toHaveLength(0);
  });
});
