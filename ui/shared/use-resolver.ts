import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverKey, ResolverRequest, ResolverResults } from '../../src/shared/contract';
import { ApiError, call } from './api';

export type Loaded<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'ready'; data: T }
  | { state: 'error'; data: T | null; error: ApiError };

/**
 * One resolver call bound to a component: loading, ready or error, and `reload`. A newer request
 * always wins over an older one still in flight, so a fast filter change never shows stale rows.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverRequest<K>,
  /** false: make no call (yet); the state stays loading with no data. */
  enabled = true,
): Loaded<ResolverResults[K]> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<ResolverResults[K]>>({ state: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const body = JSON.stringify(payload);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!enabled) return;
    setResult((r) => ({ state: 'loading', data: r.data }));
    call(key, JSON.parse(body) as ResolverRequest<K>).then(
      (data) => {
        if (ticket === latest.current) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error));
        setResult((r) => ({ state: 'error', data: r.data, error: apiError }));
      },
    );
  }, [key, body, attempt, enabled]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
