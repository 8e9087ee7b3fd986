import { buildDigest, isoWeek, type Digest, type DigestState } from '../../core/digest';
import { renderDigest } from '../../email/render';
import type { DigestSettings } from './ports';
import type { WeeklyDigestOptions } from './run';
import { nextSendDate } from './schedule';

export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
  quiet: boolean;
  /** What the next scheduled run would do with the current data and settings. */
  wouldSend: boolean;
  week: string;
  /** The UTC date (YYYY-MM-DD) of the next run that may send. */
  nextSendDate: string;
}

type CurrentOptions = Pick<
  WeeklyDigestOptions,
  'now' | 'installName' | 'dashboardUrl' | 'settings' | 'source' | 'state'
>;

export interface CurrentDigest {
  digest: Digest;
  previous: DigestState | null;
  settings: DigestSettings;
  week: string;
  /** This ISO week's digest already went out (or was skipped as quiet). */
  doneThisWeek: boolean;
}

/** The digest as a run now would build it (same data, same comparison); null before the first scan. */
export async function currentDigest(o: CurrentOptions): Promise<CurrentDigest | null> {
  const source = await o.source();
  if (source === null) return null;
  const nowIso = new Date(o.now()).toISOString();
  const previous = await o.state.load();
  const settings = await o.settings();
  const digest = buildDigest({
    now: nowIso,
    installName: o.installName,
    dashboardUrl: o.dashboardUrl,
    previous,
    ...source,
  });
  const week = isoWeek(new Date(nowIso));
  return { digest, previous, settings, week, doneThisWeek: previous?.week === week && previous.sent };
}

/**
 * The digest the next run would send, for the settings page: same data, same comparison, no
 * opt-out link, nothing stored, sent or audited. Null before the first scan finished.
 */
export async function previewDigest(o: CurrentOptions): Promise<DigestPreview | null> {
  const current = await currentDigest(o);
  if (current === null) return null;
  const { digest, settings, week, doneThisWeek } = current;
  const { subject, html, text } = await renderDigest(digest, null);
  return {
    subject,
    html,
    text,
    quiet: digest.quiet,
    wouldSend: !doneThisWeek && (!digest.quiet || settings.sendWhenQuiet) && settings.recipients.length > 0,
    week,
    nextSendDate: nextSendDate(o.now(), settings.weekday, doneThisWeek),
  };
}
