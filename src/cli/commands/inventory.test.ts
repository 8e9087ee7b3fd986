import { STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsError, scripted, STATIC_CREDENTIALS } from '../../../test/support/fake-aws';
import type { CollectOptions } from '../../aws/collector';
import { SNAPSHOT_FORMAT_VERSION, type InventorySnapshot } from '../../core/inventory/snapshot';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import { INVENTORY_HELP, runInventoryWith, type InventoryDeps } from './inventory';

const ROLE = 'arn:aws:iam::210987654321:role/runbookguard';
const EXTERNAL_ID = 'abcdefghijklmnopqrstuvwxyzABCD12';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rbg-inv-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY },
    env: { AWS_REGION: 'eu-west-1' },
    cwd: dir,
  };
  return { io: value, out, err };
}

/** A fake collection that reports one progress step and records what it was asked. */
function deps(sts: (command: string, input: Record<string, unknown>) => unknown) {
  const seen: CollectOptions[] = [];
  const d: InventoryDeps = {
    sts: (region) => scripted(new STSClient({ region, credentials: STATIC_CREDENTIALS }), sts),
    collect: (options) => {
      seen.push(options);
      options.onProgress?.({
        done: 1,
        total: 1,
        account: options.targets[0]?.account ?? '',
        service: 'ec2',
        region: 'eu-west-1',
        failed: false,
      });
      const snapshot: InventorySnapshot = {
        formatVersion: SNAPSHOT_FORMAT_VERSION,
        takenAt: '2026-01-01T00:00:00.000Z',
        accounts: options.targets.map((t) => ({
          account: t.account,
          roleArn: t.roleArn,
          regions: ['eu-west-1'],
        })),
        resources: [],
        dnsRecords: [],
        coverage: [
          {
            account: options.targets[0]?.account ?? '',
            service: 'ec2',
            region: 'eu-west-1',
            outcome: 'ok',
            detail: null,
            resourceCount: 3,
          },
          {
            account: options.targets[0]?.account ?? '',
            service: 'rds',
            region: 'eu-west-1',
            outcome: 'access-denied',
            detail: 'AccessDenied: no',
            resourceCount: 0,
          },
        ],
      };
      return Promise.resolve(snapshot);
    },
  };
  return { d, seen };
}

const callerOnly = (command: string) => {
  if (command === 'GetCallerIdentityCommand')
    return { Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/me' };
  throw new Error(`unexpected ${command}`);
};

describe('runbookguard inventory', () => {
  it.each([
    [['--out'], /argument missing|--out/],
    [['--bogus', '--out', 'x.json'], /Unknown option '--bogus'/],
    [['stray', '--out', 'x.json'], /positional/],
    [[], /--out is required/],
    [['--role-arn', ROLE, '--out', 'x.json'], /one --external-id per --role-arn/],
    [
      ['--role-arn', 'arn:aws:iam::1:user/x', '--external-id', EXTERNAL_ID, '--out', 'x.json'],
      /not an IAM role ARN/,
    ],
    [['--role-arn', ROLE, '--external-id', 'chosen-by-customer', '--out', 'x.json'], /External ID/],
    [['--regions', 'us-east-1,Mars', '--out', 'x.json'], /not an AWS region/],
  ])('rejects %j with a one-line usage error', async (args, message) => {
    const run = runInventoryWith(args, io().io, deps(callerOnly).d);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
  });

  it('prints help', async () => {
    const t = io();
    await expect(runInventoryWith(['--help'], t.io, deps(callerOnly).d)).resolves.toBe(0);
    expect(t.out.join('')).toBe(INVENTORY_HELP);
  });

  it('reads the caller’s own account, writes the snapshot and a coverage summary', async () => {
    const t = io();
    const { d, seen } = deps(callerOnly);
    await expect(runInventoryWith(['--regions', 'eu-west-1', '--out', 'snap.json'], t.io, d)).resolves.toBe(
      0,
    );
    expect(seen[0]).toMatchObject({ regions: ['eu-west-1'], homeRegion: 'eu-west-1' });
    expect(seen[0]?.targets).toEqual([{ account: '123456789012', roleArn: null, credentials: undefined }]);
    const written = JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8')) as InventorySnapshot;
    expect(written.formatVersion).toBe(SNAPSHOT_FORMAT_VERSION);
    expect(t.err.join('')).toMatch(/rds +0\/1 regions[\s\S]*eu-west-1: access-denied — AccessDenied: no/);
    expect(t.out.join('')).toMatch(
      /Wrote snap.json: 0 resources, 0 DNS records, 1\/2 service-regions read \(1 not read/,
    );
    // No TTY: no progress line.
    expect(t.err.join('')).not.toContain('[1/1]');
  });

  it('shows progress on a TTY', async () => {
    const t = io(true);
    await runInventoryWith(['--out', 'snap.json'], t.io, deps(callerOnly).d);
    expect(t.err.join('')).toContain('[1/1] 123456789012 ec2 eu-west-1');
  });

  it('connects each role after the confused-deputy check, with a sanitized session name', async () => {
    const calls: Record<string, unknown>[] = [];
    const { d, seen } = deps((_command, input) => {
      calls.push(input);
      if (input.ExternalId !== EXTERNAL_ID) throw awsError('AccessDenied', 403);
      return {
        Credentials: {
          AccessKeyId: 'ASIA1',
          SecretAccessKey: 's',
          SessionToken: 't',
          Expiration: new Date(Date.now() + 3600_000),
        },
      };
    });
    const t = io();
    t.io.env.RUNBOOKGUARD_INSTALL_ID = 'acme/prod';
    await runInventoryWith(['--role-arn', ROLE, '--external-id', EXTERNAL_ID, '--out', 'snap.json'], t.io, d);
    // Without the External ID, with a random wrong one, then with the right one.
    expect(calls.map((c) => c.ExternalId)).toEqual([
      undefined,
      expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      EXTERNAL_ID,
    ]);
    expect(calls[1]?.ExternalId).not.toBe(EXTERNAL_ID);
    expect(calls[2]).toMatchObject({
      RoleArn: ROLE,
      DurationSeconds: 3600,
      RoleSessionName: 'runbookguard-acme-prod',
    });
    expect(seen[0]?.targets[0]).toMatchObject({ account: '210987654321', roleArn: ROLE });
    expect(JSON.stringify(seen[0]?.targets)).not.toContain('ASIA1');
  });

  it('refuses an unguarded role as a usage error', async () => {
    const { d } = deps(() => ({
      Credentials: { AccessKeyId: 'a', SecretAccessKey: 'b', SessionToken: 'c' },
    }));
    await expect(
      runInventoryWith(['--role-arn', ROLE, '--external-id', EXTERNAL_ID, '--out', 'x.json'], io().io, d),
    ).rejects.toThrow(/without the External ID/);
  });

  it('explains missing credentials in one line', async () => {
    const { d } = deps(() => {
      throw new Error('Could not load credentials from any providers');
    });
    await expect(runInventoryWith(['--out', 'x.json'], io().io, d)).rejects.toThrow(
      /cannot identify the AWS account/,
    );
  });
});
