import { createHash } from 'node:crypto';
import { bodyText, jsonResponse, type ForgeRequestInit, type ServiceHandler } from './runtime';

/**
 * Forge web triggers, locally. @forge/api's `webTrigger.getUrl(key)` sends a GraphQL mutation
 * (createWebTriggerUrl) to the platform as the app; this answers it with a stable URL per
 * (app, environment, trigger) — as Forge does per installation — for the trigger keys the app
 * declares, and an error for any other key. `invoke` then delivers a request to such a URL the way
 * Forge calls the handler: `{method, path, headers, queryParameters, body}`.
 */
export interface WebTriggerRequest {
  method: string;
  path: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
}

export interface WebTriggerResponse {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

export type WebTriggerHandler = (request: WebTriggerRequest) => Promise<WebTriggerResponse>;

export const LOCAL_WEBTRIGGER_ORIGIN = 'https://webtrigger.local.invalid';

export class LocalWebTriggers {
  /** Every URL handed out, by trigger key. */
  readonly urls = new Map<string, string>();

  constructor(private readonly handlers: Record<string, WebTriggerHandler>) {}

  service(): ServiceHandler {
    return (target, path, init) => {
      if (target.type !== 'fpp' || target.remote !== 'stargate' || path !== '/graphql') return null;
      const request = JSON.parse(bodyText(init) || '{}') as {
        query?: string;
        variables?: { input?: { appId?: string; envId?: string; triggerKey?: string } };
      };
      if (!request.query?.includes('createWebTriggerUrl')) return null;
      const input = request.variables?.input ?? {};
      const key = input.triggerKey ?? '';
      if (this.handlers[key] === undefined)
        return Promise.resolve(
          jsonResponse(200, { data: null, errors: [{ message: `no webtrigger module ${key}` }] }),
        );
      const id = createHash('sha256')
        .update(`${input.appId ?? ''}|${input.envId ?? ''}|${key}`)
        .digest('hex')
        .slice(0, 32);
      const url = `${LOCAL_WEBTRIGGER_ORIGIN}/x1/${id}`;
      this.urls.set(key, url);
      return Promise.resolve(jsonResponse(200, { data: { createWebTriggerUrl: { url } } }));
    };
  }

  /** A request to a URL handed out before, delivered to its trigger's handler. */
  async invoke(url: string, init: ForgeRequestInit & { method?: string } = {}): Promise<WebTriggerResponse> {
    const parsed = new URL(url);
    const key = [...this.urls].find(([, u]) => u === `${parsed.origin}${parsed.pathname}`)?.[0];
    const handler = key === undefined ? undefined : this.handlers[key];
    if (handler === undefined) return { statusCode: 404, body: 'no such web trigger' };
    const queryParameters: Record<string, string[]> = {};
    for (const [name, value] of parsed.searchParams) (queryParameters[name] ??= []).push(value);
    return handler({
      method: init.method ?? 'GET',
      path: parsed.pathname,
      headers: {},
      queryParameters,
      body: bodyText(init),
    });
  }
}
