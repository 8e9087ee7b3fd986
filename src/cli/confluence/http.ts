import type { z } from 'zod';
import { UsageError } from '../errors';

/** Largest response body read; a page list of 250 pages of a few MB each fits, a runaway does not. */
export const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;
/** 429s retried before giving up, and the longest Retry-After we wait for. */
export const MAX_RATE_LIMIT_RETRIES = 5;
export const MAX_RETRY_AFTER_SECONDS = 120;
const REQUEST_TIMEOUT_MS = 60_000;

export interface ConfluenceHttpOptions {
  /** The site's origin and context path (no trailing slash), e.g. https://acme.atlassian.net. */
  baseUrl: string;
  /** The Authorization header value; never logged, never part of an error message. */
  authorization: string;
  /** Which environment variables hold the credentials, for the bad-credentials message. */
  credentialsHint: string;
  fetchImpl?: typeof fetch;
  /** How a Retry-After wait is spent (tests record it instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds (a number, or an HTTP date); missing or unreadable means 1 s. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * GETs JSON from one Confluence site: the credentials go only to that origin, 429s wait for
 * Retry-After (bounded), and every failure becomes one UsageError line (exit 2) that names the
 * problem — bad credentials, a URL that is not Confluence, a rate limit — never the token.
 */
export class ConfluenceHttp {
  readonly origin: string;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  requests = 0;

  constructor(private readonly options: ConfluenceHttpOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
      throw new UsageError(`--confluence: ${options.baseUrl} must use https (credentials are sent to it)`);
    this.origin = url.origin;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** `pathAndQuery` is relative to the base URL, or an absolute path on the same origin (next links). */
  async getJson<S extends z.ZodType>(pathAndQuery: string, schema: S, what: string): Promise<z.output<S>> {
    const url = this.resolve(pathAndQuery);
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(url);
      if (response.status === 429) {
        const wait = retryAfterSeconds(response.headers.get('retry-after'));
        await response.body?.cancel();
        if (attempt >= MAX_RATE_LIMIT_RETRIES || wait > MAX_RETRY_AFTER_SECONDS)
          throw new UsageError(
            `Confluence is rate-limiting these requests (HTTP 429, Retry-After ${wait} s, ${attempt} retries): try again later`,
          );
        await this.sleep(wait * 1000);
        continue;
      }
      const text = await readBounded(response, url);
      if (response.status === 401)
        throw new UsageError(
          `Confluence rejected the credentials (HTTP 401 from ${this.origin}): check ${this.options.credentialsHint}`,
        );
      if (response.status === 403)
        throw new UsageError(
          `Confluence refused access to ${what} (HTTP 403 from ${this.origin}): the account needs permission to view it`,
        );
      if (!response.ok) throw new ConfluenceStatusError(response.status, what, this.origin);
      let document: unknown;
      try {
        document = JSON.parse(text) as unknown;
      } catch {
        throw new UsageError(
          `${this.origin} answered ${what} with something that is not JSON: is --confluence the site's base URL?`,
        );
      }
      const parsed = schema.safeParse(document);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(
          `Confluence answered ${what} in an unexpected shape (${issue ? `${issue.path.join('.') || 'top'}: ${issue.message}` : 'invalid'}): is --confluence-type right?`,
        );
      }
      return parsed.data;
    }
  }

  private resolve(pathAndQuery: string): URL {
    const base = new URL(this.options.baseUrl);
    const basePath = base.pathname.replace(/\/+$/, '');
    // Next links are absolute paths, with or without the context path.
    const relative = pathAndQuery.startsWith(basePath + '/') ? pathAndQuery : `${basePath}${pathAndQuery}`;
    const url = new URL(relative, base.origin);
    if (url.origin !== this.origin)
      throw new UsageError(`Confluence sent a link to another site: ${url.origin}`);
    return url;
  }

  private async send(url: URL): Promise<Response> {
    this.requests++;
    try {
      return await this.fetchImpl(url, {
        headers: { Accept: 'application/json', Authorization: this.options.authorization },
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason =
        cause ?? ((error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message);
      throw new UsageError(`cannot reach Confluence at ${this.origin} (${reason}): check --confluence`);
    }
  }
}

/** A non-2xx answer other than 401/403/429: the caller may know better what it means (404 space). */
export class ConfluenceStatusError extends UsageError {
  constructor(
    readonly status: number,
    what: string,
    origin: string,
  ) {
    super(
      status === 404
        ? `${origin} has no ${what} (HTTP 404): is --confluence the site's base URL, and --confluence-type right?`
        : `Confluence answered ${what} with HTTP ${status} (${origin})`,
    );
  }
}

async function readBounded(response: Response, url: URL): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw new UsageError(`Confluence answer from ${url.pathname} is larger than ${MAX_RESPONSE_BYTES} bytes`);
  }
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new UsageError(
        `Confluence answer from ${url.pathname} is larger than ${MAX_RESPONSE_BYTES} bytes`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
