import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';
import { collectInventory } from '../../src/aws/collector';
import { probeAccount, type ProbeCheck } from '../../src/aws/probe';
import { generateExternalId } from '../../src/core/inventory/external-id';
import { liveAwsPort } from '../../src/forge/aws';
import { loadRoleTemplate } from '../support/role-template';
import { startMoto, type Moto } from './support/moto';
import { MOTO_ACCOUNT, SEED_CREDENTIALS, seedAccount } from './support/seed';

/**
 * The settings page's connection test against moto with IAM enforcement on: the bounded probe reads
 * one first page per action and (service, region) with the role template's policy, reports a
 * denied action by name, stops at its deadline, and the live AWS port refuses a role moto lets us
 * assume without the External ID (see least-privilege.test.ts for moto's ExternalId gap).
 */
const REGION = 'us-east-1';
let moto: Moto;
let full: AwsCredentialIdentity;
let noEks: AwsCredentialIdentity;
let vendor: AwsCredentialIdentity;
let roleArn: string;

async function userWith(iam: IAMClient, name: string, policy: unknown): Promise<AwsCredentialIdentity> {
  const user = await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify(policy) }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  if (!user.User?.Arn) throw new Error('no user');
  return {
    accessKeyId: key.AccessKey?.AccessKeyId ?? '',
    secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
  };
}

