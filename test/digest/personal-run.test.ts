import type { DigestState } from '../../src/core/digest';
import { createResendMailer } from '../../src/email/resend-mailer';
import type { DigestSource } from '../../src/forge/digest/ports';
import { runWeeklyDigest, type PersonalDigest, type WeeklyDigestOptions } from '../../src/forge/digest/run';
import { createLogger } from '../../src/forge/log';
import type { AuditEntry } from '../../src/store/repos/audit';
import { FakeResend, virtualClock } from '../email/fake-resend';
import { COVERAGE, finding, PAGES } from './support';

/**
 * Personal digests ride on the weekly run: an owner's or space subscriber's copy holds only their
 * pages' news, is not sent to someone already on the full digest or opted out, and not when quiet.
 */
const MONDAY = Date.parse('2026-11-23T07:00:00Z');

function options(
  baseUrl: string,
  o: { recipients: string[]; personal: PersonalDigest[]; optOuts?: string[] },
) {
  const audit: AuditEntry[] = [];
  let state: DigestState | null = null;
  const findings = [
    finding('1', 'i-0aaaaaaaaaaaaaaa1'),
    finding('2', 'i-0ccccccccccccccc3'),
    finding('2', 'i-0ddddddddddddddd4'),
  ];
  const opts: WeeklyDigestOptions = {
    installId: 'install-1',
    installName: 'acme.atlassian.net',
    dashboardUrl: 'https://acme.atlassian.net/wiki/apps/runbookguard',
    optOutBaseUrl: 'https://install-1.hello.atlassian-dev.net/x1/optout',
    signingKey: 'install-signing-key-0123456789abcdef',
    now: () => MONDAY,
    settings: () => Promise.resolve({ recipients: o.recipients, weekday: 'monday', sendWhenQuiet: false }),
    source: (): Promise<DigestSource> =>
      Promise.resolve({ findings, pages: PAGES, coverage: COVERAGE, resources: [], references: [] }),
    state: {
      load: () => Promise.resolve(state),
      save: (s) => {
        state = s;
        return Promise.resolve();
      },
    },
    optOuts: { list: () => Promise.resolve(new Set(o.optOuts ?? [])), add: () => Promise.resolve() },
    mailer: createResendMailer({
      apiKey: 're_test_key_0123456789abcdefghij',
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
    log: createLogger(() => []),
    personal: () => Promise.resolve(o.personal),
  };
  return { opts, audit };
}

let fake: FakeResend;
let baseUrl: string;
beforeEach(async () => {
  fake = new FakeResend();
  baseUrl = await fake.start();
});
afterEach(() => fake.stop());

test("an owner's digest holds only their pages' findings, beside the full one", async () => {
  const { opts } = options(baseUrl, {
    recipients: ['admin@acme.io'],
    personal: [{ email: 'Owner@Acme.io', pageIds: new Set(['1']) }],
  });
  const result = await runWeeklyDigest(opts);
  expect(result).toMatchObject({ status: 'sent', recipients: 1, personal: 1, batches: 1 });
  const to = fake.delivered.map((d) => d.to[0]);
  expect(to).toEqual(['admin@acme.io', 'owner@acme.io']);
  const [full, own] = fake.delivered;
  expect(full?.text).toContain('i-0ccccccccccccccc3');
  expect(own?.text).toContain('i-0aaaaaaaaaaaaaaa1');
  expect(own?.text).not.toContain('i-0ccccccccccccccc3');
  expect(own?.subject).toMatch(/^1 new stale reference/);
  // Its own unsubscribe link, like every copy.
  expect(own?.headers['List-Unsubscribe']).not.toBe(full?.headers['List-Unsubscribe']);
});

test('personal digests alone are sent when no admin recipient is set; subscriptions to several pages merge', async () => {
  const { opts } = options(baseUrl, {
    recipients: [],
    personal: [{ email: 'space@acme.io', pageIds: new Set(['1', '2']) }],
  });
  expect(await runWeeklyDigest(opts)).toMatchObject({ status: 'sent', recipients: 0, personal: 1 });
  expect(fake.delivered).toHaveLength(1);
  expect(fake.delivered[0]?.text).toContain('i-0ddddddddddddddd4');
  expect(fake.delivered[0]?.text).toContain('i-0aaaaaaaaaaaaaaa1');
});

test('no personal copy for full-digest recipients, opted-out addresses, or pages without news', async () => {
  const { opts } = options(baseUrl, {
    recipients: ['admin@acme.io'],
    optOuts: ['gone@acme.io'],
    personal: [
      { email: 'admin@acme.io', pageIds: new Set(['1']) },
      { email: 'gone@acme.io', pageIds: new Set(['1']) },
      { email: 'quiet@acme.io', pageIds: new Set(['3']) },
    ],
  });
  expect(await runWeeklyDigest(opts)).toMatchObject({ status: 'sent', recipients: 1, personal: 0 });
  expect(fake.delivered.map((d) => d.to[0])).toEqual(['admin@acme.io']);
});
