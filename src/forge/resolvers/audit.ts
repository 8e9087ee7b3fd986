import type { AuditView, ResolverPayload } from '../../shared';
import { listAudit } from '../../store/repos/audit';
import type { AppDeps } from '../deps';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';

export async function listAuditLog(
  p: ResolverPayload<'listAuditLog'>,
  caller: Caller,
  deps: AppDeps,
): Promise<{ entries: AuditView[]; nextBeforeId: number | null }> {
  await requireSiteAdmin(caller, deps);
  const entries = await listAudit(deps.db, {
    limit: p.limit,
    ...(p.beforeId === undefined ? {} : { beforeId: p.beforeId }),
  });
  const last = entries[entries.length - 1];
  return { entries, nextBeforeId: entries.length === p.limit && last !== undefined ? last.id : null };
}
