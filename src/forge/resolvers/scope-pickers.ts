import { isSiteAdmin, isSpaceAdmin } from '../../confluence/permissions';
import { searchPagesInSpace, searchSpaces as listSpacesAsUser } from '../../confluence/pickers';
import type { ResolverPayload, ResolverResults } from '../../shared';
import type { AppDeps } from '../deps';
import { forbidden } from '../errors';
import { requireSiteAdmin, signedIn } from './access';
import type { Caller } from './dispatch';
import { spaceAsUser } from './scope';

/**
 * The scope pickers: spaces and pages by name, always asked as the caller, so nobody is shown a space
 * or page Confluence would not show them.
 */
export async function searchSpaces(
  p: ResolverPayload<'searchSpaces'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ResolverResults['searchSpaces']> {
  await requireSiteAdmin(caller, deps);
  return listSpacesAsUser(deps.confluence.asUser(), p.query, p.cursor);
}

export async function searchPages(
  p: ResolverPayload<'searchPages'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ResolverResults['searchPages']> {
  signedIn(caller);
  const asUser = deps.confluence.asUser();
  // Space admins pick their space's page trees; site admins may look into any space.
  if (!(await isSpaceAdmin(asUser, p.spaceId)) && !(await isSiteAdmin(asUser)))
    throw forbidden('Only admins of this space can do this.');
  const { space } = await spaceAsUser(deps, p.spaceId);
  const pages = await searchPagesInSpace(asUser, space.key, {
    ...(p.query === undefined ? {} : { query: p.query }),
    ...(p.ids === undefined ? {} : { ids: p.ids }),
  });
  return { pages };
}
