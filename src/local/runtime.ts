/**
 * A local Forge runtime: installs the two globals the unmodified @forge/* packages call.
 * `__forge_fetch__(target, path, init)` is where @forge/api, @forge/sql, @forge/kvs and
 * @forge/events send every platform request (the target names the service: `{type:'sql'}`,
 * `{type:'kvs'}`, `{type:'fpp', remote:'confluence'|'stargate', provider:'app'|'user'}`);
 * `__forge_runtime__` carries the invocation's metadata (app context, metrics, proxy token).
 * Each service is a handler here; requests no handler claims answer 501, so a handler that talks
 * to something we do not emulate fails loudly instead of silently succeeding.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ForgeTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export interface ForgeRequestInit {
  method?: string;
  body?: unknown;
  headers?: unknown;
}

export type ServiceHandler = (
  target: ForgeTarget,
  path: string,
  init: ForgeRequestInit,
) => Promise<Response> | null;

export interface LocalRuntimeOptions {
  services: readonly ServiceHandler[];
  appContext?: Partial<{ appId: string; environmentId: string; installationId: string; moduleKey: string }>;
}

interface ForgeGlobals {
  __forge_fetch__?: (target: ForgeTarget, path: string, init?: ForgeRequestInit) => Promise<Response>;
  __forge_runtime__?: Record<string, unknown>;
}

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

/** Installs the globals; returns a function that restores whatever was there before. */
export function installLocalRuntime(options: LocalRuntimeOptions): () => void {
  const g = globalThis as unknown as ForgeGlobals;
  const previous = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
  g.__forge_fetch__ = async (target, path, init = {}) => {
    for (const service of options.services) {
      const answer = service(target, path, init);
      if (answer !== null) return answer;
    }
    return jsonResponse(501, {
      code: 'NOT_EMULATED',
      message: `local runtime: no service for ${target.type} ${path}`,
    });
  };
  g.__forge_runtime__ = {
    appContext: {
      appId: 'local-app',
      appVersion: '0.0.0-local',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      invocationId: 'local',
      installationId: 'local-install',
      moduleKey: 'local',
      ...options.appContext,
    },
    // getAppContext() calls this; a generous fixed budget stands in for Lambda's clock.
    lambdaContext: { getRemainingTimeInMillis: () => 900_000 },
    metrics: noopMetrics,
    proxy: { token: 'local', url: 'http://local.invalid' },
    tracing: { traceId: 'local', spanId: 'local' },
  };
  return () => {
    g.__forge_fetch__ = previous.fetch;
    g.__forge_runtime__ = previous.runtime;
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function bodyText(init: ForgeRequestInit): string {
  if (typeof init.body === 'string') return init.body;
  if (init.body === undefined || init.body === null) return '';
  throw new Error('local runtime: only string request bodies are emulated');
}

/** The invocation's user: what Forge derives from the invocation context for `asUser()` calls. */
const invocation = new AsyncLocalStorage<{ accountId: string | null }>();

export function runAs<T>(accountId: string | null, fn: () => Promise<T>): Promise<T> {
  return invocation.run({ accountId }, fn);
}

export function currentAccountId(): string | null {
  return invocation.getStore()?.accountId ?? null;
}
