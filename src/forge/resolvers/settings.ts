import {
  accountOfRoleArn,
  AssumeRoleError,
  ConfusedDeputyError,
  unguardedMessage,
  VendorCredentialsError,
} from '../../aws/sts';
import type { ResolverPayload, SettingsView } from '../../shared';
import { appendAudit } from '../../store/repos/audit';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { describeError } from '../log';
import { ensureExternalId, readSettings, writeSettings, type Settings } from '../settings';
import type { Caller } from './dispatch';
import { requireSiteAdmin } from './access';

function view(externalId: string, settings: Settings): SettingsView {
  return {
    externalId,
    accounts: settings.accounts.map(({ account, roleArn, regions, connectedAt }) => ({
      account,
      roleArn,
      regions,
      connectedAt,
    })),
  };
}

export async function getSettings(
  _p: ResolverPayload<'getSettings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SettingsView> {
  await requireSiteAdmin(caller, deps);
  return view(await ensureExternalId(deps.kv), await readSettings(deps.kv));
}

/**
 * Replaces the connected accounts. A role not connected before must pass the confused-deputy check
 * (refused if assumable without our External ID) and a real AssumeRole with it; roles already
 * connected keep their connection. Success and refusal are both audited (account ids only).
 */
export async function saveSettings(
  payload: ResolverPayload<'saveSettings'>,
  caller: Caller,
  deps: AppDeps,
): Promise<SettingsView> {
  const who = await requireSiteAdmin(caller, deps);
  const externalId = await ensureExternalId(deps.kv);
  const current = await readSettings(deps.kv);
  const now = deps.now();
  const next: Settings = { accounts: [] };
  for (const wanted of payload.accounts) {
    const before = current.accounts.find((a) => a.roleArn === wanted.roleArn);
    if (before === undefined) {
      try {
        await deps.aws.connect(wanted.roleArn, externalId, deps.installId);
      } catch (error) {
        await appendAudit(
          deps.db,
          {
            actor: who,
            action: 'settings.connect',
            target: wanted.roleArn,
            outcome: 'failed',
            detail: rejection(error),
          },
          now,
        );
        if (error instanceof ConfusedDeputyError || error instanceof AssumeRoleError)
          throw new AppError('AWS_ROLE_REJECTED', rejection(error));
        if (error instanceof VendorCredentialsError) throw vendorNotConfigured(error, deps);
        deps.log.error('role connection failed', { error: describeError(error) });
        throw new AppError('UPSTREAM_FAILED', 'AWS could not be reached to check the role; try again.');
      }
    }
    next.accounts.push({
      account: accountOfRoleArn(wanted.roleArn),
      roleArn: wanted.roleArn,
      regions: wanted.regions,
      connectedAt: before?.connectedAt ?? now,
      connectedBy: before?.connectedBy ?? who,
    });
  }
  await writeSettings(deps.kv, next);
  await appendAudit(
    deps.db,
    {
      actor: who,
      action: 'settings.save',
      target: null,
      outcome: 'success',
      detail: `accounts=${next.accounts.map((a) => a.account).join(',') || 'none'}`,
    },
    now,
  );
  return view(externalId, next);
}

function rejection(error: unknown): string {
  if (error instanceof ConfusedDeputyError) return unguardedMessage(error.reason);
  if (error instanceof VendorCredentialsError) return "RunbookGuard's own AWS keys are not usable.";
  if (error instanceof AssumeRoleError)
    return `The role could not be assumed with this install's External ID (${error.code}).`;
  return 'The role could not be checked.';
}

/** The operator's configuration, not the customer's role: said plainly, the detail only in the log. */
export function vendorNotConfigured(error: VendorCredentialsError, deps: AppDeps): AppError {
  deps.log.error('vendor AWS keys unusable', { error: error.message });
  return new AppError(
    'NOT_CONFIGURED',
    "RunbookGuard's own AWS keys are missing or are not the principal your role trusts; the app's operator must fix its configuration. Nothing was assumed.",
  );
}
