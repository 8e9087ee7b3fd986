import { Resend } from 'resend';
import { MAX_BATCH, type BatchOutcome, type DigestMailer, type OutgoingEmail } from './mailer';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ResendMailerOptions {
  apiKey: string;
  from: string;
  /** Resend's API root; tests point it at a local server. Default: RESEND_BASE_URL, then Resend's. */
  baseUrl?: string;
  clock?: Clock;
  /** Retries after the first attempt, for 429, 5xx and network errors. */
  maxRetries?: number;
  /** Resend allows 2 requests per second per team: at least this long between two requests. */
  minIntervalMs?: number;
  /** A retry-after longer than this is not waited for (the function would time out): give up. */
  maxWaitMs?: number;
}

interface ResendError {
  statusCode?: number | null;
  name?: string;
  message?: string;
}

/**
 * Sends digest batches through the resend SDK. The API key lives only in the SDK client: it is
 * never part of a result, an error message or anything this module logs.
 */
export function createResendMailer(options: ResendMailerOptions): DigestMailer {
  const client = new Resend(
    options.apiKey,
    options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : undefined,
  );
  const clock = options.clock ?? realClock;
  const maxRetries = options.maxRetries ?? 3;
  const minInterval = options.minIntervalMs ?? 500;
  const maxWait = options.maxWaitMs ?? 30_000;
  let nextSlot = 0;
  const scrub = (text: string): string =>
    options.apiKey.length >= 8 ? text.split(options.apiKey).join('[redacted]') : text;

  /** Waits for this request's turn under the rate limit. */
  async function slot(): Promise<void> {
    const now = clock.now();
    if (nextSlot > now) await clock.sleep(nextSlot - now);
    nextSlot = Math.max(now, nextSlot) + minInterval;
  }

  return {
    async sendBatch(emails: readonly OutgoingEmail[], idempotencyKey: string): Promise<BatchOutcome> {
      if (emails.length === 0) return { ok: true, ids: [], attempts: 0 };
      if (emails.length > MAX_BATCH) throw new Error(`a batch holds at most ${MAX_BATCH} messages`);
      const payload = emails.map((e) => ({
        from: options.from,
        to: [e.to],
        subject: e.subject,
        html: e.html,
        text: e.text,
        headers: e.headers,
      }));
      for (let attempt = 1; ; attempt++) {
        await slot();
        // Same key on every attempt: if an earlier attempt did reach Resend, this one is answered
        // from Resend's idempotency cache instead of sending again.
        const { data, error, headers } = await client.batch.send(payload, { idempotencyKey });
        if (error === null) return { ok: true, ids: (data?.data ?? []).map((d) => d.id), attempts: attempt };
        const e = error as ResendError;
        const status = typeof e.statusCode === 'number' ? e.statusCode : null;
        const retryable =
          status === null || status === 429 || status >= 500 || e.name === 'concurrent_idempotent_requests';
        const wait = retryAfterMs(headers?.['retry-after'], attempt);
        const message = scrub(`${e.name ?? 'error'}: ${e.message ?? 'no message'}`);
        if (!retryable || attempt > maxRetries || wait > maxWait)
          return { ok: false, attempts: attempt, status, error: message, retryable };
        await clock.sleep(wait);
      }
    },
  };
}

/** Retry-After in seconds (or an HTTP date, which Resend does not send); else exponential 1 s, 2 s, 4 s. */
export function retryAfterMs(header: string | undefined, attempt: number): number {
  if (header !== undefined) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  }
  return 1000 * 2 ** (attempt - 1);
}
