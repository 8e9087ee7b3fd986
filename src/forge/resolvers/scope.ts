import { route } from '@forge/api';
import { z } from 'zod';
import { getJson } from '../../confluence/client';
import { countCql } from '../../confluence/page-list';
import { isSpaceAdmin } from '../../confluence/permissions';
import { spacesByIds, type SpaceInfo } from '../../confluence/spaces';
import {
  DEFAULT_LABELS,
  describeRule,
  describeScope,
  planScope,
  type ScopePlan,
  type SiteScope,
  type SpaceOverride,
  type SpaceRef,
} from '../../core/scope';
import type { ResolverPayload, ScopePreview, ScopeView, SpaceScopeView } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import { getSpaceOverride, listSpaceOverrides, saveSpaceOverride } from '../../store/repos/scopes';
import type { AppDeps } from '../deps';
import { AppError, forbidden } from '../errors';
import { currentScope, isCovered, readStoredSiteScope, writeSiteScope } from '../scope/store';
import { requireSiteAdmin, signedIn } from './access';
import type { Caller } from './dispatch';

/** Admins of this space only, checked as the caller (the space page's own rule). */
export async function requireAdminOfSpace(caller: Caller, deps: AppDeps, spaceId: string): Promise<string> {
  const who = signedIn(caller);
  if (!(await isSpaceAdmin(deps.confluence.asUser(), spaceId)))
    throw forbidden('Only admins of this space can do this.');
  return who;
}

/** The space as the caller sees it (name and key); NOT_FOUND when Confluence shows them none. */
export async function spaceAsUser(
  deps: AppDeps,
  spaceId: string,
): Promise<{ space: SpaceInfo; base: string | null }> {
  const { spaces, base } = await spacesByIds(deps.confluence.asUser(), [spaceId]);
  const space = spaces[0];
  if (space === undefined) throw new AppError('NOT_FOUND', 'No such space.');
  return { space, base };
}

