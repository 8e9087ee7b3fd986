/** One rendered message for one recipient (each has its own opt-out link, so no shared To:). */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export type BatchOutcome =
  | { ok: true; ids: string[]; attempts: number }
  | { ok: false; attempts: number; status: number | null; error: string; retryable: boolean };

/** The port the weekly job sends through: Resend in production, a fake in unit tests. */
export interface DigestMailer {
  /** Up to MAX_BATCH messages, sent once per idempotency key however often this is called. */
  sendBatch(emails: readonly OutgoingEmail[], idempotencyKey: string): Promise<BatchOutcome>;
}

/** Resend's batch endpoint accepts at most 100 messages per request. */
export const MAX_BATCH = 100;
