import { DescribeImagesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInventory } from '../../src/aws/collector';
import { mapAwsError } from '../../src/aws/errors';
import { accountOfRoleArn, roleCredentials, sessionNameFor, stsRoleAssumer } from '../../src/aws/sts';
import { runInventory } from '../../src/cli/commands/inventory';
import { UsageError } from '../../src/cli/errors';
import type { CliIo } from '../../src/cli/io';
import { generateExternalId } from '../../src/core/inventory/external-id';
import { snapshotSchema } from '../../src/core/inventory/snapshot';
import { loadRoleTemplate } from '../support/role-template';
import { startMoto, type Moto } from './support/moto';
import { MOTO_ACCOUNT, SEED_CREDENTIALS, seedAccount, type Seeded } from './support/seed';

/**
 * The role template's policy is enough for a full collection and nothing more. With IAM
 * enforcement on, moto 5.2 evaluates identity policies and the trust policy's principal, and
 * rejects a WRONG sts:ExternalId. It does NOT reject a MISSING one: its StringEquals check loops
 * over the values the request supplied, so no value passes (moto/iam/policy_conditions.py). Real
 * AWS denies that call; here the confused-deputy check therefore refuses even the guarded role,
 * and the tests below say so instead of hiding it.
 */
const REGION = 'us-east-1';
const externalId = generateExternalId();
let moto: Moto;
let seeded: Seeded;
let vendor: AwsCredentialIdentity;
let guardedRoleArn: string;
let unguardedRoleArn: string;
let workDir: string;
const savedEnv = { ...process.env };

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
    env: process.env,
    cwd: workDir,
  };
}

function assumed(credentials: AwsCredentialIdentity, extra: { ExternalId?: string } = {}) {
  const sts = new STSClient({ endpoint: moto.endpoint, region: REGION, credentials, maxAttempts: 1 });
  return sts
    .send(new AssumeRoleCommand({ RoleArn: guardedRoleArn, RoleSessionName: 'lp-test', ...extra }))
    .finally(() => sts.destroy());
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'rbg-lp-'));
  moto = await startMoto();
  seeded = await seedAccount(moto.endpoint, {
    regions: [REGION],
    perRegion: {
      instances: 2,
      terminatedInstances: 1,
      securityGroups: 1,
      vpcs: 1,
      subnets: 1,
      dbInstances: 1,
      albs: 1,
      nlbs: 0,
      classicElbs: 1,
      cacheClusters: 1,
      ecsClusters: 1,
      eksClusters: 1,
      functions: 1,
    },
    buckets: 2,
    zones: 1,
    cnamesPerZone: 2,
  });

  // Before enforcement: after it, every request needs real (moto) credentials.
  const iam = new IAMClient({ endpoint: moto.endpoint, region: REGION, credentials: SEED_CREDENTIALS });
  const user = await iam.send(new CreateUserCommand({ UserName: 'runbookguard-vendor' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'runbookguard-vendor',
      PolicyName: 'assume-customer-roles',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
      }),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'runbookguard-vendor' }));
  vendor = {
    accessKeyId: key.AccessKey?.AccessKeyId ?? '',
    secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
  };

  // The template's documents with its parameters filled in. moto mishandles CloudFormation inline
  // Policies under enforcement, so the role is built with CreateRole + PutRolePolicy instead.
  const template = loadRoleTemplate();
  const trust = JSON.parse(
    JSON.stringify(template.trustPolicy)
      .replace(JSON.stringify({ Ref: 'VendorPrincipalArn' }), JSON.stringify(user.User?.Arn))
      .replace(JSON.stringify({ Ref: 'ExternalId' }), JSON.stringify(externalId)),
  ) as unknown;
  const makeRole = async (name: string, trustPolicy: unknown) => {
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: JSON.stringify(trustPolicy),
        MaxSessionDuration: 3600,
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: name,
        PolicyName: template.policyName,
        PolicyDocument: JSON.stringify(template.policy),
      }),
    );
    return role.Role?.Arn ?? '';
  };
  guardedRoleArn = await makeRole('runbookguard', trust);
  // The same role without the ExternalId condition: what a careless customer might create.
  unguardedRoleArn = await makeRole('runbookguard-unguarded', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: user.User?.Arn }, Action: 'sts:AssumeRole' }],
  });
  iam.destroy();

  await moto.control('/moto-api/reset-auth', '0', 'text/plain');

  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: vendor.accessKeyId,
    AWS_SECRET_ACCESS_KEY: vendor.secretAccessKey,
    AWS_REGION: REGION,
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
});

