import { STSClient } from '@aws-sdk/client-sts';
import { collectInventory } from '../aws/collector';
import { probeAccount, type ProbeResult } from '../aws/probe';
import {
  AssumeRoleError,
  ConfusedDeputyError,
  connectRole,
  roleCredentials,
  sessionNameFor,
  stsRoleAssumer,
  VendorCredentialsError,
  verifyVendorIdentity,
  type UnguardedReason,
} from '../aws/sts';
import type { InventorySnapshot } from '../core/inventory/snapshot';
import { readSecret } from './secrets';

/** One connected customer account, as settings store it. */
export interface AccountSetting {
  account: string;
  roleArn: string;
  /** Regions to read; null: every region the account has enabled. */
  regions: string[] | null;
}

/** A connection test: the role check, then (only when it passed) one bounded read per service and region. */
export type ConnectionTest =
  | ({ role: { status: 'ok' } } & ProbeResult)
  | {
      role:
        | { status: 'unguarded'; reason: UnguardedReason }
        | { status: 'rejected'; code: string; message: string };
    };

/** AWS as the job and the settings resolver see it. */
export interface AwsPort {
  /** The confused-deputy check, then AssumeRole with the External ID; throws when refused. */
  connect(roleArn: string, externalId: string, installId: string): Promise<void>;
  /** One account's inventory (every region asked for), read through its role. */
  collect(target: AccountSetting, externalId: string, installId: string): Promise<InventorySnapshot>;
  /** Checks a role without saving anything; stops starting work at `deadline` (epoch ms). */
  testConnection(
    target: AccountSetting,
    externalId: string,
    installId: string,
    deadline: number,
  ): Promise<ConnectionTest>;
}

/** The operator setting naming the principal whose keys these are (setup-info.ts reads it too). */
export const VENDOR_PRINCIPAL_ENV = 'RG_VENDOR_PRINCIPAL_ARN';

/**
 * The vendor side: our own AWS keys (Forge encrypted variables) assume each customer's role. The
 * SDK honours AWS_ENDPOINT_URL, which is how tests point it at moto. Without both keys nothing is
 * tried: the SDK's default credential chain would sign with whatever the host offers instead.
 * Each use first checks, with GetCallerIdentity, that the keys are RG_VENDOR_PRINCIPAL_ARN's and
 * learns the vendor's account, in which no customer role is accepted.
 */
export function liveAwsPort(env: NodeJS.ProcessEnv = process.env): AwsPort {
  const sts = (interactive = false): STSClient => {
    const accessKeyId = readSecret('RG_AWS_ACCESS_KEY_ID', env);
    const secretAccessKey = readSecret('RG_AWS_SECRET_ACCESS_KEY', env);
    if (accessKeyId === undefined || secretAccessKey === undefined)
      throw new VendorCredentialsError(
        'the vendor AWS keys are not configured: set RG_AWS_ACCESS_KEY_ID and RG_AWS_SECRET_ACCESS_KEY with forge variables set --encrypt',
      );
    return new STSClient({
      region: 'us-east-1',
      credentials: { accessKeyId, secretAccessKey },
      // Inside a 25 s resolver the STS calls must not eat the connection test's budget.
      ...(interactive
        ? { maxAttempts: 2, requestHandler: { requestTimeout: 3_000, connectionTimeout: 2_000 } }
        : {}),
    });
  };
  const vendorAccount = (client: STSClient): Promise<string> => {
    const principal = env[VENDOR_PRINCIPAL_ENV]?.trim() ?? '';
    if (principal === '')
      return Promise.reject(
        new VendorCredentialsError(
          `${VENDOR_PRINCIPAL_ENV} is not configured: customers' roles trust that principal`,
        ),
      );
    return verifyVendorIdentity(client, principal);
  };
  return {
    async connect(roleArn, externalId, installId) {
      const client = sts();
      try {
        await connectRole(
          stsRoleAssumer(client),
          { roleArn, externalId, sessionName: sessionNameFor(installId) },
          await vendorAccount(client),
        );
      } finally {
        client.destroy();
      }
    },
    async testConnection(target, externalId, installId, deadline) {
      const client = sts(true);
      try {
        let credentials;
        try {
          credentials = await connectRole(
            stsRoleAssumer(client),
            { roleArn: target.roleArn, externalId, sessionName: sessionNameFor(installId) },
            await vendorAccount(client),
          );
        } catch (error) {
          if (error instanceof ConfusedDeputyError)
            return { role: { status: 'unguarded', reason: error.reason } };
          if (error instanceof AssumeRoleError)
            return { role: { status: 'rejected', code: error.code, message: error.message } };
          throw error;
        }
        const customEndpoint = Boolean(env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3);
        const probed = await probeAccount({
          credentials,
          regions: target.regions,
          deadline,
          clientSettings: { s3ForcePathStyle: customEndpoint },
        });
        return { role: { status: 'ok' }, ...probed };
      } finally {
        client.destroy();
      }
    },
    async collect(target, externalId, installId) {
      const client = sts();
      try {
        if (target.account === (await vendorAccount(client)))
          throw new ConfusedDeputyError(target.roleArn, 'vendor-account');
        const credentials = roleCredentials(stsRoleAssumer(client), {
          roleArn: target.roleArn,
          externalId,
          sessionName: sessionNameFor(installId),
        });
        // A custom endpoint (moto locally; never set on Forge) cannot take bucket subdomains.
        const customEndpoint = Boolean(env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3);
        return await collectInventory({
          targets: [{ account: target.account, roleArn: target.roleArn, credentials }],
          clientSettings: { s3ForcePathStyle: customEndpoint },
          ...(target.regions ? { regions: target.regions } : {}),
        });
      } finally {
        client.destroy();
      }
    },
  };
}

let override: (() => AwsPort | null) | null = null;

/**
 * The local runtime's seam: AWS from a snapshot file instead of the network — one port, or a
 * function answering the invoking installation's (null from it: the real SDK).
 */
export function overrideAwsPort(port: AwsPort | (() => AwsPort | null) | null): void {
  override = port === null ? null : typeof port === 'function' ? port : () => port;
}

export function awsPort(): AwsPort {
  return override?.() ?? liveAwsPort();
}
