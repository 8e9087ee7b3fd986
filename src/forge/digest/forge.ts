import { route, webTrigger } from '@forge/api';
import { createResendMailer } from '../../email/resend-mailer';
import { appendAudit } from '../../store/repos/audit';
import type { AppDeps } from '../deps';
import { readSecret } from '../secrets';
import { ensureSigningKey, kvDigestState, kvOptOuts, readDigestSettings } from './kvs-ports';
import type { WeeklyDigestOptions } from './run';
import { digestSourceFromStore } from './store-source';

/** The web trigger the opt-out links point at (manifest key). */
export const OPT_OUT_TRIGGER = 'digest-opt-out';
const DEFAULT_FROM = 'RunbookGuard <digest@runbookguard.app>';

/**
 * The weekly digest's collaborators on Forge: KVS for settings, state and opt-outs, Forge SQL for
 * findings and the audit log, Resend with the key from the encrypted variable RG_RESEND_API_KEY.
 */
export async function weeklyDigestOptions(
  deps: AppDeps,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WeeklyDigestOptions> {
  const apiKey = readSecret('RG_RESEND_API_KEY', env);
  const siteUrl = await siteBaseUrl(deps);
  return {
    installId: deps.installId,
    installName: new URL(siteUrl).host,
    // The dashboard's own URL is known to the UI; until it stores it, the CTA opens the site.
    dashboardUrl: siteUrl,
    optOutBaseUrl: await optOutTriggerUrl(),
    signingKey: await ensureSigningKey(deps.kv),
    now: deps.now,
    settings: () => readDigestSettings(deps.kv),
    source: () => digestSourceFromStore(deps.db, siteUrl),
    state: kvDigestState(deps.kv),
    optOuts: kvOptOuts(deps.kv),
    mailer:
      apiKey === undefined
        ? null
        : createResendMailer({
            apiKey,
            from: env.RG_DIGEST_FROM ?? DEFAULT_FROM,
            ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}),
          }),
    audit: { append: (entry) => appendAudit(deps.db, entry, deps.now()) },
    log: deps.log,
  };
}

/** The site's Confluence base URL ("https://acme.atlassian.net/wiki"), from any v2 list's _links. */
async function siteBaseUrl(deps: AppDeps): Promise<string> {
  const response = await deps.confluence.asApp()(route`/wiki/api/v2/spaces?limit=1`);
  if (response.status !== 200) throw new Error(`Confluence answered ${response.status} for the space list`);
  const body = (await response.json()) as { _links?: { base?: unknown } } | null;
  const base = body?._links?.base;
  if (typeof base !== 'string' || !/^https:\/\//.test(base))
    throw new Error('Confluence sent no site base URL');
  return base;
}

/** Null until the manifest declares the opt-out web trigger: then nothing is sent (no working link). */
async function optOutTriggerUrl(): Promise<string | null> {
  try {
    return await webTrigger.getUrl(OPT_OUT_TRIGGER);
  } catch {
    return null;
  }
}
