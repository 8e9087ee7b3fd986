import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { generateExternalId } from '../core/inventory/external-id';
import { mapAwsError } from './errors';

/** One hour: the role template's MaxSessionDuration. */
export const SESSION_SECONDS = 3600;
// Re-assume this long before expiry so no call is signed with credentials about to lapse.
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface AssumeRoleRequest {
  roleArn: string;
  externalId: string | undefined;
  sessionName: string;
}

/** The one STS call we make for a customer, behind an interface tests can fake. */
export interface RoleAssumer {
  assumeRole(request: AssumeRoleRequest): Promise<AwsCredentialIdentity>;
}

/** Why a role was refused before it was ever used. */
export type UnguardedReason = 'no-external-id' | 'any-external-id' | 'vendor-account';

const UNGUARDED_MESSAGES: Record<UnguardedReason, string> = {
  'no-external-id':
    'The role can be assumed without the External ID. Add the sts:ExternalId condition from the RunbookGuard template.',
  'any-external-id':
    "The role can be assumed with a wrong External ID: its trust policy accepts any value (StringLike '*' or a Null test). Require this install's External ID with StringEquals, as the RunbookGuard template does.",
  'vendor-account':
    "The role is in RunbookGuard's own AWS account. Create it in the account RunbookGuard should read.",
};

/** What an admin is told about a refused role (no AWS text, no credentials). */
export function unguardedMessage(reason: UnguardedReason): string {
  return UNGUARDED_MESSAGES[reason];
}

export class ConfusedDeputyError extends Error {
  constructor(
    readonly roleArn: string,
    readonly reason: UnguardedReason = 'no-external-id',
  ) {
    super(`refusing ${roleArn}: ${UNGUARDED_MESSAGES[reason]}`);
    this.name = 'ConfusedDeputyError';
  }
}

/**
 * The vendor's own keys are missing or are not RG_VENDOR_PRINCIPAL_ARN's: nothing is assumed, and
 * the SDK's default credential chain (whatever the host happens to offer) is never tried instead.
 */
export class VendorCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VendorCredentialsError';
  }
}

export class AssumeRoleError extends Error {
  constructor(
    readonly roleArn: string,
    readonly code: string,
    message: string,
  ) {
    super(`cannot assume ${roleArn}: ${code}: ${message}`);
    this.name = 'AssumeRoleError';
  }
}

/** STS session names allow [\w+=,.@-] and 2–64 characters. */
export function sessionNameFor(installId: string): string {
  const cleaned = `runbookguard-${installId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return cleaned.length >= 2 ? cleaned : 'runbookguard';
}

export function stsRoleAssumer(sts: STSClient): RoleAssumer {
  return {
    async assumeRole({ roleArn, externalId, sessionName }) {
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: sessionName,
          DurationSeconds: SESSION_SECONDS,
          ...(externalId === undefined ? {} : { ExternalId: externalId }),
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
        throw new Error('AssumeRole returned no credentials');
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
      };
    },
  };
}

/**
 * Credentials for a customer role as an SDK credential provider. The secret lives only in this
 * closure: it is never returned to callers, stored or logged, and is re-assumed near expiry.
 */
export function roleCredentials(
  assumer: RoleAssumer,
  request: AssumeRoleRequest & { externalId: string },
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | null = null;
  const fresh = (c: AwsCredentialIdentity) =>
    !c.expiration || c.expiration.getTime() - REFRESH_MARGIN_MS > now();
  return async () => {
    if (current) {
      const c = await current.catch(() => null);
      if (c && fresh(c)) return c;
    }
    current = assumer.assumeRole(request).catch((error: unknown) => {
      const e = mapAwsError(error);
      throw new AssumeRoleError(request.roleArn, e.code, e.message);
    });
    return current;
  };
}

/**
 * Connects a customer role the way AWS's confused-deputy guidance asks, refusing it when:
 * - it is in the vendor's own account (its trust would be ours to grant, not the customer's);
 * - it can be assumed WITHOUT the External ID (the trust policy lacks the condition);
 * - it can be assumed with a random WRONG External ID (a condition such as StringLike "*" or
 *   Null "false" that any value passes).
 * Only then is it assumed with the External ID. Returns a credential provider, never credentials.
 */
export async function connectRole(
  assumer: RoleAssumer,
  request: AssumeRoleRequest & { externalId: string },
  /** Null where there is no vendor (the CLI assumes roles with the user's own credentials). */
  vendorAccount: string | null,
  wrongExternalId: () => string = generateExternalId,
): Promise<AwsCredentialIdentityProvider> {
  if (accountOfRoleArn(request.roleArn) === vendorAccount)
    throw new ConfusedDeputyError(request.roleArn, 'vendor-account');
  if (await assumable(assumer, { ...request, externalId: undefined }))
    throw new ConfusedDeputyError(request.roleArn, 'no-external-id');
  let wrong = wrongExternalId();
  while (wrong === request.externalId) wrong = wrongExternalId();
  if (await assumable(assumer, { ...request, externalId: wrong }))
    throw new ConfusedDeputyError(request.roleArn, 'any-external-id');
  const provider = roleCredentials(assumer, request);
  await provider(); // fail now, with a clear error, rather than on the first inventory call
  return provider;
}

/** True when the role can be assumed; false on AccessDenied; anything else means we could not check. */
async function assumable(assumer: RoleAssumer, request: AssumeRoleRequest): Promise<boolean> {
  try {
    await assumer.assumeRole(request);
    return true;
  } catch (error) {
    const e = mapAwsError(error);
    if (e.kind !== 'access-denied') throw new AssumeRoleError(request.roleArn, e.code, e.message);
    return false;
  }
}

/**
 * Who the vendor keys are, checked against the principal customers' roles trust. GetCallerIdentity
 * is the vendor's own call with its own keys: it needs no IAM permission and is never sent with a
 * customer's role, so it adds nothing to the customer's policy. Returns the vendor's account.
 */
export async function verifyVendorIdentity(sts: STSClient, principalArn: string): Promise<string> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account || !out.Arn) throw new VendorCredentialsError('GetCallerIdentity returned no identity');
  if (!samePrincipal(out.Arn, principalArn))
    throw new VendorCredentialsError(
      `the vendor keys belong to ${out.Arn}, not to RG_VENDOR_PRINCIPAL_ARN (${principalArn}): customers' roles trust only that principal`,
    );
  return out.Account;
}

/**
 * An IAM user's keys report the user's own ARN; keys of an assumed role report
 * arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION, which is the role arn:aws:iam::ACCOUNT:role/…/NAME.
 */
export function samePrincipal(callerArn: string, principalArn: string): boolean {
  if (callerArn === principalArn) return true;
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[^/]+$/.exec(callerArn);
  const role = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(principalArn);
  if (!assumed || !role) return false;
  return assumed[1] === role[1] && assumed[2] === role[2] && assumed[3] === role[3];
}

/** The account of the caller's own credentials (needs no IAM permission; vendor side only). */
export async function callerAccount(sts: STSClient): Promise<string> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account || !/^\d{12}$/.test(out.Account))
    throw new Error('GetCallerIdentity returned no account id');
  return out.Account;
}

/** The account id inside a role ARN (arn:aws:iam::123456789012:role/name). */
export function accountOfRoleArn(roleArn: string): string {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):role\/.+$/.exec(roleArn);
  if (!match?.[1]) throw new Error(`not a role ARN: ${roleArn}`);
  return match[1];
}
