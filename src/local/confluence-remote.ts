import { bodyText, type ServiceHandler } from './runtime';

/**
 * Confluence from a real Confluence Cloud site: `requestConfluence` calls are forwarded to
 * `baseUrl` with basic auth (an Atlassian account e-mail and API token). Both `asApp` and
 * `asUser` run as that one account — a local stand-in, not a permission model: use the pages-file
 * Confluence for permission tests. The token is sent only to `baseUrl` and never logged.
 */
export interface RemoteConfluence {
  baseUrl: string;
  email: string;
  apiToken: string;
}

export function remoteConfluenceService(
  site: RemoteConfluence,
  fetchImpl: typeof fetch = fetch,
): ServiceHandler {
  const origin = new URL(site.baseUrl);
  if (origin.protocol !== 'https:' && origin.hostname !== '127.0.0.1' && origin.hostname !== 'localhost')
    throw new Error('remote Confluence: the site URL must use https');
  const auth = `Basic ${Buffer.from(`${site.email}:${site.apiToken}`).toString('base64')}`;
  return (target, path, init) => {
    if (target.type !== 'fpp' || target.remote !== 'confluence') return null;
    // Only paths on the site: a request can never be redirected to another host.
    const url = new URL(path, origin);
    if (url.origin !== origin.origin || !path.startsWith('/')) return null;
    const body = bodyText(init);
    return fetchImpl(url, {
      method: init.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        Authorization: auth,
      },
      ...(body ? { body } : {}),
    });
  };
}

/** The site from RG_CONFLUENCE_URL, RG_CONFLUENCE_EMAIL and RG_CONFLUENCE_API_TOKEN, if all are set. */
export function remoteConfluenceFromEnv(env: NodeJS.ProcessEnv = process.env): RemoteConfluence | null {
  const baseUrl = env.RG_CONFLUENCE_URL;
  const email = env.RG_CONFLUENCE_EMAIL;
  const apiToken = env.RG_CONFLUENCE_API_TOKEN;
  return baseUrl && email && apiToken ? { baseUrl, email, apiToken } : null;
}
