import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { collectInventory } from '../../src/aws/collector';
import { snapshotSchema, type InventorySnapshot } from '../../src/core/inventory/snapshot';
import { startMoto, type Moto } from './support/moto';
import { MOTO_ACCOUNT, SEED_CREDENTIALS, seedAccount, type Seeded, type SeedSpec } from './support/seed';

const REGIONS = ['us-east-1', 'eu-west-1'];
const SPEC: SeedSpec = {
  regions: REGIONS,
  perRegion: {
    instances: 3,
    terminatedInstances: 1,
    securityGroups: 2,
    vpcs: 1,
    subnets: 2,
    dbInstances: 2,
    albs: 1,
    nlbs: 1,
    classicElbs: 1,
    cacheClusters: 1,
    ecsClusters: 2,
    eksClusters: 1,
    functions: 2,
  },
  buckets: 3,
  zones: 2,
  cnamesPerZone: 3,
};

let moto: Moto;
let seeded: Seeded;
let snapshot: InventorySnapshot;
/** moto's own defaults per region (default VPC, its subnets, default security groups). */
const defaults = new Set<string>();

beforeAll(async () => {
  moto = await startMoto();
  seeded = await seedAccount(moto.endpoint, SPEC);
  for (const region of REGIONS) {
    const ec2 = new EC2Client({ endpoint: moto.endpoint, region, credentials: SEED_CREDENTIALS });
    const vpcs =
      (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })))
        .Vpcs ?? [];
    for (const v of vpcs) defaults.add(`vpc ${region} ${v.VpcId}`);
    const subnets =
      (
        await ec2.send(
          new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
        )
      ).Subnets ?? [];
    for (const s of subnets) defaults.add(`subnet ${region} ${s.SubnetId}`);
    // Every VPC's "default" group, and the one moto creates for classic ELBs.
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    for (const g of groups.filter((g) => /^default(_elb_.*)?$/.test(g.GroupName ?? ''))) {
      defaults.add(`security-group ${region} ${g.GroupId}`);
    }
    ec2.destroy();
  }
  snapshot = await collectInventory({
    targets: [{ account: MOTO_ACCOUNT, roleArn: null, credentials: () => Promise.resolve(SEED_CREDENTIALS) }],
    regions: REGIONS,
    clientSettings: { endpoint: moto.endpoint, maxAttempts: 2 },
  });
});

afterAll(async () => {
  await moto?.stop();
});

describe('collector against moto', () => {
  it('produces a valid snapshot with every (service, region) covered ok', () => {
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    const notOk = snapshot.coverage.filter((c) => c.outcome !== 'ok');
    expect(notOk).toEqual([]);
    // 8 regional services per region, then S3 and Route 53 once.
    expect(snapshot.coverage).toHaveLength(8 * REGIONS.length + 2);
  });

  it('returns exactly the seeded resources (plus moto defaults)', () => {
    const collected = new Set(snapshot.resources.map((r) => `${r.kind} ${r.region ?? '-'} ${r.id}`));
    const expected = new Set([...seeded.resources, ...defaults]);
    expect([...collected].sort()).toEqual([...expected].sort());
  });

  it('returns exactly the seeded DNS records', () => {
    const collected = new Set(snapshot.dnsRecords.map((r) => `${r.name} ${r.type}`));
    expect([...collected].sort()).toEqual([...seeded.dnsRecords].sort());
  });

  it('normalizes what the matcher relies on', () => {
    const byId = (kind: string, region: string | null, id: string) =>
      snapshot.resources.find((r) => r.kind === kind && r.region === region && r.id === id);
    const aurora = byId('rds-instance', 'eu-west-1', 'seed-db-eu-west-1-0');
    expect(aurora?.attributes.dbClusterIdentifier).toBe('seed-aurora-eu-west-1');
    expect(aurora?.dnsNames[0]).toMatch(/^seed-db-eu-west-1-0\..*\.rds\.amazonaws\.com$/);
    expect(byId('load-balancer', 'us-east-1', 'seed-alb-0')?.attributes).toMatchObject({
      type: 'application',
      scheme: 'internal',
    });
    expect(byId('load-balancer', 'us-east-1', 'seed-nlb-0')?.attributes.type).toBe('network');
    expect(byId('load-balancer', 'us-east-1', 'seed-clb-0')?.attributes.type).toBe('classic');
    expect(byId('load-balancer', 'us-east-1', 'seed-clb-0')?.dnsNames.length).toBeGreaterThan(0);
    // moto 5.2 returns neither CacheNodes nor ReplicationGroupId for cache clusters; the unit tests
    // of convertCacheClusters cover those fields.
    expect(byId('elasticache-cluster', 'us-east-1', 'seed-cache-0')?.state).toBe('available');
    expect(byId('eks-cluster', 'us-east-1', 'seed-eks-0')?.dnsNames[0]).toMatch(/\.eks\.amazonaws\.com$/);
    expect(byId('ecs-cluster', 'eu-west-1', 'seed-ecs-0')).toMatchObject({
      state: 'ACTIVE',
      tags: { team: 'seed' },
    });
    const instances = snapshot.resources.filter((r) => r.kind === 'ec2-instance');
    expect(instances.filter((r) => r.state === 'terminated')).toHaveLength(REGIONS.length);
    expect(instances.every((r) => r.name?.startsWith('seed-') && r.privateIps.length > 0)).toBe(true);
    for (const [bucket, region] of seeded.bucketRegions)
      expect(byId('s3-bucket', region, bucket)).toBeDefined();

    const cname = snapshot.dnsRecords.find((r) => r.name === 'app1.zone0.seed.example.com');
    expect(cname).toMatchObject({ type: 'CNAME', values: ['target1.example.net'], aliasTarget: null });
    const alias = snapshot.dnsRecords.find((r) => r.name === 'alias.zone0.seed.example.com');
    expect(alias?.aliasTarget).toBe('dualstack.my-lb-1234.us-east-1.elb.amazonaws.com');
    expect(snapshot.dnsRecords.filter((r) => r.name === 'weighted.zone1.seed.example.com')).toHaveLength(2);
    expect(snapshot.dnsRecords.some((r) => r.name === '*.zone1.seed.example.com')).toBe(true);
  });
});
