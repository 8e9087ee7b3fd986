import { buildDigest, isoWeek, type DigestState } from '../../core/digest';
import { MAX_BATCH, type DigestMailer, type OutgoingEmail } from '../../email/mailer';
import { optOutUrl, signOptOutToken, verifyOptOutToken } from '../../email/opt-out';
import { renderDigest, type RenderedDigest } from '../../email/render';
import type { Logger } from '../log';
import type { AuditSink, DigestSettings, DigestSource, DigestStateStore, OptOutStore } from './ports';
import { chunk, recipientsToSend } from './recipients';
import { isSendDay } from './schedule';

export interface WeeklyDigestOptions {
  installId: string;
  /** The site's name for the mail ("acme.atlassian.net"). */
  installName: string;
  dashboardUrl: string;
  /**
   * Where opt-out links point (the app's opt-out web trigger); the token is added as ?token=.
   * Null when there is no such endpoint: nothing is sent without a working opt-out link.
   */
  optOutBaseUrl: string | null;
  /** Signs opt-out tokens. A secret of the install, never sent or logged. */
  signingKey: string;
  now: () => number;
  settings: () => Promise<DigestSettings>;
  /** The latest scan's results; null before the first scan finished. */
  source: () => Promise<DigestSource | null>;
  state: DigestStateStore;
  optOuts: OptOutStore;
  /** null when no Resend API key is configured. */
  mailer: DigestMailer | null;
  audit: AuditSink;
  log: Logger;
  /**
   * People who chose a digest of their own pages or of a space they administer: each gets a digest
   * of those pages only (new and fixed findings there), unless they already get the full one or
   * used an opt-out link. Absent: nobody subscribed.
   */
  personal?: () => Promise<PersonalDigest[]>;
}

/** One subscriber's address and the pages their digest covers (the union of their subscriptions). */
export interface PersonalDigest {
  email: string;
  pageIds: ReadonlySet<string>;
}

export type DigestRunStatus =
  | 'not-today'
  | 'sent'
  | 'failed'
  | 'partly-failed'
  | 'quiet'
  | 'already-sent'
  | 'no-recipients'
  | 'no-scan-yet'
  | 'not-configured';

export interface DigestRunResult {
  status: DigestRunStatus;
  week: string;
  recipients: number;
  batches: number;
  failedBatches: number;
  /** Personal digests sent (subscribers of their own pages or a space), beside `recipients`. */
  personal?: number;
}

const ACTION = 'digest.send';

/** "rg-digest:<install>:<ISO week>:<batch>": a retried or duplicated trigger run reuses it, so Resend sends once. */
export function idempotencyKey(installId: string, week: string, batch: number | string): string {
  return `rg-digest:${installId}:${week}:${batch}`;
}

/**
 * The weekly trigger's work. Sends each recipient their own copy (their own opt-out link) in
 * batches of up to 100, records every batch in the audit log, and marks the week sent only when
 * every batch was accepted: a failed run is retried by the next trigger run with the same keys.
 */
export async function runWeeklyDigest(o: WeeklyDigestOptions): Promise<DigestRunResult> {
  const nowIso = new Date(o.now()).toISOString();
  const week = isoWeek(new Date(nowIso));
  const result = (status: DigestRunStatus, extra: Partial<DigestRunResult> = {}): DigestRunResult => ({
    status,
    week,
    recipients: 0,
    batches: 0,
    failedBatches: 0,
    ...extra,
  });
  const skip = async (status: DigestRunStatus, why: string): Promise<DigestRunResult> => {
    await o.audit.append({
      actor: null,
      action: 'digest.skip',
      target: week,
      outcome: 'success',
      detail: why,
    });
    o.log.info('weekly digest skipped', { week, status });
    return result(status);
  };

  const settings = await o.settings();
  // The trigger runs daily; six days out of seven this is all it does (not audited: not an event).
  if (!isSendDay(Date.parse(nowIso), settings.weekday)) return result('not-today');
  // Only finished weeks are saved, so the stored state is always the last digest that went out.
  const previous = await o.state.load();
  if (previous?.week === week && previous.sent) return skip('already-sent', 'already sent this week');
  const source = await o.source();
  if (source === null) return skip('no-scan-yet', 'no scan has finished yet');
  const digest = buildDigest({
    now: nowIso,
    installName: o.installName,
    dashboardUrl: o.dashboardUrl,
    previous,
    ...source,
  });
  if (digest.quiet && !settings.sendWhenQuiet) {
    await o.state.save({ ...digest.nextState, sent: true });
    return skip('quiet', 'quiet week: nothing changed ("send even when quiet" is off)');
  }
  const optedOut = await o.optOuts.list();
  const list = recipientsToSend(settings.recipients, optedOut);
  const personal = await personalDigests(o, previous, source, nowIso, new Set([...list.send, ...optedOut]));
  if (list.send.length === 0 && personal.length === 0)
    return skip('no-recipients', `no recipients (${list.invalid} invalid, ${list.optedOut} opted out)`);
  const { mailer, optOutBaseUrl: optOutBase } = o;
  if (mailer === null || optOutBase === null) {
    const detail =
      mailer === null
        ? 'no Resend API key configured (RG_RESEND_API_KEY)'
        : 'no opt-out endpoint: recipients could not unsubscribe';
    await o.audit.append({ actor: null, action: ACTION, target: week, outcome: 'failed', detail });
    return result('not-configured');
  }

  // Rendered once: recipients' copies differ only in the opt-out link, substituted below.
  const template = await renderDigest(digest, LINK_PLACEHOLDER);
  const messages = [
    ...list.send.map((to) => messageFor(template, to, optOutBase, o)),
    ...(await Promise.all(
      personal.map(async (p) =>
        messageFor(await renderDigest(p.digest, LINK_PLACEHOLDER), p.email, optOutBase, o),
      ),
    )),
  ];
  const batches = chunk(messages, MAX_BATCH);
  let failed = 0;
  for (const [i, emails] of batches.entries()) {
    const batch = emails;
    const key = idempotencyKey(o.installId, week, i + 1);
    const outcome = await mailer.sendBatch(emails, key);
    const where = `batch ${i + 1}/${batches.length}, ${batch.length} recipients`;
    if (outcome.ok) {
      await o.audit.append({
        actor: null,
        action: ACTION,
        target: week,
        outcome: 'success',
        detail: `${where}: "${digest.subject}"`,
      });
    } else {
      failed += 1;
      const detail = `${where}: ${outcome.status ?? 'network'} ${outcome.error} after ${outcome.attempts} attempts`;
      await o.audit.append({ actor: null, action: ACTION, target: week, outcome: 'failed', detail });
      o.log.error('weekly digest batch failed', {
        week,
        batch: i + 1,
        status: outcome.status,
        retryable: outcome.retryable,
      });
    }
  }
  if (failed === 0) await o.state.save({ ...digest.nextState, sent: true });
  o.log.info('weekly digest done', { week, recipients: list.send.length, batches: batches.length, failed });
  return result(failed === 0 ? 'sent' : failed === batches.length ? 'failed' : 'partly-failed', {
    recipients: list.send.length,
    batches: batches.length,
    failedBatches: failed,
    ...(o.personal === undefined ? {} : { personal: personal.length }),
  });
}

