import { route } from '@forge/api';
import { z } from 'zod';
import { getJson, type ConfluenceFetch } from './client';

/**
 * One request's worth of in-scope pages, with bodies: every page of the site (REST v2 page list),
 * or only the pages a CQL query selects (REST v1 content search, the one list that filters by
 * label, page tree and space in a single request). Both come back in the same shape.
 */
export interface ListedPage {
  id: string;
  title: string;
  spaceId: string;
  version: number;
  storage: string | null;
  ownerId: string | null;
  lastEditorId: string | null;
}

export interface PageListPage {
  pages: ListedPage[];
  /** The cursor of the next request, null after the last. */
  next: string | null;
}

const account = z.object({ accountId: z.string().nullable().optional() }).nullable().optional();

const v2Schema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      spaceId: z.string(),
      ownerId: z.string().nullable().optional(),
      version: z.object({ number: z.number().int(), authorId: z.string().nullable().optional() }),
      body: z.object({ storage: z.object({ value: z.string() }) }).optional(),
    }),
  ),
  _links: z.object({ next: z.string().optional() }).optional(),
});

const v1Schema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      space: z.object({ id: z.union([z.number(), z.string()]) }),
      version: z.object({ number: z.number().int(), by: account }),
      history: z.object({ ownedBy: account, createdBy: account }).optional(),
      body: z.object({ storage: z.object({ value: z.string() }) }).optional(),
    }),
  ),
  _links: z.object({ next: z.string().optional() }).optional(),
});

export async function listAllPages(
  fetch: ConfluenceFetch,
  cursor: string | null,
  limit: number,
): Promise<PageListPage> {
  const path =
    cursor === null
      ? route`/wiki/api/v2/pages?body-format=storage&status=current&limit=${limit}`
      : route`/wiki/api/v2/pages?body-format=storage&status=current&limit=${limit}&cursor=${cursor}`;
  const list = v2Schema.parse(await getJson(fetch, path));
  return {
    pages: list.results.map((p) => ({
      id: p.id,
      title: p.title,
      spaceId: p.spaceId,
      version: p.version.number,
      storage: p.body?.storage.value ?? null,
      ownerId: p.ownerId ?? null,
      lastEditorId: p.version.authorId ?? null,
    })),
    next: cursorOf(list._links?.next),
  };
}

export async function searchPages(
  fetch: ConfluenceFetch,
  cql: string,
  cursor: string | null,
  limit: number,
  withBody = true,
): Promise<PageListPage> {
  const expand = withBody ? 'body.storage,version,space,history' : 'version,space,history';
  const path =
    cursor === null
      ? route`/wiki/rest/api/content/search?cql=${cql}&limit=${limit}&expand=${expand}`
      : route`/wiki/rest/api/content/search?cql=${cql}&limit=${limit}&expand=${expand}&cursor=${cursor}`;
  const list = v1Schema.parse(await getJson(fetch, path));
  return {
    pages: list.results.map((p) => ({
      id: p.id,
      title: p.title,
      spaceId: String(p.space.id),
      version: p.version.number,
      storage: p.body?.storage.value ?? null,
      ownerId: p.history?.ownedBy?.accountId ?? p.history?.createdBy?.accountId ?? null,
      lastEditorId: p.version.by?.accountId ?? null,
    })),
    next: cursorOf(list._links?.next),
  };
}

const countSchema = z.object({ totalSize: z.number().int().nonnegative() });

/** How many results a CQL query has (one request, one result). */
export async function countCql(fetch: ConfluenceFetch, cql: string): Promise<number> {
  return countSchema.parse(await getJson(fetch, route`/wiki/rest/api/search?cql=${cql}&limit=1`)).totalSize;
}

function cursorOf(next: string | undefined): string | null {
  if (next === undefined) return null;
  return new URL(next, 'https://site.invalid').searchParams.get('cursor');
}
