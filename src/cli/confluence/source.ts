import { z } from 'zod';
import { extractPage, type PageExtraction } from '../../core/extract';
import { UsageError } from '../errors';
import { openCache, type ExtractionCache } from './cache';
import {
  BODY_BATCH,
  cloudFlavour,
  dataCenterFlavour,
  type ConfluenceFlavour,
  type ConfluenceScope,
  type ListedPage,
  type ListedSpace,
} from './flavours';
import { ConfluenceHttp } from './http';

/** The flags `extract`, `scan` and `digest` share to read a site instead of a pages file. */
export const CONFLUENCE_OPTIONS = {
  confluence: { type: 'string' },
  'confluence-type': { type: 'string' },
  space: { type: 'string' },
  label: { type: 'string' },
  cql: { type: 'string' },
  cache: { type: 'string' },
} as const;

export const CONFLUENCE_HELP = `  --confluence URL     Read the pages from a Confluence site instead of a file: Cloud
                       (https://SITE.atlassian.net; credentials RG_CONFLUENCE_EMAIL and
                       RG_CONFLUENCE_API_TOKEN) or Data Center/Server (its base URL; a personal
                       access token in RG_CONFLUENCE_PAT). Credentials come only from the environment.
  --confluence-type T  cloud or data-center (default: cloud for *.atlassian.net, else data-center).
  --space KEYS         Comma-separated space keys to read (needed unless --cql names the scope).
  --label LABEL        Only pages with this label (e.g. runbook).
  --cql QUERY          Only pages this CQL also matches (type = page is added).
  --cache DIR          Keep page versions and extractions here: a re-run fetches and extracts only
                       the pages that changed.`;

export interface ConfluenceValues {
  confluence?: string | undefined;
  'confluence-type'?: string | undefined;
  space?: string | undefined;
  label?: string | undefined;
  cql?: string | undefined;
  cache?: string | undefined;
}

