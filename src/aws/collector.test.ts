import { awsError, scripted, STATIC_CREDENTIALS } from '../../test/support/fake-aws';
import { snapshotSchema } from '../core/inventory/snapshot';
import { createAwsClients, type AwsClients } from './clients';
import { collectInventory, type CollectProgress } from './collector';

const ACCOUNT = '123456789012';
type Route = (
  service: keyof AwsClients,
  region: string,
  command: string,
  input: Record<string, unknown>,
) => unknown;

/** Every command answers an empty page unless the route says otherwise. */
const EMPTY: Record<string, unknown> = {
  DescribeRegionsCommand: { Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] },
  ListResourceRecordSetsCommand: { ResourceRecordSets: [], IsTruncated: false },
};

function fakeClients(route: Route) {
  return (region: string): AwsClients => {
    const clients = createAwsClients(region, () => Promise.resolve(STATIC_CREDENTIALS));
    for (const service of Object.keys(clients) as (keyof AwsClients)[]) {
      scripted(clients[service], async (command, input) => {
        const answer = await route(service, region, command, input);
        return answer === undefined ? (EMPTY[command] ?? {}) : answer;
      });
    }
    return clients;
  };
}

const target = { account: ACCOUNT, roleArn: null, credentials: undefined };

describe('collectInventory', () => {
  it('turns every failure into an explicit coverage outcome and keeps what it read', async () => {
    const progress: CollectProgress[] = [];
    const snapshot = await collectInventory({
      targets: [target],
      regions: ['us-east-1', 'ap-east-1'],
      now: () => new Date('2026-01-02T03:04:05Z'),
      onProgress: (p) => progress.push(p),
      createClients: fakeClients((service, region, command, input) => {
        // A region the account has not enabled: AWS rejects the credentials there.
        if (region === 'ap-east-1') throw awsError('AuthFailure', 401);
        if (service === 'rds') throw awsError('AccessDenied', 403);
        if (service === 'lambda') throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
        if (service === 'elasticache') throw awsError('Throttling', 400);
        if (command === 'DescribeInstancesCommand') {
          return { Reservations: [{ Instances: [{ InstanceId: 'i-1', State: { Name: 'running' } }] }] };
        }
        if (command === 'DescribeSubnetsCommand') {
          if (input.NextToken) throw awsError('InternalError', 500);
          return { Subnets: [{ SubnetId: 'subnet-1' }], NextToken: 'p2' };
        }
        if (command === 'ListBucketsCommand') return { Buckets: [{ Name: 'b' }] };
        return undefined;
      }),
    });

    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    const outcome = (service: string, region: string | null) =>
      snapshot.coverage.find((c) => c.service === service && c.region === region);
    expect(outcome('ec2', 'us-east-1')).toMatchObject({ outcome: 'failed', resourceCount: 2 });
    expect(outcome('ec2', 'us-east-1')?.detail).toMatch(/InternalError/);
    expect(outcome('rds', 'us-east-1')).toMatchObject({ outcome: 'access-denied', resourceCount: 0 });
    expect(outcome('lambda', 'us-east-1')).toMatchObject({ outcome: 'failed' });
    expect(outcome('lambda', 'us-east-1')?.detail).toMatch(/TimeoutError/);
    expect(outcome('elasticache', 'us-east-1')?.detail).toMatch(/Throttling/);
    expect(outcome('ecs', 'us-east-1')).toMatchObject({ outcome: 'ok' });
    expect(outcome('s3', null)).toMatchObject({ outcome: 'ok', resourceCount: 1 });
    for (const service of ['ec2', 'rds', 'elb', 'elbv2', 'elasticache', 'ecs', 'eks', 'lambda']) {
      expect(outcome(service, 'ap-east-1')).toMatchObject({ outcome: 'region-disabled', resourceCount: 0 });
    }
    expect(snapshot.coverage).toHaveLength(8 * 2 + 2);
    expect(snapshot.resources.map((r) => r.id)).toEqual(['i-1', 'b', 'subnet-1']);
    expect(snapshot.takenAt).toBe('2026-01-02T03:04:05.000Z');
    expect(progress).toHaveLength(11 * 2 + 2);
    expect(progress.at(-1)).toMatchObject({ done: 24, total: 24 });
  });

  it('reads the enabled regions when none are given, and says so when it cannot', async () => {
    const regionsSeen = new Set<string>();
    const ok = await collectInventory({
      targets: [target],
      createClients: fakeClients((_, region, command) => {
        regionsSeen.add(region);
        if (command === 'DescribeRegionsCommand') {
          return {
            Regions: [
              { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
              { RegionName: 'af-south-1', OptInStatus: 'opted-in' },
              { RegionName: 'me-south-1', OptInStatus: 'not-opted-in' },
            ],
          };
        }
        return undefined;
      }),
    });
    expect(ok.accounts).toEqual([{ account: ACCOUNT, roleArn: null, regions: ['af-south-1', 'eu-west-1'] }]);
    expect(regionsSeen).toEqual(new Set(['us-east-1', 'eu-west-1', 'af-south-1']));

    const denied = await collectInventory({
      targets: [target],
      createClients: fakeClients((_, __, command) => {
        if (command === 'DescribeRegionsCommand') throw awsError('UnauthorizedOperation', 403);
        return undefined;
      }),
    });
    expect(denied.coverage.find((c) => c.service === 'ec2')).toMatchObject({
      region: null,
      outcome: 'access-denied',
    });
    expect(denied.coverage.map((c) => c.service).sort()).toEqual(['ec2', 'route53', 's3']);
  });

  it('collects several accounts in one snapshot', async () => {
    const snapshot = await collectInventory({
      targets: [
        target,
        { account: '210987654321', roleArn: 'arn:aws:iam::210987654321:role/rbg', credentials: undefined },
      ],
      regions: ['us-east-1'],
      createClients: fakeClients(() => undefined),
    });
    expect(snapshot.accounts.map((a) => a.account)).toEqual([ACCOUNT, '210987654321']);
    expect(new Set(snapshot.coverage.map((c) => c.account)).size).toBe(2);
  });

  it('never runs more calls at once than the limit', async () => {
    let active = 0;
    let peak = 0;
    const snapshot = await collectInventory({
      targets: [target],
      regions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
      concurrency: 3,
      createClients: fakeClients(() => {
        active += 1;
        peak = Math.max(peak, active);
        return new Promise((resolve) =>
          setTimeout(() => {
            active -= 1;
            resolve(undefined);
          }, 2),
        );
      }),
    });
    expect(peak).toBe(3);
    expect(snapshot.coverage.every((c) => c.outcome === 'ok')).toBe(true);
  });
});