/**
 * Each subscriber's own digest: the site's findings and last state cut down to their pages. Quiet
 * ones (nothing new or fixed on their pages) are not sent; nor to anyone in `skip` (already on the
 * full digest, or opted out). Sorted by address, so batches (and their keys) repeat on a retry.
 */
async function personalDigests(
  o: WeeklyDigestOptions,
  previous: DigestState | null,
  source: NonNullable<Awaited<ReturnType<WeeklyDigestOptions['source']>>>,
  nowIso: string,
  skip: ReadonlySet<string>,
): Promise<{ email: string; digest: ReturnType<typeof buildDigest> }[]> {
  if (o.personal === undefined) return [];
  const out: { email: string; digest: ReturnType<typeof buildDigest> }[] = [];
  const wanted = (await o.personal())
    .map((p) => ({ ...p, email: recipientsToSend([p.email], new Set()).send[0] ?? '' }))
    .filter((p) => p.email !== '' && !skip.has(p.email))
    .sort((a, b) => a.email.localeCompare(b.email));
  for (const p of wanted) {
    const mine = (pageId: string): boolean => p.pageIds.has(pageId);
    const digest = buildDigest({
      now: nowIso,
      installName: o.installName,
      dashboardUrl: o.dashboardUrl,
      previous:
        previous === null
          ? null
          : { ...previous, findings: previous.findings.filter((f) => mine(f.pageId)), unreferenced: [] },
      findings: source.findings.filter((f) => mine(f.pageId)),
      pages: source.pages.filter((page) => mine(page.pageId)),
      coverage: source.coverage,
      // Resources no runbook names are a site matter: the full digest's, not a page owner's.
      resources: [],
      references: [],
    });
    // Their pages' news only: a site-wide coverage change alone does not make a personal digest.
    if (digest.totals.newFindings > 0 || digest.totals.resolved > 0) out.push({ email: p.email, digest });
  }
  return out;
}

/** Never in a real digest: a host under .invalid (RFC 2606) with a marker path. */
const LINK_PLACEHOLDER = 'https://opt-out.invalid/__runbookguard_opt_out__';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function messageFor(
  template: RenderedDigest,
  to: string,
  optOutBase: string,
  o: WeeklyDigestOptions,
): OutgoingEmail {
  const link = optOutUrl(optOutBase, signOptOutToken(o.signingKey, o.installId, to));
  return {
    to,
    subject: template.subject,
    html: template.html.split(LINK_PLACEHOLDER).join(escapeHtml(link)),
    text: template.text.split(LINK_PLACEHOLDER).join(link),
    // RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders.
    headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The opt-out link's target: a valid token adds its address to the opt-out list, audited. */
export async function handleOptOut(
  token: string,
  o: Pick<WeeklyDigestOptions, 'installId' | 'signingKey' | 'optOuts' | 'audit'>,
): Promise<{ ok: boolean }> {
  const email = verifyOptOutToken(o.signingKey, o.installId, token);
  if (email === null) {
    await o.audit.append({
      actor: null,
      action: 'digest.opt-out',
      target: null,
      outcome: 'denied',
      detail: 'invalid token',
    });
    return { ok: false };
  }
  await o.optOuts.add(email);
  await o.audit.append({
    actor: null,
    action: 'digest.opt-out',
    target: null,
    outcome: 'success',
    detail: 'one recipient opted out',
  });
  return { ok: true };
}