const flagsSchema = z
  .object({
    confluence: z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of a Confluence site' }),
    'confluence-type': z.enum(['cloud', 'data-center'], { error: 'must be cloud or data-center' }).optional(),
    space: z
      .array(
        z
          .string()
          .regex(/^~?[A-Za-z0-9_-]{1,255}$/, 'space keys are letters, digits, _ and - (~ for personal)'),
      )
      .max(500)
      .optional(),
    label: z
      .string()
      .regex(/^[^\s"\\,()]{1,255}$/, 'a label is one word without quotes')
      .optional(),
    cql: z.string().min(1).max(4000).optional(),
    cache: z.string().min(1).optional(),
  })
  .refine((f) => (f.space ?? []).length > 0 || f.cql !== undefined, {
    error: '--confluence needs --space KEYS (or --cql QUERY)',
    path: ['space'],
  });

export interface ConfluenceFlags {
  url: string;
  type: 'cloud' | 'data-center';
  scope: ConfluenceScope;
  cacheDir: string | null;
}

/** Null when --confluence is absent; the other flags without it are a usage error. */
export function parseConfluenceFlags(values: ConfluenceValues, command: string): ConfluenceFlags | null {
  if (values.confluence === undefined) {
    const stray = (['confluence-type', 'space', 'label', 'cql', 'cache'] as const).find(
      (k) => values[k] !== undefined,
    );
    if (stray)
      throw new UsageError(
        `${command}: --${stray} needs --confluence URL (see runbookguard ${command} --help)`,
      );
    return null;
  }
  const parsed = flagsSchema.safeParse({
    ...values,
    space: values.space
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue && issue.path.length > 0 ? `--${String(issue.path[0])}: ` : '';
    throw new UsageError(
      `${command}: ${flag}${issue?.message ?? 'invalid arguments'} (see runbookguard ${command} --help)`,
    );
  }
  const f = parsed.data;
  const url = new URL(f.confluence);
  const cloudHost = url.hostname.endsWith('.atlassian.net');
  const type = f['confluence-type'] ?? (cloudHost ? 'cloud' : 'data-center');
  // Cloud paths start at the origin (/wiki/…); a Data Center base may have a context path.
  const base = type === 'cloud' ? url.origin : `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    url: base,
    type,
    scope: { spaces: f.space ?? [], label: f.label ?? null, cql: f.cql ?? null },
    cacheDir: f.cache ?? null,
  };
}

/** The Authorization header from the environment; the variables are named, their values never shown. */
export function authorizationFromEnv(
  type: ConfluenceFlags['type'],
  env: NodeJS.ProcessEnv,
): { header: string; hint: string } {
  if (type === 'cloud') {
    const email = env.RG_CONFLUENCE_EMAIL;
    const token = env.RG_CONFLUENCE_API_TOKEN;
    if (!email || !token)
      throw new UsageError(
        'reading Confluence Cloud needs RG_CONFLUENCE_EMAIL and RG_CONFLUENCE_API_TOKEN (an Atlassian API token) in the environment',
      );
    return {
      header: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`,
      hint: 'RG_CONFLUENCE_EMAIL and RG_CONFLUENCE_API_TOKEN',
    };
  }
  const pat = env.RG_CONFLUENCE_PAT;
  if (!pat)
    throw new UsageError(
      'reading Confluence Data Center needs a personal access token in RG_CONFLUENCE_PAT in the environment',
    );
  return { header: `Bearer ${pat}`, hint: 'RG_CONFLUENCE_PAT' };
}

export interface SourcedPage {
  page: ListedPage;
  extraction: PageExtraction;
  fromCache: boolean;
}

export interface ConfluenceRead {
  siteUrl: string;
  spaces: ListedSpace[];
  /** Pages in listing order, each extracted (or taken from the cache). */
  pages: AsyncGenerator<SourcedPage>;
  /** Requests sent so far (for the summary line and tests). */
  requests(): number;
}

export interface ConfluenceDeps {
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Called once per page done, with the total once the listing is known. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Opens a site: checks the credentials and the spaces (each problem one line, exit 2), then lists
 * the pages without bodies, and fetches and extracts, in batches, only those the cache does not hold
 * at their current version.
 */
export async function openConfluence(
  flags: ConfluenceFlags,
  env: NodeJS.ProcessEnv,
  deps: ConfluenceDeps = {},
): Promise<ConfluenceRead> {
  const auth = authorizationFromEnv(flags.type, env);
  const http = new ConfluenceHttp({
    baseUrl: flags.url,
    authorization: auth.header,
    credentialsHint: auth.hint,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const flavour: ConfluenceFlavour =
    flags.type === 'cloud' ? cloudFlavour(http) : dataCenterFlavour(http, flags.url);
  const spaces = flags.scope.spaces.length > 0 ? await flavour.resolveSpaces(flags.scope.spaces) : [];
  const cache = flags.cacheDir === null ? null : await openCache(flags.cacheDir, flavour.siteUrl);
  // The listing is metadata only (ids, titles, versions): small even for a large site.
  const listed: ListedPage[] = [];
  const seen = new Set<string>();
  for await (const page of flavour.listPages(flags.scope, spaces)) {
    if (seen.has(page.id)) continue;
    seen.add(page.id);
    listed.push(page);
  }
  return {
    siteUrl: flavour.siteUrl,
    spaces,
    pages: extractAll(listed, flavour, cache, deps.onProgress),
    requests: () => http.requests,
  };
}

async function* extractAll(
  listed: readonly ListedPage[],
  flavour: ConfluenceFlavour,
  cache: ExtractionCache | null,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<SourcedPage> {
  let done = 0;
  for (let i = 0; i < listed.length; i += BODY_BATCH) {
    const batch = listed.slice(i, i + BODY_BATCH);
    const cached = new Map<string, PageExtraction>();
    if (cache)
      for (const page of batch) {
        const hit = await cache.get(page.id, page.version);
        if (hit) cached.set(page.id, hit);
      }
    const missing = batch.filter((p) => !cached.has(p.id)).map((p) => p.id);
    const bodies =
      missing.length > 0
        ? await flavour.fetchBodies(missing)
        : new Map<string, { storage: string; version: number }>();
    for (const page of batch) {
      const hit = cached.get(page.id);
      if (hit) {
        yield { page, extraction: { ...hit, title: page.title }, fromCache: true };
      } else {
        const body = bodies.get(page.id);
        // A page deleted or restricted between listing and fetching is skipped, not guessed at.
        if (body === undefined) continue;
        const extraction = extractPage({
          id: page.id,
          title: page.title,
          version: body.version,
          storage: body.storage,
        });
        if (cache) await cache.put(extraction);
        yield { page: { ...page, version: body.version }, extraction, fromCache: false };
      }
      onProgress?.(++done, listed.length);
    }
  }
}
