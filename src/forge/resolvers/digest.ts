import type { DigestPreviewView, DigestSettingsView, ResolverPayload, TestDigestView } from '../../shared';
import { MAX_DIGEST_RECIPIENTS } from '../../shared/contract-settings';
import { normalizeEmail } from '../../email/opt-out';
import { appendAudit } from '../../store/repos/audit';
import type { AppDeps } from '../deps';
import { digestMailer, weeklyDigestOptions } from '../digest/forge';
import { kvDigestState, kvOptOuts, readDigestSettings, writeDigestSettings } from '../digest/kvs-ports';
import type { DigestSettings } from '../digest/ports';
import { previewDigest as renderPreview } from '../digest/preview';
import { sendTestDigest as sendTest } from '../digest/test-send';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';

async function view(deps: AppDeps, settings: DigestSettings): Promise<DigestSettingsView> {
  const optedOut = await kvOptOuts(deps.kv).list();
  const state = await kvDigestState(deps.kv).load();
  return {
    recipients: settings.recipients,
    weekday: settings.weekday,
    sendWhenQuiet: settings.sendWhenQuiet,
    maxRecipients: MAX_DIGEST_RECIPIENTS,
    optedOut: settings.recipients.filter((r) => optedOut.has(normalizeEmail(r))),
    mailConfigured: digestMailer() !== null,
    lastDigest: state?.sent ? { week: state.week, at: state.generatedAt } : null,
  };
}

export async function getDigestSettings(
  _p: ResolverPayload<'getDigestSettings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<DigestSettingsView> {
  await requireSiteAdmin(caller, deps);
  return view(deps, await readDigestSettings(deps.kv));
}

/** Replaces the settings (addresses lower-cased, de-duplicated, sorted); audited with counts, not addresses. */
export async function saveDigestSettings(
  p: ResolverPayload<'saveDigestSettings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<DigestSettingsView> {
  const who = await requireSiteAdmin(caller, deps);
  const settings: DigestSettings = {
    recipients: [...new Set(p.recipients.map(normalizeEmail))].sort(),
    weekday: p.weekday,
    sendWhenQuiet: p.sendWhenQuiet,
  };
  await writeDigestSettings(deps.kv, settings);
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: 'digest.settings',
      target: null,
      outcome: 'success',
      detail: `recipients=${settings.recipients.length} weekday=${settings.weekday} sendWhenQuiet=${settings.sendWhenQuiet}`,
    },
    deps.now(),
  );
  return view(deps, settings);
}

export async function previewDigest(
  _p: ResolverPayload<'previewDigest'>,
  caller: Caller,
  deps: AppDeps,
): Promise<DigestPreviewView> {
  await requireSiteAdmin(caller, deps);
  const preview = await renderPreview(await weeklyDigestOptions(deps));
  return preview === null ? { status: 'no-scan-yet' } : { status: 'ready', ...preview };
}

export async function sendTestDigest(
  p: ResolverPayload<'sendTestDigest'>,
  caller: Caller,
  deps: AppDeps,
): Promise<TestDigestView> {
  const who = await requireSiteAdmin(caller, deps);
  return sendTest({ ...(await weeklyDigestOptions(deps)), kv: deps.kv, actor: who }, p.to);
}
