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

export interface LocalAppContext {
  appId: string;
  environmentId: string;
  installationId: string;
  moduleKey: string;
}

export interface LocalRuntimeOptions {
  services: readonly ServiceHandler[];
  appContext?: Partial<LocalAppContext>;
}

/**
 * What one invocation runs inside (AsyncLocalStorage, so interleaved invocations of different
 * installations each see their own): its installation's services and app context, its user, and,
 * on the strict platform, its meters and deadline. Code outside any invocation (tests calling
 * @forge/* directly) falls back to the most recent installLocalRuntime().
 */
export interface InvocationScope {
  services: readonly ServiceHandler[];
  appContext: LocalAppContext;
  accountId: string | null;
  invocationId: string;
  /** Epoch ms (platform clock) when the invocation must have finished; null: no deadline. */
  deadline: number | null;
  now: () => number;
  /** The strict platform's meters for this invocation (absent under a bare installLocalRuntime). */
  meter?: InvocationMeter;
}

/** What one invocation has used so far, and which limits it broke (each fails the invocation). */
export interface InvocationMeter {
  functionKey: string;
  installationId: string;
  /** The initial invocation this one descends from through async events (itself for a root). */
  rootId: string;
  egress: number;
  egressCap: number;
  logLines: number;
  logLineCap: number;
  logBytes: number;
  violations: string[];
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

const DEFAULT_APP_CONTEXT: LocalAppContext = {
  appId: 'local-app',
  environmentId: 'local',
  installationId: 'local-install',
  moduleKey: 'local',
};

const scopes = new AsyncLocalStorage<InvocationScope>();
const fallbacks: InvocationScope[] = [];
let previous: { fetch: ForgeGlobals['__forge_fetch__']; runtime: ForgeGlobals['__forge_runtime__'] } | null =
  null;

function activeScope(): InvocationScope | undefined {
  return scopes.getStore() ?? fallbacks[fallbacks.length - 1];
}

function installGlobals(): void {
  if (previous !== null) return;
  const g = globalThis as unknown as ForgeGlobals;
  previous = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
  g.__forge_fetch__ = async (target, path, init = {}) => {
    for (const service of activeScope()?.services ?? []) {
      const answer = service(target, path, init);
      if (answer !== null) return answer;
    }
    return jsonResponse(501, {
      code: 'NOT_EMULATED',
      message: `local runtime: no service for ${target.type} ${path}`,
    });
  };
  // Read on every call, as @forge/api does: each invocation sees its own installation's context.
  g.__forge_runtime__ = {
    get appContext() {
      const scope = activeScope();
      return {
        appVersion: '0.0.0-local',
        environmentType: 'DEVELOPMENT',
        ...(scope?.appContext ?? DEFAULT_APP_CONTEXT),
        invocationId: scope?.invocationId ?? 'local',
      };
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => {
        const scope = activeScope();
        return scope?.deadline == null ? 900_000 : Math.max(0, scope.deadline - scope.now());
      },
    },
    metrics: noopMetrics,
    proxy: { token: 'local', url: 'http://local.invalid' },
    tracing: { traceId: 'local', spanId: 'local' },
  };
}

/**
 * Installs the globals (once per process, however many runtimes are started); returns a function
 * that removes this runtime's fallback, restoring the previous globals when the last one goes.
 */
export function installLocalRuntime(options: LocalRuntimeOptions): () => void {
  installGlobals();
  const fallback: InvocationScope = {
    services: options.services,
    appContext: { ...DEFAULT_APP_CONTEXT, ...options.appContext },
    accountId: null,
    invocationId: 'local',
    deadline: null,
    now: () => Date.now(),
  };
  fallbacks.push(fallback);
  return () => {
    const at = fallbacks.indexOf(fallback);
    if (at >= 0) fallbacks.splice(at, 1);
    if (fallbacks.length === 0 && previous !== null) {
      const g = globalThis as unknown as ForgeGlobals;
      g.__forge_fetch__ = previous.fetch;
      g.__forge_runtime__ = previous.runtime;
      previous = null;
    }
  };
}

/** Runs `fn` as one invocation: its platform requests go to `scope`'s services. */
export function runInScope<T>(scope: InvocationScope, fn: () => Promise<T>): Promise<T> {
  installGlobals();
  return scopes.run(scope, fn);
}

/** The invocation `fn` runs in, if any (meters and the egress counter read it). */
export function currentScope(): InvocationScope | undefined {
  return scopes.getStore();
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
export function runAs<T>(accountId: string | null, fn: () => Promise<T>): Promise<T> {
  const base = activeScope();
  const scope: InvocationScope = base
    ? { ...base, accountId }
    : {
        services: [],
        appContext: DEFAULT_APP_CONTEXT,
        accountId,
        invocationId: 'local',
        deadline: null,
        now: () => Date.now(),
      };
  return scopes.run(scope, fn);
}

export function currentAccountId(): string | null {
  return scopes.getStore()?.accountId ?? null;
}
