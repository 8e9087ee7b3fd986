import { z } from 'zod';
import { UsageError } from '../errors';
import { ConfluenceStatusError, type ConfluenceHttp } from './http';

/** A page as listed (no body): enough to decide whether the cache still holds its extraction. */
export interface ListedPage {
  id: string;
  title: string;
  version: number;
  spaceId: string | null;
  /** The page's web UI path under the site's base URL, when Confluence gives one. */
  webui: string | null;
}

export interface ListedSpace {
  id: string;
  key: string;
  name: string;
}

/** What to read: spaces by key, and optionally a label and a CQL restriction. */
export interface ConfluenceScope {
  spaces: string[];
  label: string | null;
  cql: string | null;
}

/** How one kind of Confluence lists pages and serves their bodies. */
export interface ConfluenceFlavour {
  /** The site URL page links start with (Cloud: …/wiki). */
  readonly siteUrl: string;
  resolveSpaces(keys: readonly string[]): Promise<ListedSpace[]>;
  listPages(scope: ConfluenceScope, spaces: readonly ListedSpace[]): AsyncGenerator<ListedPage>;
  /** Storage bodies by page id, for one batch of ids (at most BODY_BATCH). */
  fetchBodies(ids: readonly string[]): Promise<Map<string, { storage: string; version: number }>>;
}

/** Ids per body request: small enough that one answer stays well under the response bound. */
export const BODY_BATCH = 50;

const id = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);
const title = z.string().max(1000);
const storage = z.string().max(64 * 1024 * 1024);
const nextLink = z.string().max(8192).optional();
const space = z.object({ id, key: z.string().min(1).max(255), name: z.string().max(1000) });

/** Builds the CQL for a scope: pages only, in the spaces, with the label, within the user's CQL. */
export function scopeCql(scope: ConfluenceScope): string {
  const clauses = ['type = page'];
  if (scope.spaces.length > 0) clauses.push(`space in (${scope.spaces.map((k) => `"${k}"`).join(', ')})`);
  if (scope.label !== null) clauses.push(`label = "${scope.label}"`);
  if (scope.cql !== null) clauses.push(`(${scope.cql})`);
  return clauses.join(' and ');
}

function unknownSpaces(keys: readonly string[], found: readonly ListedSpace[], origin: string): void {
  const missing = keys.filter((k) => !found.some((s) => s.key === k));
  if (missing.length > 0)
    throw new UsageError(
      `--space: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not a space on ${origin} (or not visible to this account)`,
    );
}

// ---- Confluence Cloud: REST v2 with cursors; CQL through v1 content search (v2 has no CQL).

const v2PageList = z.object({
  results: z
    .array(
      z.object({
        id,
        title,
        spaceId: id.optional(),
        version: z.object({ number: z.number().int().nonnegative() }),
        body: z.object({ storage: z.object({ value: storage }).optional() }).optional(),
        _links: z.object({ webui: z.string().max(4096).optional() }).optional(),
      }),
    )
    .max(1000),
  _links: z.object({ next: nextLink }).optional(),
});
const v2SpaceList = z.object({
  results: z.array(space).max(1000),
  _links: z.object({ next: nextLink }).optional(),
});
const v1ContentList = z.object({
  results: z
    .array(
      z.object({
        id,
        title,
        version: z.object({ number: z.number().int().nonnegative() }),
        space: z.object({ id: id.optional(), key: z.string().max(255).optional() }).optional(),
        body: z.object({ storage: z.object({ value: storage }).optional() }).optional(),
        _links: z.object({ webui: z.string().max(4096).optional() }).optional(),
      }),
    )
    .max(1000),
  start: z.number().int().nonnegative().optional(),
  limit: z.number().int().nonnegative().optional(),
  size: z.number().int().nonnegative().optional(),
  _links: z.object({ next: nextLink }).optional(),
});

/** Cloud v1 next links are relative to the /wiki base. */
const underWiki = (link: string): string => (link.startsWith('/wiki/') ? link : `/wiki${link}`);

