import { route, type Route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError, getJson, type ConfluenceFetch } from './client';

/**
 * Permission checks made as the calling user. Display conditions only hide UI; these are the
 * checks that secure the resolvers. Each one fails closed: any error means "no".
 */
const operationsSchema = z.object({
  operations: z
    .array(z.object({ operation: z.string(), targetType: z.string() }))
    .optional()
    .default([]),
});

/** Confluence site (application) admins: the user's global operations include administer/application. */
export async function isSiteAdmin(asUser: ConfluenceFetch): Promise<boolean> {
  const body = await getOrNull(asUser, route`/wiki/rest/api/user/current?expand=operations`);
  const parsed = operationsSchema.safeParse(body);
  if (!parsed.success) return false;
  return parsed.data.operations.some((o) => o.operation === 'administer' && o.targetType === 'application');
}

const v2OperationsSchema = z.object({
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() })).default([]),
});

/** Space admins: the permitted operations on the space include administer/space. */
export async function isSpaceAdmin(asUser: ConfluenceFetch, spaceId: string): Promise<boolean> {
  if (!/^\d+$/.test(spaceId)) return false;
  const body = await getOrNull(asUser, route`/wiki/api/v2/spaces/${spaceId}/operations`);
  const parsed = v2OperationsSchema.safeParse(body);
  if (!parsed.success) return false;
  return parsed.data.operations.some((o) => o.operation === 'administer' && o.targetType === 'space');
}

const pageIdsSchema = z.object({ results: z.array(z.object({ id: z.string() })) });
/** Confluence's v2 page list accepts up to 250 ids per request. */
export const VIEW_CHECK_BATCH = 250;

/**
 * Which of these pages the user may view, in batches: Confluence's page list, asked as the user,
 * leaves out every page the user cannot see (restricted pages included).
 */
export async function viewablePageIds(
  asUser: ConfluenceFetch,
  pageIds: readonly string[],
): Promise<Set<string>> {
  const visible = new Set<string>();
  const ids = [...new Set(pageIds.filter((id) => /^\d+$/.test(id)))];
  for (let i = 0; i < ids.length; i += VIEW_CHECK_BATCH) {
    const batch = ids.slice(i, i + VIEW_CHECK_BATCH);
    const body = await getOrNull(
      asUser,
      route`/wiki/api/v2/pages?id=${batch.join(',')}&limit=${VIEW_CHECK_BATCH}`,
    );
    const parsed = pageIdsSchema.safeParse(body);
    if (!parsed.success) continue;
    for (const page of parsed.data.results) if (batch.includes(page.id)) visible.add(page.id);
  }
  return visible;
}

async function getOrNull(fetch: ConfluenceFetch, path: Route): Promise<unknown> {
  try {
    return await getJson(fetch, path);
  } catch (error) {
    // Rate limits are not a "no": let the caller answer RATE_LIMITED instead of FORBIDDEN.
    if (error instanceof ConfluenceError && error.status === 429) throw error;
    return null;
  }
}
