import type { ResolverPayload, SetupInfoView } from '../../shared';
import type { AppDeps } from '../deps';
import { ensureExternalId } from '../settings';
import { setupInfo } from '../setup/setup-info';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';

/** What creating the customer's role needs; the vendor principal and template URL come from the operator's variables. */
export async function getSetupInfo(
  _p: ResolverPayload<'getSetupInfo'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SetupInfoView> {
  await requireSiteAdmin(caller, deps);
  return setupInfo(await ensureExternalId(deps.kv));
}
