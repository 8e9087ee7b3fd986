import type { DigestState } from '../../src/core/digest';
import { signOptOutToken } from '../../src/email/opt-out';
import { optOutEndpoint } from '../../src/forge/digest/opt-out-trigger';
import { previewDigest } from '../../src/forge/digest/preview';
import type { DigestSettings } from '../../src/forge/digest/ports';
import type { AuditEntry } from '../../src/store/repos/audit';
import { COVERAGE, finding, PAGES } from './support';

const KEY = 'signing-key-0123456789abcdefghij';

function options(settings: DigestSettings, state: DigestState | null = null) {
  return {
    now: () => Date.parse('2026-11-23T07:00:00Z'),
    installName: 'acme.atlassian.net',
    dashboardUrl: 'https://acme.atlassian.net/wiki',
    settings: () => Promise.resolve(settings),
    source: () =>
      Promise.resolve({
        findings: [finding('1', 'i-0aaaaaaaaaaaaaaa1')],
        pages: PAGES,
        coverage: COVERAGE,
        resources: [],
        references: [],
      }),
    state: { load: () => Promise.resolve(state), save: () => Promise.resolve() },
  };
}

describe('previewDigest', () => {
  it('renders what the next run would send, without an opt-out link', async () => {
    const preview = await previewDigest(
      options({ recipients: ['ana@acme.io'], weekday: 'monday', sendWhenQuiet: false }),
    );
    expect(preview).toMatchObject({
      subject: '1 new stale reference in OPS runbooks',
      quiet: false,
      wouldSend: true,
      week: '2026-W48',
    });
    expect(preview?.html).not.toContain('Unsubscribe');
    expect(preview?.text).toContain('i-0aaaaaaaaaaaaaaa1');
  });

  it('says a quiet week or a week already sent would not be sent', async () => {
    const first = await previewDigest(
      options({ recipients: ['ana@acme.io'], weekday: 'monday', sendWhenQuiet: false }),
    );
    expect(first).not.toBeNull();
    const state: DigestState = {
      formatVersion: 1,
      week: '2026-W47',
      generatedAt: '2026-11-16T07:00:00.000Z',
      sent: true,
      findings: [
        {
          fingerprint: finding('1', 'i-0aaaaaaaaaaaaaaa1').fingerprint,
          pageId: '1',
          pageTitle: 'Orders DB failover',
          spaceKey: 'OPS',
          kind: 'missing',
          severity: 'error',
          value: 'i-0aaaaaaaaaaaaaaa1',
        },
      ],
      unscannedRegions: [],
      unreferenced: [],
    };
    expect(
      await previewDigest(
        options({ recipients: ['ana@acme.io'], weekday: 'monday', sendWhenQuiet: false }, state),
      ),
    ).toMatchObject({ quiet: true, wouldSend: false });
    expect(
      await previewDigest(
        options({ recipients: ['ana@acme.io'], weekday: 'monday', sendWhenQuiet: true }, state),
      ),
    ).toMatchObject({ quiet: true, wouldSend: true });
    expect(
      await previewDigest(
        options(
          { recipients: ['ana@acme.io'], weekday: 'monday', sendWhenQuiet: true },
          { ...state, week: '2026-W48' },
        ),
      ),
    ).toMatchObject({ wouldSend: false });
  });
});

describe('optOutEndpoint', () => {
  function world() {
    const optedOut = new Set<string>();
    const audit: AuditEntry[] = [];
    return {
      optedOut,
      audit,
      o: {
        installId: 'install-1',
        signingKey: KEY,
        optOuts: {
          list: () => Promise.resolve(optedOut),
          add: (e: string) => {
            optedOut.add(e);
            return Promise.resolve();
          },
        },
        audit: {
          append: (e: AuditEntry) => {
            audit.push(e);
            return Promise.resolve();
          },
        },
      },
    };
  }

  it('GET only asks (link scanners must not unsubscribe anybody); POST opts out', async () => {
    const w = world();
    const token = signOptOutToken(KEY, 'install-1', 'ana@acme.io');
    const get = await optOutEndpoint({ method: 'GET', queryParameters: { token: [token] } }, w.o);
    expect(get.statusCode).toBe(200);
    expect(get.body).toContain('<form method="post"');
    expect(w.optedOut.size).toBe(0);
    const post = await optOutEndpoint({ method: 'POST', queryParameters: { token: [token] } }, w.o);
    expect(post.statusCode).toBe(200);
    expect([...w.optedOut]).toEqual(['ana@acme.io']);
    expect(w.audit).toEqual([
      {
        actor: null,
        action: 'digest.opt-out',
        target: null,
        outcome: 'success',
        detail: 'one recipient opted out',
      },
    ]);
  });

  it('refuses forged and malformed tokens without echoing them', async () => {
    const w = world();
    const forged = signOptOutToken('another-key-0123456789abcdefghij', 'install-1', 'ana@acme.io');
    expect(
      (await optOutEndpoint({ method: 'POST', queryParameters: { token: [forged] } }, w.o)).statusCode,
    ).toBe(400);
    const evil = '"><script>alert(1)</script>';
    const response = await optOutEndpoint({ method: 'GET', queryParameters: { token: [evil] } }, w.o);
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('<script>');
    expect(w.optedOut.size).toBe(0);
  });
});
