import { z } from 'zod';
import {
  LABEL_PATTERN,
  SPACE_KEY_PATTERN,
  UNCONFIGURED_SCOPE,
  planScope,
  type ScopePlan,
  type SiteScope,
} from '../../core/scope';
import { listSpaceOverrides, type StoredOverride } from '../../store/repos/scopes';
import type { AppDeps, KeyValue } from '../deps';

/**
 * The site scope is one small document in KVS beside the other install settings (read on every
 * scan start and page edit, written by site admins); per-space overrides are rows in SQL
 * (rg_space_scopes), one per space that changed its own.
 */
export const SITE_SCOPE_KEY = 'scope.site';

const spaceRef = z.object({ id: z.string().regex(/^\d{1,32}$/), key: z.string().regex(SPACE_KEY_PATTERN) });
export const scopeRuleSchema = z.object({
  allPages: z.boolean(),
  labels: z.array(z.string().regex(LABEL_PATTERN)).max(20),
  parentPageIds: z.array(z.string().regex(/^\d{1,32}$/)).max(20),
});
const storedSiteScope = z.object({
  spaces: z.union([z.literal('all'), z.array(spaceRef).max(500)]),
  rule: scopeRuleSchema,
  updatedBy: z.string().nullable(),
  updatedAt: z.number(),
});
export type StoredSiteScope = z.infer<typeof storedSiteScope>;

/** The site scope, or null when no site admin has set one (then every page is in scope). */
export async function readStoredSiteScope(kv: KeyValue): Promise<StoredSiteScope | null> {
  const parsed = storedSiteScope.safeParse(await kv.get(SITE_SCOPE_KEY));
  return parsed.success ? parsed.data : null;
}

export async function readSiteScope(kv: KeyValue): Promise<SiteScope> {
  const stored = await readStoredSiteScope(kv);
  return stored === null ? UNCONFIGURED_SCOPE : { spaces: stored.spaces, rule: stored.rule };
}

export async function writeSiteScope(kv: KeyValue, scope: StoredSiteScope): Promise<void> {
  await kv.set(SITE_SCOPE_KEY, storedSiteScope.parse(scope));
}

export interface CurrentScope {
  site: SiteScope;
  overrides: StoredOverride[];
  plan: ScopePlan;
}

/** Site scope, space overrides and the one query that lists what they cover. */
export async function currentScope(deps: Pick<AppDeps, 'kv' | 'db'>): Promise<CurrentScope> {
  const site = await readSiteScope(deps.kv);
  const overrides = await listSpaceOverrides(deps.db);
  return { site, overrides, plan: planScope(site, overrides) };
}

/** Whether a space is covered at all (chosen by the site admin); paused spaces are still covered. */
export function isCovered(site: SiteScope, spaceId: string): boolean {
  return site.spaces === 'all' || site.spaces.some((s) => s.id === spaceId);
}