afterAll(async () => {
  process.env = savedEnv;
  await moto?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('least privilege under IAM enforcement', () => {
  it('enforcement is really on: the seed credentials are now rejected', async () => {
    const ec2 = new EC2Client({
      endpoint: moto.endpoint,
      region: REGION,
      credentials: SEED_CREDENTIALS,
      maxAttempts: 1,
    });
    await expect(ec2.send(new DescribeImagesCommand({}))).rejects.toMatchObject({ name: 'AuthFailure' });
    ec2.destroy();
  });

  it('the vendor cannot assume the role with a wrong External ID', async () => {
    await expect(assumed(vendor, { ExternalId: generateExternalId() })).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('moto gap: the role can be assumed with NO External ID (real AWS denies this)', async () => {
    // If this starts failing, moto now evaluates missing condition keys: delete this test and make
    // the CLI test below connect the guarded role through the confused-deputy check.
    await expect(assumed(vendor)).resolves.toBeDefined();
  });

  it('runs a full collection with only the template policy, assumed with the External ID', async () => {
    const sts = new STSClient({ region: REGION });
    const credentials = roleCredentials(stsRoleAssumer(sts), {
      roleArn: guardedRoleArn,
      externalId,
      sessionName: sessionNameFor('least-privilege-test'),
    });
    // AWS_ENDPOINT_URL from the environment (set above) reaches every client: no endpoint passed here.
    const snapshot = await collectInventory({
      targets: [{ account: accountOfRoleArn(guardedRoleArn), roleArn: guardedRoleArn, credentials }],
      regions: [REGION],
      clientSettings: { s3ForcePathStyle: true, maxAttempts: 2 },
    });
    sts.destroy();
    expect(snapshot.coverage.filter((c) => c.outcome !== 'ok')).toEqual([]);
    expect(snapshot.accounts).toEqual([
      { account: MOTO_ACCOUNT, roleArn: guardedRoleArn, regions: [REGION] },
    ]);
    const collected = new Set(snapshot.resources.map((r) => `${r.kind} ${r.region ?? '-'} ${r.id}`));
    for (const key of seeded.resources) expect(collected).toContain(key);
    expect(snapshot.dnsRecords.length).toBeGreaterThan(0);
    expect(JSON.stringify(snapshot)).not.toMatch(/ASIA|AKIA|secretAccessKey|sessionToken/i);
  });

  it('through the CLI, credentials without the policy give an explicit all-denied snapshot, not a crash', async () => {
    // The vendor user itself may only call sts:AssumeRole, so every inventory call is denied,
    // over the query (EC2, RDS), JSON (ECS) and REST (Lambda, EKS, S3, Route 53) protocols.
    const io = fakeIo();
    const code = await runInventory(['--regions', REGION, '--out', 'denied.json'], io);
    expect(code).toBe(0);
    const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(join(workDir, 'denied.json'), 'utf8')));
    expect(snapshot.accounts[0]?.account).toBe(MOTO_ACCOUNT);
    expect(snapshot.resources).toEqual([]);
    expect(snapshot.coverage).toHaveLength(10);
    for (const entry of snapshot.coverage)
      expect(entry).toMatchObject({ outcome: 'access-denied', resourceCount: 0 });
    expect(io.err.join('')).toMatch(/lambda +0\/1 regions/);
    expect(io.out.join('') + io.err.join('')).not.toContain(vendor.secretAccessKey);
  });

  it('denies what the template does not grant (s3:GetObject, ec2:DescribeImages, iam:ListUsers)', async () => {
    const out = await assumed(vendor, { ExternalId: externalId });
    const c = out.Credentials;
    const credentials = {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    };
    const cfg = { endpoint: moto.endpoint, region: REGION, credentials, maxAttempts: 1 };
    const denied = async (call: Promise<unknown>) => {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(mapAwsError(error).kind).toBe('access-denied');
    };
    const ec2 = new EC2Client(cfg);
    await denied(ec2.send(new DescribeImagesCommand({})));
    // ...while a granted action works with the same credentials.
    await expect(ec2.send(new DescribeRegionsCommand({}))).resolves.toBeDefined();
    ec2.destroy();
    const iam = new IAMClient(cfg);
    await denied(iam.send(new ListUsersCommand({})));
    iam.destroy();
    const s3 = new S3Client({ ...cfg, forcePathStyle: true });
    const bucket = [...seeded.bucketRegions.keys()][0] ?? '';
    // REST denials come back as 403 with an XML body.
    await denied(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'any' })));
    s3.destroy();
  });

  it('the CLI refuses a role that can be assumed without the External ID (confused deputy)', async () => {
    const run = runInventory(
      ['--role-arn', unguardedRoleArn, '--external-id', externalId, '--out', 'x.json'],
      fakeIo(),
    );
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/without the External ID/);
    // Because of the moto gap above, the guarded role is refused the same way here.
    await expect(
      runInventory(['--role-arn', guardedRoleArn, '--external-id', externalId, '--out', 'x.json'], fakeIo()),
    ).rejects.toThrow(/without the External ID/);
  });

  it('a wrong External ID fails the connection with the AWS reason', async () => {
    const sts = new STSClient({ region: REGION });
    const provider = roleCredentials(stsRoleAssumer(sts), {
      roleArn: guardedRoleArn,
      externalId: generateExternalId(),
      sessionName: 'x-test',
    });
    await expect(provider()).rejects.toThrow(/cannot assume .*AccessDenied/);
    sts.destroy();
  });
});