export async function getScope(
  _p: ResolverPayload<'getScope'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ScopeView> {
  await requireSiteAdmin(caller, deps);
  return scopeView(deps);
}

async function scopeView(deps: AppDeps): Promise<ScopeView> {
  const stored = await readStoredSiteScope(deps.kv);
  const { site, overrides } = await currentScope(deps);
  return {
    configured: stored !== null,
    spaces: site.spaces,
    rule: site.rule,
    defaultLabels: [...DEFAULT_LABELS],
    overrides,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** Space ids → refs with their keys (CQL names spaces by key), as the app sees them. */
async function resolveSpaces(deps: AppDeps, ids: readonly string[]): Promise<SpaceRef[]> {
  const { spaces } = await spacesByIds(deps.confluence.asApp(), ids);
  const byId = new Map(spaces.map((s) => [s.id, s]));
  return ids.map((id) => {
    const s = byId.get(id);
    if (s === undefined) throw new AppError('INVALID_PAYLOAD', `spaces: no space with id ${id}`);
    return { id, key: s.key };
  });
}

async function siteFrom(deps: AppDeps, p: ResolverPayload<'saveSiteScope'>): Promise<SiteScope> {
  return { spaces: p.spaces === 'all' ? 'all' : await resolveSpaces(deps, p.spaces), rule: p.rule };
}

export async function saveSiteScope(
  p: ResolverPayload<'saveSiteScope'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ScopeView> {
  const who = await requireSiteAdmin(caller, deps);
  const site = await siteFrom(deps, p);
  const now = deps.now();
  await writeSiteScope(deps.kv, { ...site, updatedBy: who, updatedAt: now });
  const spaces = site.spaces === 'all' ? 'all spaces' : `${site.spaces.length} chosen spaces`;
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: 'scope.site.save',
      target: null,
      outcome: 'success',
      detail: `${spaces}: ${describeRule(site.rule)} (from the next scan)`,
    },
    now,
  );
  return scopeView(deps);
}

async function countPlan(deps: AppDeps, plan: ScopePlan): Promise<number> {
  if (plan.kind === 'nothing') return 0;
  return countCql(deps.confluence.asApp(), plan.kind === 'cql' ? plan.cql : 'type = page');
}

async function countSpaces(
  deps: AppDeps,
  site: SiteScope,
  overrides: readonly SpaceOverride[],
): Promise<number> {
  const paused = new Set(overrides.filter((o) => o.paused).map((o) => o.space.id));
  if (site.spaces !== 'all') return site.spaces.filter((s) => !paused.has(s.id)).length;
  return Math.max(0, (await countCql(deps.confluence.asApp(), 'type = space')) - paused.size);
}

export async function previewScope(
  p: ResolverPayload<'previewScope'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ScopePreview> {
  await requireSiteAdmin(caller, deps);
  const site = p.site === undefined ? (await currentScope(deps)).site : await siteFrom(deps, p.site);
  const overrides = await listSpaceOverrides(deps.db);
  const plan = planScope(site, overrides);
  const pages = await countPlan(deps, plan);
  const spaces = await countSpaces(deps, site, overrides);
  return { pages, spaces, description: describeScope(site, overrides, { pages, spaces }) };
}

export async function getSpaceScope(
  p: ResolverPayload<'getSpaceScope'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SpaceScopeView> {
  await requireAdminOfSpace(caller, deps, p.spaceId);
  return spaceScopeView(deps, p.spaceId);
}

async function spaceScopeView(deps: AppDeps, spaceId: string): Promise<SpaceScopeView> {
  const { space } = await spaceAsUser(deps, spaceId);
  const { site } = await currentScope(deps);
  const own = await getSpaceOverride(deps.db, spaceId);
  const covered = isCovered(site, spaceId);
  const ref = { id: space.id, key: space.key };
  // This space alone, under the site rule and its own setting: the count its admins see.
  const plan = covered
    ? planScope({ spaces: [ref], rule: site.rule }, own === null ? [] : [{ ...own, space: ref }])
    : ({ kind: 'nothing' } as const);
  const pages = await countPlan(deps, plan);
  const rule = own?.rule ?? site.rule;
  const words = !covered
    ? 'not covered: a site admin chooses which spaces RunbookGuard checks'
    : own?.paused === true
      ? 'paused: no page of this space is checked'
      : `${pages.toLocaleString('en-US')} ${pages === 1 ? 'page' : 'pages'} in scope: ${describeRule(rule)}`;
  return {
    space,
    covered,
    paused: own?.paused ?? false,
    rule: own?.rule ?? null,
    siteRule: site.rule,
    pages,
    description: words,
    updatedBy: own?.updatedBy ?? null,
    updatedAt: own?.updatedAt ?? null,
  };
}

const pageSpaces = z.object({ results: z.array(z.object({ id: z.string(), spaceId: z.string() })) });

export async function saveSpaceScope(
  p: ResolverPayload<'saveSpaceScope'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SpaceScopeView> {
  const who = await requireAdminOfSpace(caller, deps, p.spaceId);
  const { space } = await spaceAsUser(deps, p.spaceId);
  const { site } = await currentScope(deps);
  if (!isCovered(site, p.spaceId))
    throw new AppError(
      'INVALID_PAYLOAD',
      'This space is not covered by RunbookGuard; a site admin chooses which spaces are.',
    );
  const parents = p.rule?.parentPageIds ?? [];
  if (parents.length > 0) {
    // A page tree must be a page of this space the admin can see: never another space's tree.
    const found = pageSpaces.parse(
      await getJson(deps.confluence.asUser(), route`/wiki/api/v2/pages?id=${parents.join(',')}&limit=250`),
    );
    for (const id of parents)
      if (!found.results.some((r) => r.id === id && r.spaceId === p.spaceId))
        throw new AppError('INVALID_PAYLOAD', `rule.parentPageIds: page ${id} is not a page of this space`);
  }
  const now = deps.now();
  await saveSpaceOverride(
    deps.db,
    { space: { id: space.id, key: space.key }, paused: p.paused, rule: p.rule },
    who,
    now,
  );
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: 'scope.space.save',
      target: p.spaceId,
      outcome: 'success',
      detail: p.paused
        ? 'paused (from the next scan)'
        : `${p.rule === null ? 'site default' : describeRule(p.rule)} (from the next scan)`,
    },
    now,
  );
  return spaceScopeView(deps, p.spaceId);
}