beforeAll(async () => {
  moto = await startMoto();
  await seedAccount(moto.endpoint, {
    regions: [REGION],
    perRegion: {
      instances: 2,
      terminatedInstances: 0,
      securityGroups: 1,
      vpcs: 1,
      subnets: 1,
      dbInstances: 1,
      albs: 1,
      nlbs: 0,
      classicElbs: 1,
      cacheClusters: 1,
      ecsClusters: 2,
      eksClusters: 1,
      functions: 3,
    },
    buckets: 2,
    zones: 1,
    cnamesPerZone: 1,
  });
  const template = loadRoleTemplate();
  const iam = new IAMClient({ endpoint: moto.endpoint, region: REGION, credentials: SEED_CREDENTIALS });
  full = await userWith(iam, 'probe-full', template.policy);
  // The template's policy without EKS: what a customer who trimmed the policy would have.
  const trimmed = JSON.parse(JSON.stringify(template.policy)) as {
    Statement: { Action: string[] | string }[];
  };
  for (const s of trimmed.Statement)
    s.Action = (Array.isArray(s.Action) ? s.Action : [s.Action]).filter((a) => !a.startsWith('eks:'));
  noEks = await userWith(iam, 'probe-no-eks', trimmed);
  vendor = await userWith(iam, 'probe-vendor', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
  });
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'runbookguard-probe',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:user/probe-vendor` },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    }),
  );
  roleArn = role.Role?.Arn ?? '';
  iam.destroy();
  await moto.control('/moto-api/reset-auth', '0', 'text/plain');
});

const savedEnv = { ...process.env };
afterAll(async () => {
  process.env = savedEnv;
  await moto?.stop();
});

const probe = (credentials: AwsCredentialIdentity, deadline = Date.now() + 20_000) =>
  probeAccount({
    credentials: () => Promise.resolve(credentials),
    regions: [REGION],
    deadline,
    clientSettings: { endpoint: moto.endpoint },
  });
const find = (checks: ProbeCheck[], service: string) => checks.find((c) => c.service === service);

test('with the template policy every service is ok, counted as the collector counts it', async () => {
  const result = await probe(full);
  expect(result.regions).toEqual([REGION]);
  expect(result.checks.map((c) => `${c.service}:${c.status}`).sort()).toEqual(
    ['ec2', 'rds', 'elb', 'elbv2', 'elasticache', 'ecs', 'eks', 'lambda', 's3', 'route53']
      .map((s) => `${s}:ok`)
      .sort(),
  );
  const snapshot = await collectInventory({
    targets: [{ account: MOTO_ACCOUNT, roleArn: null, credentials: () => Promise.resolve(full) }],
    regions: [REGION],
    clientSettings: { endpoint: moto.endpoint },
  });
  // One first page each, and the seed is far below a page: the counts equal the collector's.
  for (const service of ['rds', 'elb', 'elbv2', 'elasticache', 'ecs', 'eks', 'lambda', 's3'] as const) {
    const covered = snapshot.coverage.find((c) => c.service === service);
    const check = find(result.checks, service);
    expect([service, check?.status === 'ok' && check.resourceCount]).toEqual([
      service,
      covered?.resourceCount,
    ]);
    expect(check?.status === 'ok' && check.moreResources).toBe(false);
  }
  expect(find(result.checks, 'lambda')).toMatchObject({ resourceCount: 3 });
  expect(find(result.checks, 'ecs')).toMatchObject({ resourceCount: 2 });
});

test('a policy without EKS: the denied action is named, the rest is ok', async () => {
  const result = await probe(noEks);
  expect(find(result.checks, 'eks')).toEqual({
    service: 'eks',
    region: REGION,
    status: 'denied',
    action: 'eks:ListClusters',
  });
  expect(result.checks.filter((c) => c.status !== 'ok').map((c) => c.service)).toEqual(['eks']);
});

test('past the deadline nothing is tried, and the answer says so', async () => {
  const started = Date.now();
  const result = await probe(full, Date.now() - 1);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(result.checks.length).toBeGreaterThan(8);
  expect(result.checks.every((c) => c.status === 'not-tried')).toBe(true);
});

const VENDOR_ARN = `arn:aws:iam::${MOTO_ACCOUNT}:user/probe-vendor`;
/** moto lets keys with sts:AssumeRole assume a role that does not exist, in any other account. */
const OTHER_ACCOUNT_ROLE = 'arn:aws:iam::210987654321:role/runbookguard-unguarded';

function vendorPort(extra: NodeJS.ProcessEnv = {}) {
  return liveAwsPort({
    AWS_ENDPOINT_URL: moto.endpoint,
    RG_AWS_ACCESS_KEY_ID: vendor.accessKeyId,
    RG_AWS_SECRET_ACCESS_KEY: vendor.secretAccessKey,
    RG_VENDOR_PRINCIPAL_ARN: VENDOR_ARN,
    ...extra,
  });
}

test('the live port: a role assumable without the External ID is unguarded; one our keys cannot assume is rejected', async () => {
  // The SDK reads the endpoint from the process environment (as the scan job's live path does).
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  const externalId = generateExternalId();
  const target = { account: '210987654321', roleArn: OTHER_ACCOUNT_ROLE, regions: [REGION] };
  expect(await vendorPort().testConnection(target, externalId, 'install-1', Date.now() + 20_000)).toEqual({
    role: { status: 'unguarded', reason: 'no-external-id' },
  });
  // Keys without sts:AssumeRole are refused both with and without the External ID, as an
  // untrusting role would be.
  const refused = liveAwsPort({
    RG_AWS_ACCESS_KEY_ID: full.accessKeyId,
    RG_AWS_SECRET_ACCESS_KEY: full.secretAccessKey,
    RG_VENDOR_PRINCIPAL_ARN: `arn:aws:iam::${MOTO_ACCOUNT}:user/probe-full`,
  });
  const missing = await refused.testConnection(target, externalId, 'install-1', Date.now() + 20_000);
  expect(missing).toMatchObject({ role: { status: 'rejected', code: 'AccessDenied' } });
  expect(JSON.stringify(missing)).not.toContain(full.secretAccessKey);
});

// Issue 14 item 5, against moto: the vendor's own account, missing keys, keys of another principal.
test("the live port refuses a role in the vendor's own account, which its trust would let us assume", async () => {
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  const target = { account: MOTO_ACCOUNT, roleArn, regions: [REGION] };
  expect(await vendorPort().testConnection(target, generateExternalId(), 'i', Date.now() + 20_000)).toEqual({
    role: { status: 'unguarded', reason: 'vendor-account' },
  });
  await expect(vendorPort().connect(roleArn, generateExternalId(), 'i')).rejects.toMatchObject({
    reason: 'vendor-account',
  });
  await expect(vendorPort().collect(target, generateExternalId(), 'i')).rejects.toMatchObject({
    reason: 'vendor-account',
  });
});

test("without the vendor keys nothing is assumed, even when the SDK's default chain has credentials", async () => {
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  // What a host could offer the default chain: keys that CAN assume roles.
  process.env.AWS_ACCESS_KEY_ID = vendor.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = vendor.secretAccessKey;
  try {
    const port = liveAwsPort({ AWS_ENDPOINT_URL: moto.endpoint, RG_VENDOR_PRINCIPAL_ARN: VENDOR_ARN });
    const target = { account: '210987654321', roleArn: OTHER_ACCOUNT_ROLE, regions: [REGION] };
    for (const attempt of [
      () => port.connect(OTHER_ACCOUNT_ROLE, generateExternalId(), 'i'),
      () => port.testConnection(target, generateExternalId(), 'i', Date.now() + 20_000),
      () => port.collect(target, generateExternalId(), 'i'),
    ])
      await expect(attempt()).rejects.toMatchObject({
        name: 'VendorCredentialsError',
        message: expect.stringContaining('RG_AWS_ACCESS_KEY_ID') as unknown,
      });
  } finally {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  }
});

test('keys that are not RG_VENDOR_PRINCIPAL_ARN (GetCallerIdentity) are refused before any AssumeRole', async () => {
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  const target = { account: '210987654321', roleArn: OTHER_ACCOUNT_ROLE, regions: [REGION] };
  const other = vendorPort({ RG_VENDOR_PRINCIPAL_ARN: `arn:aws:iam::${MOTO_ACCOUNT}:user/someone-else` });
  await expect(
    other.testConnection(target, generateExternalId(), 'i', Date.now() + 20_000),
  ).rejects.toMatchObject({
    name: 'VendorCredentialsError',
    message: expect.stringContaining('probe-vendor') as unknown,
  });
  const unset = vendorPort({ RG_VENDOR_PRINCIPAL_ARN: '' });
  await expect(unset.connect(OTHER_ACCOUNT_ROLE, generateExternalId(), 'i')).rejects.toMatchObject({
    name: 'VendorCredentialsError',
    message: expect.stringContaining('RG_VENDOR_PRINCIPAL_ARN') as unknown,
  });
});
