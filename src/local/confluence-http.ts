import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { answerDataCenter } from './confluence-datacenter';
import { confluenceService, type ConfluenceModel } from './confluence-service';
import { jsonResponse } from './runtime';

/**
 * The local Confluence as a real HTTP site on loopback, for clients outside Forge (the CLI):
 * Cloud answers /wiki/api/v2 and /wiki/rest/api through the same handler the Forge runtime uses,
 * behind basic auth (e-mail and API token); Data Center answers REST v1 under an optional context
 * path, behind a personal access token (Bearer). Wrong or missing credentials answer 401, and the
 * model's throttle answers 429 with Retry-After, in both flavours.
 */
export type LocalConfluenceCredentials =
  | { flavour: 'cloud'; email: string; apiToken: string }
  | { flavour: 'data-center'; pat: string; contextPath?: string };

export interface LocalConfluenceSite {
  /** What a client passes as --confluence. */
  url: string;
  close(): Promise<void>;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function startLocalConfluenceSite(
  model: ConfluenceModel,
  credentials: LocalConfluenceCredentials,
): Promise<LocalConfluenceSite> {
  const expected =
    credentials.flavour === 'cloud'
      ? `Basic ${Buffer.from(`${credentials.email}:${credentials.apiToken}`).toString('base64')}`
      : `Bearer ${credentials.pat}`;
  const contextPath = credentials.flavour === 'data-center' ? (credentials.contextPath ?? '') : '';
  const cloud = confluenceService(model);

  const answer = async (req: IncomingMessage): Promise<Response> => {
    const path = req.url ?? '/';
    if (req.method !== 'GET') return jsonResponse(405, { message: 'read-only local Confluence' });
    if (!sameSecret(req.headers.authorization ?? '', expected))
      return jsonResponse(401, { statusCode: 401, message: 'Unauthorized' }, { 'WWW-Authenticate': 'Basic' });
    if (credentials.flavour === 'cloud')
      return (
        (await cloud({ type: 'fpp', remote: 'confluence', provider: 'app' }, path, {})) ??
        jsonResponse(404, { message: 'not found' })
      );
    model.requests.push({ path, as: 'app' });
    if (model.throttle.remaining > 0) {
      model.throttle.remaining -= 1;
      return jsonResponse(
        429,
        { message: 'rate limited' },
        { 'Retry-After': String(model.throttle.retryAfterSeconds) },
      );
    }
    if (!path.startsWith(`${contextPath}/`)) return jsonResponse(404, { message: 'not found' });
    return answerDataCenter(model, path.slice(contextPath.length));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    answer(req)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"message":"local Confluence failed"}');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${contextPath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
