import { __getRuntime, route, webTrigger } from '@forge/api';
import type { DigestMailer } from '../../email/mailer';
import { createResendMailer } from '../../email/resend-mailer';
import { spacesByIds } from '../../confluence/spaces';
import { appendAudit } from '../../store/repos/audit';
import type { AppDeps } from '../deps';
import { describeError } from '../log';
import { readSecret } from '../secrets';
import { ensureSigningKey, kvDigestState, kvOptOuts, readDigestSettings } from './kvs-ports';
import { personalDigestsFromStore } from './personal';
import type { WeeklyDigestOptions } from './run';
import { digestSourceFromStore } from './store-source';

/** The web trigger the opt-out links point at (manifest key). */
export const OPT_OUT_TRIGGER = 'digest-opt-out';
/** The dashboard's route (manifest: confluence:globalPage `route`). */
export const DASHBOARD_ROUTE = 'runbookguard';
const DEFAULT_FROM = 'RunbookGuard <digest@runbookguard.app>';

/**
 * The weekly digest's collaborators on Forge: KVS for settings, state and opt-outs, Forge SQL for
 * findings and the audit log, Resend with the key from the encrypted variable RG_RESEND_API_KEY.
 */
export async function weeklyDigestOptions(
  deps: AppDeps,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WeeklyDigestOptions> {
  const site = await digestSite(deps);
  return {
    installId: deps.installId,
    installName: site.installName,
    dashboardUrl: site.dashboardUrl,
    optOutBaseUrl: await optOutTriggerUrl(),
    signingKey: await ensureSigningKey(deps.kv),
    now: deps.now,
    settings: () => readDigestSettings(deps.kv),
    source: () => digestSourceFromStore(deps.db, site.siteUrl, (ids) => spaceNamesAsApp(deps, ids)),
    state: kvDigestState(deps.kv),
    optOuts: kvOptOuts(deps.kv),
    mailer: digestMailer(env),
    audit: { append: (entry) => appendAudit(deps.db, entry, deps.now()) },
    log: deps.log,
    personal: () => personalDigestsFromStore(deps.db),
  };
}

/**
 * Space names for the mail's headings, asked as the app (the digest has no viewing user). A failure
 * costs only the names: the digest then says "space <id>" rather than not going out.
 */
async function spaceNamesAsApp(
  deps: AppDeps,
  ids: readonly string[],
): Promise<Map<string, { key: string; name: string }>> {
  try {
    const { spaces } = await spacesByIds(deps.confluence.asApp(), ids);
    return new Map(spaces.map((s) => [s.id, { key: s.key, name: s.name }]));
  } catch (error) {
    deps.log.warn('digest: space names unavailable', { error: describeError(error) });
    return new Map();
  }
}

/** Resend with the operator's key, or null when RG_RESEND_API_KEY is not set (nothing can be sent). */
export function digestMailer(env: NodeJS.ProcessEnv = process.env): DigestMailer | null {
  const apiKey = readSecret('RG_RESEND_API_KEY', env);
  return apiKey === undefined
    ? null
    : createResendMailer({
        apiKey,
        from: env.RG_DIGEST_FROM ?? DEFAULT_FROM,
        ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}),
      });
}

export interface DigestSite {
  /** Confluence's base URL, "https://acme.atlassian.net/wiki". */
  siteUrl: string;
  installName: string;
  dashboardUrl: string;
}

/**
 * Where the digest links to. The site comes from Confluence itself (asApp, so no user's say-so);
 * the dashboard URL is the documented global page address /wiki/apps/<app id>/<environment id>/<route>,
 * with both ids from this invocation's app context. Outside an invocation: the site's front page.
 */
export async function digestSite(deps: AppDeps): Promise<DigestSite> {
  const siteUrl = await siteBaseUrl(deps);
  return { siteUrl, installName: new URL(siteUrl).host, dashboardUrl: dashboardUrl(siteUrl) ?? siteUrl };
}

export function dashboardUrl(siteUrl: string): string | null {
  try {
    const { appId, environmentId } = __getRuntime().appContext;
    // appId is an ARI ("ari:cloud:ecosystem::app/<uuid>"); the URL takes the uuid.
    const app = appId.split('/').pop() ?? '';
    if (!/^[\w-]+$/.test(app) || !/^[\w-]+$/.test(environmentId)) return null;
    return `${siteUrl.replace(/\/+$/, '')}/apps/${app}/${environmentId}/${DASHBOARD_ROUTE}`;
  } catch {
    return null;
  }
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

/**
 * The opt-out web trigger's URL (stable per installation; Forge creates it on first request).
 * Null when there is none (outside Forge, or the manifest lacks the module): then nothing is sent.
 */
export async function optOutTriggerUrl(): Promise<string | null> {
  try {
    return await webTrigger.getUrl(OPT_OUT_TRIGGER);
  } catch {
    return null;
  }
}
