import { invoke } from '@forge/bridge';
import type { Envelope } from '../../src/shared/envelope';
import { isErrorCode, type ErrorCode } from '../../src/shared/errors';
import type { ResolverKey, ResolverRequest, ResolverResults } from '../../src/shared/contract';

/** A resolver's refusal or a transport failure, with the shared code the UI branches on. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Calls one resolver function and unwraps the shared envelope. Types come from the contract module
 * the backend validates against, so a renamed field fails the UI's typecheck, not a user's click.
 */
export async function call<K extends ResolverKey>(
  key: K,
  payload: ResolverRequest<K>,
): Promise<ResolverResults[K]> {
  let answer: unknown;
  try {
    answer = await invoke(key, payload as Record<string, unknown>);
  } catch {
    throw new ApiError('UPSTREAM_FAILED', 'RunbookGuard could not reach its backend. Try again.');
  }
  return unwrap<ResolverResults[K]>(answer);
}

export function unwrap<T>(answer: unknown): T {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer))
    throw new ApiError('INTERNAL', 'RunbookGuard answered in an unexpected shape.');
  const envelope = answer as Envelope<T>;
  if (envelope.ok) return envelope.data;
  const code = isErrorCode(envelope.error?.code) ? envelope.error.code : 'INTERNAL';
  throw new ApiError(code, typeof envelope.error?.message === 'string' ? envelope.error.message : code);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}
