import type { ErrorCode } from './errors';

/** The one shape every resolver answers with: resolvers never throw to the UI. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message: string): Envelope<T> {
  return { ok: false, error: { code, message } };
}
