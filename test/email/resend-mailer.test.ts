import type { OutgoingEmail } from '../../src/email/mailer';
import { createResendMailer } from '../../src/email/resend-mailer';
import { FakeResend, virtualClock } from './fake-resend';

const API_KEY = 're_test_0123456789abcdefSECRET';

function email(to: string): OutgoingEmail {
  return {
    to,
    subject: '4 new stale references in OPS runbooks',
    html: '<p>hi</p>',
    text: 'hi\n',
    headers: {
      'List-Unsubscribe': `<https://optout.example/?token=t-${to}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

describe('Resend mailer against a local Resend stand-in (RESEND_BASE_URL)', () => {
  let fake: FakeResend;
  let saved: string | undefined;

  beforeEach(async () => {
    fake = new FakeResend();
    saved = process.env.RESEND_BASE_URL;
    // The SDK reads RESEND_BASE_URL when the client is created (node_modules/resend: getDefaultBaseUrl).
    process.env.RESEND_BASE_URL = await fake.start();
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.RESEND_BASE_URL;
    else process.env.RESEND_BASE_URL = saved;
    await fake.stop();
  });

  const mailer = (clock = virtualClock(), maxRetries = 3) =>
    createResendMailer({
      apiKey: API_KEY,
      from: 'RunbookGuard <digest@runbookguard.example>',
      clock,
      maxRetries,
    });

  it('sends one batch request with exactly these headers and body', async () => {
    const result = await mailer().sendBatch(
      [email('a@acme.io'), email('b@acme.io')],
      'rg-digest:install-1:2026-W48:1',
    );
    expect(result).toEqual({ ok: true, ids: ['email-1', 'email-2'], attempts: 1 });
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/emails/batch');
    expect(req?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['idempotency-key']).toBe('rg-digest:install-1:2026-W48:1');
    expect(req?.headers['x-batch-validation']).toBe('strict');
    expect(req?.headers['user-agent']).toMatch(/^resend-node:/);
    expect(req?.body).toEqual(
      ['a@acme.io', 'b@acme.io'].map((to) => ({
        from: 'RunbookGuard <digest@runbookguard.example>',
        to: [to],
        subject: '4 new stale references in OPS runbooks',
        html: '<p>hi</p>',
        text: 'hi\n',
        headers: {
          'List-Unsubscribe': `<https://optout.example/?token=t-${to}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      })),
    );
  });

  it('a repeated idempotency key delivers nothing new and answers as the first time', async () => {
    const m = mailer();
    const first = await m.sendBatch([email('a@acme.io')], 'k-1');
    const again = await m.sendBatch([email('a@acme.io')], 'k-1');
    expect(again).toEqual(first);
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
  });

  it('waits for retry-after on 429 and retries with the same key', async () => {
    fake.script.push({
      status: 429,
      headers: { 'retry-after': '2' },
      body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
    });
    const clock = virtualClock();
    const result = await mailer(clock).sendBatch([email('a@acme.io')], 'k-429');
    expect(result).toEqual({ ok: true, ids: ['email-1'], attempts: 2 });
    expect(clock.sleeps).toContain(2000);
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(['k-429', 'k-429']);
    expect(fake.delivered).toHaveLength(1);
  });

  it('gives up after a bounded number of retries', async () => {
    for (let i = 0; i < 10; i++)
      fake.script.push({
        status: 429,
        headers: { 'retry-after': '1' },
        body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'slow down' },
      });
    const result = await mailer(virtualClock(), 2).sendBatch([email('a@acme.io')], 'k');
    expect(result).toEqual({
      ok: false,
      attempts: 3,
      status: 429,
      error: 'rate_limit_exceeded: slow down',
      retryable: true,
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not wait for a retry-after longer than the function can live', async () => {
    fake.script.push({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { statusCode: 429, name: 'daily_quota_exceeded', message: 'quota' },
    });
    const clock = virtualClock();
    const result = await mailer(clock).sendBatch([email('a@acme.io')], 'k');
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 429, retryable: true });
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a 5xx, never a validation error', async () => {
    fake.script.push({
      status: 500,
      body: { statusCode: 500, name: 'internal_server_error', message: 'oops' },
    });
    expect(await mailer().sendBatch([email('a@acme.io')], 'k-500')).toMatchObject({ ok: true, attempts: 2 });
    fake.script.push({
      status: 422,
      body: { statusCode: 422, name: 'validation_error', message: 'bad from' },
    });
    expect(await mailer().sendBatch([email('a@acme.io')], 'k-422')).toEqual({
      ok: false,
      attempts: 1,
      status: 422,
      error: 'validation_error: bad from',
      retryable: false,
    });
  });

  it('keeps to 2 requests per second', async () => {
    const clock = virtualClock();
    const m = mailer(clock);
    for (const key of ['k1', 'k2', 'k3']) await m.sendBatch([email('a@acme.io')], key);
    expect(clock.sleeps).toEqual([500, 500]);
  });

  it('never returns the API key, even when the API echoes it', async () => {
    fake.script.push({
      status: 401,
      body: { statusCode: 401, name: 'invalid_api_key', message: `API key ${API_KEY} is invalid` },
    });
    const result = await mailer().sendBatch([email('a@acme.io')], 'k');
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(result).toMatchObject({ ok: false, error: 'invalid_api_key: API key [redacted] is invalid' });
  });
});
