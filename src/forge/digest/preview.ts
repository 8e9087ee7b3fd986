import { buildDigest, isoWeek } from '../../core/digest';
import { renderDigest } from '../../email/render';
import type { WeeklyDigestOptions } from './run';

export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
  quiet: boolean;
  /** What the next scheduled run would do with the current data and settings. */
  wouldSend: boolean;
  week: string;
}

/**
 * The digest the next run would send, for the settings page: same data, same comparison, no
 * opt-out link, nothing stored, sent or audited. Null before the first scan finished.
 */
export async function previewDigest(
  o: Pick<WeeklyDigestOptions, 'now' | 'installName' | 'dashboardUrl' | 'settings' | 'source' | 'state'>,
): Promise<DigestPreview | null> {
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
  const { subject, html, text } = await renderDigest(digest, null);
  const week = isoWeek(new Date(nowIso));
  const alreadyDone = previous?.week === week && previous.sent;
  return {
    subject,
    html,
    text,
    quiet: digest.quiet,
    wouldSend: !alreadyDone && (!digest.quiet || settings.sendWhenQuiet) && settings.recipients.length > 0,
    week,
  };
}
