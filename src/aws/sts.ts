import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
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

export class ConfusedDeputyError extends Error {
  constructor(readonly roleArn: string) {
    super(
      `refusing ${roleArn}: it can be assumed without the External ID. Add the sts:ExternalId condition ` +
        '(cfn/runbookguard-role.yaml does) so no one else can make RunbookGuard read this account.',
    );
    this.name = 'ConfusedDeputyError';
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
 * Connects a customer role the way AWS's confused-deputy guidance asks: first try WITHOUT the
 * External ID and refuse if that works (the trust policy lacks the condition), then assume it
 * with the External ID. Returns a credential provider, never the credentials themselves.
 */
export async function connectRole(
  assumer: RoleAssumer,
  request: AssumeRoleRequest & { externalId: string },
): Promise<AwsCredentialIdentityProvider> {
  let unguarded = false;
  try {
    await assumer.assumeRole({ ...request, externalId: undefined });
    unguarded = true;
  } catch (error) {
    const e = mapAwsError(error);
    // Denied is the answer we want; anything else means we could not check, so we do not connect.
    if (e.kind !== 'access-denied') throw new AssumeRoleError(request.roleArn, e.code, e.message);
  }
  if (unguarded) throw new ConfusedDeputyError(request.roleArn);
  const provider = roleCredentials(assumer, request);
  await provider(); // fail now, with a clear error, rather than on the first inventory call
  return provider;
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
