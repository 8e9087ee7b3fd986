import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { MOTO_ACCOUNT, SEED_CREDENTIALS } from './seed';

/** RunbookGuard's own AWS account in the tests: never the customer's (MOTO_ACCOUNT). */
export const VENDOR_ACCOUNT = '222233334444';

export interface Vendor {
  accessKeyId: string;
  secretAccessKey: string;
  principalArn: string;
}

/**
 * An IAM user in another moto account, whose keys act as the vendor's: moto attributes an access
 * key to the account whose IAM created it. A session in that account (moto lets the seed keys
 * assume any role there) creates the user. Run before IAM enforcement is switched on.
 */
export async function vendorInOtherAccount(endpoint: string, name = 'runbookguard-vendor'): Promise<Vendor> {
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: SEED_CREDENTIALS });
  const session = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${VENDOR_ACCOUNT}:role/bootstrap`,
      RoleSessionName: 'seed',
    }),
  );
  sts.destroy();
  const c = session.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('moto gave no session');
  const iam = new IAMClient({
    endpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    },
  });
  const user = await iam.send(new CreateUserCommand({ UserName: name }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  iam.destroy();
  const arn = user.User?.Arn ?? '';
  if (!arn.includes(`::${VENDOR_ACCOUNT}:`) || arn.includes(MOTO_ACCOUNT))
    throw new Error(`vendor user in the wrong account: ${arn}`);
  return {
    accessKeyId: key.AccessKey?.AccessKeyId ?? '',
    secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
    principalArn: arn,
  };
}
