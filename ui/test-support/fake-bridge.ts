import './async-timeout';
import type { Envelope } from '../../src/shared/envelope';
import type { ErrorCode } from '../../src/shared/errors';
import type { ResolverKey, ResolverRequest, ResolverResults } from '../../src/shared/contract';

/**
 * A stand-in for the Forge host's bridge in component tests: @forge/bridge reads
 * `globalThis.__bridge` when it loads, so import this module before the component under test.
 * Each resolver answers from a handler typed by the shared contract; calls are recorded.
 */
type Handler<K extends ResolverKey> = (
  payload: ResolverRequest<K>,
) =>
  | ResolverResults[K]
  | Envelope<ResolverResults[K]>
  | Promise<ResolverResults[K] | Envelope<ResolverResults[K]>>;
export type FakeBackend = { [K in ResolverKey]?: Handler<K> };

export const calls: { functionKey: string; payload: unknown }[] = [];
let backend: FakeBackend = {};
let context: Record<string, unknown> = { accountId: 'test-user', theme: { colorMode: 'light' } };

export function useBackend(next: FakeBackend, hostContext?: Record<string, unknown>): void {
  backend = next;
  calls.length = 0;
  if (hostContext) context = hostContext;
}

export function failWith(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

const isEnvelope = (v: unknown): v is Envelope<unknown> => typeof v === 'object' && v !== null && 'ok' in v;

(globalThis as { __bridge?: unknown }).__bridge = {
  async callBridge(command: string, payload?: { functionKey: string; payload: unknown }) {
    if (command === 'getContext') return context;
    if (command === 'enableTheming') return undefined;
    if (command !== 'invoke' || !payload) throw new Error(`fake bridge: ${command} not emulated`);
    calls.push({ functionKey: payload.functionKey, payload: payload.payload });
    const handler = backend[payload.functionKey as ResolverKey] as ((p: unknown) => unknown) | undefined;
    if (!handler) return failWith('UNKNOWN_FUNCTION', `no fake for ${payload.functionKey}`);
    const answer = await handler(payload.payload);
    return isEnvelope(answer) ? answer : { ok: true, data: answer };
  },
};
