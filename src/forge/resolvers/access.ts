import { isSiteAdmin, isSpaceAdmin } from '../../confluence/permissions';
import type { AppDeps } from '../deps';
import { forbidden } from '../errors';
import type { Caller } from './dispatch';

/** The caller's account id, or FORBIDDEN for anonymous invocations. */
export function signedIn(caller: Caller): string {
  if (caller.accountId === null) throw forbidden('Sign in to use RunbookGuard.');
  return caller.accountId;
}

/** Site admins only, checked as the caller (UI display conditions secure nothing). */
export async function requireSiteAdmin(caller: Caller, deps: AppDeps): Promise<string> {
  const who = signedIn(caller);
  if (!(await isSiteAdmin(deps.confluence.asUser())))
    throw forbidden('Only Confluence site admins can do this.');
  return who;
}

export async function requireSpaceAdmin(caller: Caller, deps: AppDeps, spaceId: string): Promise<string> {
  const who = signedIn(caller);
  if (!(await isSpaceAdmin(deps.confluence.asUser(), spaceId)))
    throw forbidden("Only admins of this page's space can change a finding.");
  return who;
}