export function cloudFlavour(http: ConfluenceHttp): ConfluenceFlavour {
  return {
    siteUrl: `${http.origin}/wiki`,
    async resolveSpaces(keys) {
      const found: ListedSpace[] = [];
      let next: string | undefined =
        `/wiki/api/v2/spaces?keys=${keys.map(encodeURIComponent).join(',')}&limit=250`;
      while (next !== undefined) {
        const answer: z.output<typeof v2SpaceList> = await getOr404(
          http,
          next,
          v2SpaceList,
          'the space list',
          () => unknownSite(http.origin, 'Confluence Cloud'),
        );
        found.push(...answer.results);
        next = answer._links?.next;
      }
      unknownSpaces(keys, found, http.origin);
      return found.filter((s) => keys.includes(s.key));
    },
    async *listPages(scope, spaces) {
      if (scope.label === null && scope.cql === null) {
        const spaceIds = spaces.map((s) => s.id).join(',');
        let next: string | undefined = `/wiki/api/v2/pages?space-id=${spaceIds}&status=current&limit=250`;
        while (next !== undefined) {
          const answer: z.output<typeof v2PageList> = await http.getJson(next, v2PageList, 'the page list');
          for (const p of answer.results)
            yield {
              id: p.id,
              title: p.title,
              version: p.version.number,
              spaceId: p.spaceId ?? null,
              webui: p._links?.webui ?? null,
            };
          next = answer._links?.next;
        }
        return;
      }
      const keyToId = new Map(spaces.map((s) => [s.key, s.id]));
      let next: string | undefined =
        `/wiki/rest/api/content/search?cql=${encodeURIComponent(scopeCql(scope))}&expand=version,space&limit=200`;
      while (next !== undefined) {
        const answer: z.output<typeof v1ContentList> = await http.getJson(
          next,
          v1ContentList,
          'the CQL search',
        );
        for (const p of answer.results)
          yield {
            id: p.id,
            title: p.title,
            version: p.version.number,
            spaceId: p.space?.id ?? keyToId.get(p.space?.key ?? '') ?? null,
            webui: p._links?.webui ?? null,
          };
        next = answer._links?.next === undefined ? undefined : underWiki(answer._links.next);
      }
    },
    async fetchBodies(ids) {
      const bodies = new Map<string, { storage: string; version: number }>();
      let next: string | undefined = `/wiki/api/v2/pages?id=${ids.join(',')}&body-format=storage&limit=250`;
      while (next !== undefined) {
        const answer: z.output<typeof v2PageList> = await http.getJson(next, v2PageList, 'page bodies');
        for (const p of answer.results)
          bodies.set(p.id, { storage: p.body?.storage?.value ?? '', version: p.version.number });
        next = answer._links?.next;
      }
      return bodies;
    },
  };
}

// ---- Confluence Data Center / Server: REST v1 with start/limit paging.

const v1Space = space;
/** Data Center caps a content search with the body expanded at 50 results, others at 200. */
const LIST_LIMIT = 200;

export function dataCenterFlavour(http: ConfluenceHttp, baseUrl: string): ConfluenceFlavour {
  async function* paged(
    path: string,
    what: string,
  ): AsyncGenerator<z.output<typeof v1ContentList>['results'][number]> {
    let start = 0;
    for (;;) {
      const answer = await http.getJson(`${path}&start=${start}&limit=${LIST_LIMIT}`, v1ContentList, what);
      yield* answer.results;
      const size = answer.size ?? answer.results.length;
      if (answer._links?.next === undefined || size === 0) return;
      start += size;
    }
  }
  const listed = (p: z.output<typeof v1ContentList>['results'][number]): ListedPage => ({
    id: p.id,
    title: p.title,
    version: p.version.number,
    spaceId: p.space?.id ?? null,
    webui: p._links?.webui ?? null,
  });
  return {
    siteUrl: baseUrl,
    async resolveSpaces(keys) {
      const found: ListedSpace[] = [];
      for (const key of keys) {
        try {
          found.push(
            await http.getJson(`/rest/api/space/${encodeURIComponent(key)}`, v1Space, `space ${key}`),
          );
        } catch (error) {
          if (error instanceof ConfluenceStatusError && error.status === 404) continue;
          throw error;
        }
      }
      if (found.length === 0 && keys.length > 0) await probeSite(http);
      unknownSpaces(keys, found, http.origin);
      return found;
    },
    async *listPages(scope, spaces) {
      if (scope.label === null && scope.cql === null) {
        for (const s of spaces)
          for await (const p of paged(
            `/rest/api/content?spaceKey=${encodeURIComponent(s.key)}&type=page&status=current&expand=version,space`,
            `the pages of space ${s.key}`,
          ))
            yield { ...listed(p), spaceId: p.space?.id ?? s.id };
        return;
      }
      for await (const p of paged(
        `/rest/api/content/search?cql=${encodeURIComponent(scopeCql(scope))}&expand=version,space`,
        'the CQL search',
      ))
        yield listed(p);
    },
    async fetchBodies(ids) {
      const bodies = new Map<string, { storage: string; version: number }>();
      const cql = encodeURIComponent(`id in (${ids.join(',')})`);
      const answer = await http.getJson(
        `/rest/api/content/search?cql=${cql}&expand=body.storage,version&start=0&limit=${BODY_BATCH}`,
        v1ContentList,
        'page bodies',
      );
      for (const p of answer.results)
        bodies.set(p.id, { storage: p.body?.storage?.value ?? '', version: p.version.number });
      return bodies;
    },
  };
}

/** Every space was a 404: a wrong URL answers 404 for anything, so tell that apart first. */
async function probeSite(http: ConfluenceHttp): Promise<void> {
  try {
    await http.getJson(
      '/rest/api/space?limit=1',
      z.object({ results: z.array(z.unknown()).max(1) }),
      'the space list',
    );
  } catch (error) {
    if (error instanceof ConfluenceStatusError && error.status === 404)
      throw unknownSite(http.origin, 'Confluence Data Center');
    throw error;
  }
}

function unknownSite(origin: string, kind: string): UsageError {
  return new UsageError(
    `${origin} does not answer as ${kind} (HTTP 404 on its REST API): check --confluence and --confluence-type`,
  );
}

async function getOr404<S extends z.ZodType>(
  http: ConfluenceHttp,
  path: string,
  schema: S,
  what: string,
  on404: () => UsageError,
): Promise<z.output<S>> {
  try {
    return await http.getJson(path, schema, what);
  } catch (error) {
    if (error instanceof ConfluenceStatusError && error.status === 404) throw on404();
    throw error;
  }
}
