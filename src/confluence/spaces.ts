import { route } from '@forge/api';
import { z } from 'zod';
import { getJson, type ConfluenceFetch } from './client';

export interface SpaceInfo {
  id: string;
  key: string;
  name: string;
}

const spacesSchema = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]), key: z.string(), name: z.string() })),
  _links: z.object({ base: z.string().optional() }).optional(),
});

/**
 * Spaces by id (REST v2, up to 250 per request), with the site's base URL Confluence sends along.
 * Asked as the user, a space the user cannot see is simply absent.
 */
export async function spacesByIds(
  fetch: ConfluenceFetch,
  ids: readonly string[],
): Promise<{ spaces: SpaceInfo[]; base: string | null }> {
  const spaces: SpaceInfo[] = [];
  let base: string | null = null;
  const wanted = [...new Set(ids.filter((id) => /^\d+$/.test(id)))];
  for (let i = 0; i < wanted.length; i += 250) {
    const batch = wanted.slice(i, i + 250);
    const body = spacesSchema.parse(
      await getJson(fetch, route`/wiki/api/v2/spaces?ids=${batch.join(',')}&limit=250`),
    );
    base = body._links?.base ?? base;
    for (const s of body.results)
      if (batch.includes(String(s.id))) spaces.push({ id: String(s.id), key: s.key, name: s.name });
  }
  return { spaces, base };
}

const userSchema = z.object({ accountId: z.string(), displayName: z.string() });

/**
 * Display names for account ids, one request per person (v1 user), at most `max` people; the
 * others, and anyone Confluence does not answer for, keep their account id as the name.
 */
export async function displayNames(
  fetch: ConfluenceFetch,
  accountIds: readonly string[],
  max = 25,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of [...new Set(accountIds)].slice(0, max)) {
    try {
      const user = userSchema.safeParse(await getJson(fetch, route`/wiki/rest/api/user?accountId=${id}`));
      if (user.success) out.set(id, user.data.displayName);
    } catch {
      // A name is a courtesy: the account id stands in.
    }
  }
  return out;
}

/** A page's address on the site ("<base>/pages/viewpage.action?pageId=…"). */
export function pageUrl(base: string | null, pageId: string): string {
  const root = (base ?? '').replace(/\/+$/, '');
  return `${root}/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;
}
