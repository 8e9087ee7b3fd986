import { normalizeEmail, optOutUrl, signOptOutToken } from '../../email/opt-out';
import { renderDigest } from '../../email/render';
import type { TestDigestView } from '../../shared';
import type { KeyValue } from '../deps';
import { AppError } from '../errors';
import { DIGEST_KEYS } from './kvs-ports';
import { currentDigest } from './preview';
import type { WeeklyDigestOptions } from './run';

/** One test digest per install per minute: enough to check a change, too few to spam anyone. */
export const TEST_SEND_INTERVAL_MS = 60_000;
export const TEST_SUBJECT_PREFIX = '[Test] ';

export type TestSendOptions = Pick<
  WeeklyDigestOptions,
  | 'installId'
  | 'installName'
  | 'dashboardUrl'
  | 'optOutBaseUrl'
  | 'signingKey'
  | 'now'
  | 'settings'
  | 'source'
  | 'state'
  | 'optOuts'
  | 'mailer'
  | 'audit'
> & { kv: KeyValue; actor: string };

/**
 * Sends the digest a run would send now to one address, subject marked as a test. The weekly state
 * is only read (never saved), so the real digest still goes out and compares with the last real one.
 */
export async function sendTestDigest(o: TestSendOptions, rawTo: string): Promise<TestDigestView> {
  const to = normalizeEmail(rawTo);
  if (o.mailer === null)
    return { status: 'not-configured', reason: 'The mail service is not configured (RG_RESEND_API_KEY).' };
  if ((await o.optOuts.list()).has(to))
    throw new AppError('INVALID_PAYLOAD', 'to: this address unsubscribed from the digest');
  const current = await currentDigest(o);
  if (current === null) return { status: 'no-scan-yet' };

  const now = o.now();
  const last = await o.kv.get(DIGEST_KEYS.lastTestSend);
  if (typeof last === 'number' && now - last < TEST_SEND_INTERVAL_MS) {
    const wait = Math.ceil((TEST_SEND_INTERVAL_MS - (now - last)) / 1000);
    throw new AppError('RATE_LIMITED', `One test digest a minute: try again in ${wait} s.`);
  }
  // Counted before sending, so a slow or failing send cannot be retried in a burst.
  await o.kv.set(DIGEST_KEYS.lastTestSend, now);

  const link =
    o.optOutBaseUrl === null
      ? null
      : optOutUrl(o.optOutBaseUrl, signOptOutToken(o.signingKey, o.installId, to));
  const rendered = await renderDigest(current.digest, link);
  const subject = `${TEST_SUBJECT_PREFIX}${rendered.subject}`;
  const outcome = await o.mailer.sendBatch(
    [
      {
        to,
        subject,
        html: rendered.html,
        text: rendered.text,
        headers: link === null ? {} : { 'List-Unsubscribe': `<${link}>` },
      },
    ],
    `rg-digest-test:${o.installId}:${now}`,
  );
  const entry = { actor: o.actor, action: 'digest.test-send', target: current.week };
  if (!outcome.ok) {
    await o.audit.append({
      ...entry,
      outcome: 'failed',
      detail: `${outcome.status ?? 'network'} ${outcome.error}`.slice(0, 500),
    });
    throw new AppError(
      'UPSTREAM_FAILED',
      'The mail service did not accept the test digest; try again later.',
    );
  }
  await o.audit.append({ ...entry, outcome: 'success', detail: `one recipient: "${subject}"` });
  return { status: 'sent', to, subject };
}
