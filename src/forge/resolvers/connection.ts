import { accountOfRoleArn, unguardedMessage, VendorCredentialsError } from '../../aws/sts';
import type { ConnectionTestView, ResolverPayload } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { describeError } from '../log';
import { ensureExternalId } from '../settings';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';
import { vendorNotConfigured } from './settings';

/**
 * Forge gives a resolver 25 s. The checks stop starting at this budget after the call began, so the
 * answer, the audit write and the envelope still fit; what was not reached is reported 'not-tried'.
 */
export const TEST_BUDGET_MS = 17_000;

/** The confused-deputy check and a bounded dry read with a role; nothing is saved. Audited. */
export async function testConnection(
  p: ResolverPayload<'testConnection'>,
  caller: Caller,
  deps: AppDeps,
): Promise<ConnectionTestView> {
  const who = await requireSiteAdmin(caller, deps);
  const started = deps.now();
  const account = accountOfRoleArn(p.roleArn);
  const externalId = await ensureExternalId(deps.kv);
  let tested;
  try {
    tested = await deps.aws.testConnection(
      { account, roleArn: p.roleArn, regions: p.regions },
      externalId,
      deps.installId,
      started + TEST_BUDGET_MS,
    );
  } catch (error) {
    if (error instanceof VendorCredentialsError) {
      await audit(deps, who, p.roleArn, 'failed', 'vendor keys unusable');
      throw vendorNotConfigured(error, deps);
    }
    deps.log.error('connection test failed', { error: describeError(error) });
    await audit(deps, who, p.roleArn, 'failed', 'AWS could not be reached');
    throw new AppError('UPSTREAM_FAILED', 'AWS could not be reached to test the role; try again.');
  }
  const base = { roleArn: p.roleArn, account, durationMs: 0 };
  let view: ConnectionTestView;
  if (!('checks' in tested)) {
    view = {
      ...base,
      role:
        tested.role.status === 'unguarded'
          ? { status: 'unguarded', message: unguardedMessage(tested.role.reason) }
          : {
              status: 'rejected',
              code: tested.role.code,
              message: `The role could not be assumed with this install's External ID (${tested.role.code}).`,
            },
      regions: p.regions ?? [],
      checks: [],
      complete: true,
    };
  } else {
    view = {
      ...base,
      role: { status: 'ok' },
      regions: tested.regions,
      checks: tested.checks,
      complete: tested.checks.every((c) => c.status !== 'not-tried'),
    };
  }
  view.durationMs = deps.now() - started;
  await audit(deps, who, p.roleArn, view.role.status === 'ok' ? 'success' : 'failed', summary(view));
  return view;
}

/** Counts per status (and the role outcome): enough for the log reader, no AWS messages. */
function summary(view: ConnectionTestView): string {
  if (view.role.status !== 'ok') return `account=${view.account} role=${view.role.status}`;
  const counts = new Map<string, number>();
  for (const c of view.checks) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${status}=${n}`).join(' ');
  return `account=${view.account} role=ok ${parts}`.trim();
}

function audit(
  deps: AppDeps,
  who: string,
  roleArn: string,
  outcome: 'success' | 'failed',
  detail: string,
): Promise<void> {
  return appendAudit(
    deps.db,
    { actor: who, action: 'settings.test-connection', target: roleArn, outcome, detail },
    deps.now(),
  );
}
