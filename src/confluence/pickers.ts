import { route } from '@forge/api';
import { z } from 'zod';
import { getJson, type ConfluenceFetch } from './client';
import type { SpaceInfo } from './spaces';

/** REST v2 lists at most 250 spaces per request. */
export const SPACE_BATCH = 250;
/**
 * A name search reads at most this many v2 batches (1,000 spaces) per call, then hands back a cursor:
 * a bounded cost per keystroke however large the site.
 */
export const SPACE_SEARCH_REQUESTS = 4;
/** Spaces per answer when nothing is searched (one v2 request). */
export const SPACE_LIST_LIMIT = 50;

const spaceList = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]), key: z.string(), name: z.string() })),
  _links: z.object({ next: z.string().optional() }).optional(),
});

function nextCursor(next: string | undefined): string | null {
  if (next === undefined) return null;
  return new URL(next, 'https://site.invalid').searchParams.get('cursor');
}

async function spaceBatch(
  fetch: ConfluenceFetch,
  limit: number,
  cursor: string | null,
): Promise<{ spaces: SpaceInfo[]; next: string | null }> {
  const body = spaceList.parse(
    await getJson(
      fetch,
      cursor === null
        ? route`/wiki/api/v2/spaces?limit=${limit}`
        : route`/wiki/api/v2/spaces?limit=${limit}&cursor=${cursor}`,
    ),
  );
  return {
    spaces: body.results.map((s) => ({ id: String(s.id), key: s.key, name: s.name })),
    next: nextCursor(body._links?.next),
  };
}

/**
 * The site's spaces as `fetch` sees them (asked as the user: only spaces they may view), with a
 * cursor to continue. REST v2 rather than CQL: v2 answers exactly the spaces the user can see with
 * their ids, keys and names, while a CQL `title ~` search is a stemmed word match on names only (no
 * keys, no substrings). v2 has no name filter (`keys=` is exact), so a query pages through v2 and
 * filters here — name or key containing the query, case-insensitive — at most
 * SPACE_SEARCH_REQUESTS requests per call.
 */
export async function searchSpaces(
  fetch: ConfluenceFetch,
  query: string | undefined,
  cursor: string | undefined,
): Promise<{ spaces: SpaceInfo[]; nextCursor: string | null }> {
  if (query === undefined) {
    const batch = await spaceBatch(fetch, SPACE_LIST_LIMIT, cursor ?? null);
    return { spaces: batch.spaces, nextCursor: batch.next };
  }
  const needle = query.toLowerCase();
  const found: SpaceInfo[] = [];
  let at: string | null = cursor ?? null;
  for (let i = 0; i < SPACE_SEARCH_REQUESTS; i++) {
    const batch = await spaceBatch(fetch, SPACE_BATCH, at);
    for (const s of batch.spaces)
      if (s.name.toLowerCase().includes(needle) || s.key.toLowerCase().includes(needle)) found.push(s);
    at = batch.next;
    // Enough for a picker, or the end of the list: stop (the cursor continues from here).
    if (at === null || found.length >= SPACE_LIST_LIMIT) break;
  }
  return { spaces: found, nextCursor: at };
}

/** Pages per answer of the page picker. */
export const PAGE_PICK_LIMIT = 25;

const contentList = z.object({ results: z.array(z.object({ id: z.string(), title: z.string() })) });

/** A CQL string literal: backslashes and quotes escaped. */
const cqlString = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * Words of a title search as CQL clauses: letters and digits only (CQL's text search treats most
 * punctuation as operators), each a prefix match, all of them required.
 */
export function titleClauses(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 6).map((w) => `title ~ ${cqlString(`${w}*`)}`);
}

/**
 * Pages of one space (by key: CQL names spaces by key) whose titles match `query`, or the pages with
 * these ids, through the v1 CQL content search. Asked as the user, Confluence leaves out every page
 * they cannot view (restricted pages included); v2's `title=` is an exact match, useless for search.
 */
export async function searchPagesInSpace(
  fetch: ConfluenceFetch,
  spaceKey: string,
  by: { query?: string; ids?: readonly string[] },
): Promise<{ id: string; title: string }[]> {
  const words = by.query === undefined ? [] : titleClauses(by.query);
  // A query of punctuation alone matches no title (rather than listing the whole space).
  if (by.query !== undefined && words.length === 0) return [];
  const clauses = ['type = page', `space = ${cqlString(spaceKey)}`, ...words];
  if (by.ids !== undefined) clauses.push(`id in (${by.ids.filter((id) => /^\d+$/.test(id)).join(', ')})`);
  const cql = clauses.join(' and ');
  const body = contentList.parse(
    await getJson(fetch, route`/wiki/rest/api/content/search?cql=${cql}&limit=${PAGE_PICK_LIMIT}`),
  );
  return body.results.map((p) => ({ id: p.id, title: p.title }));
}
