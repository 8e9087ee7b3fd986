import type { Route } from '@forge/api';

/**
 * The few Confluence REST calls the backend makes, behind one small interface so services can be
 * tested with fakes and run locally against a pages file. `asUser` calls run with the caller's own
 * permissions (that is what makes them a security check); `asApp` calls see what the app sees.
 */
export interface ConfluenceResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * One HTTP request against the site. Paths are @forge/api `Route`s, built with the `route` template
 * tag, which escapes every interpolated value (no path manipulation through an id).
 */
export type ConfluenceFetch = (
  path: Route,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<ConfluenceResponse>;

export interface ConfluenceRequester {
  asUser(): ConfluenceFetch;
  asApp(): ConfluenceFetch;
}

export class ConfluenceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds from a 429's Retry-After header, when Confluence sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ConfluenceError';
  }
}

export async function getJson(fetch: ConfluenceFetch, path: Route): Promise<unknown> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.status === 429) {
    const retry = Number(response.headers.get('Retry-After'));
    throw new ConfluenceError(
      429,
      'Confluence rate limit',
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  }
  if (response.status < 200 || response.status >= 300) {
    // Only the status goes into the message: bodies may echo page content.
    throw new ConfluenceError(
      response.status,
      `Confluence answered ${response.status} for ${pathOnly(path.value)}`,
    );
  }
  return response.json();
}

function pathOnly(path: string): string {
  return path.split('?')[0] ?? path;
}
