import { resourceUsage } from 'node:process';
import { CUSTOMER_COMMANDS, maxPageSize, type CustomerCommandId } from '../src/aws/actions';
import { collectInventory } from '../src/aws/collector';
import type { InventorySnapshot } from '../src/core/inventory/snapshot';
import { startMoto } from '../test/integration/support/moto';
import { MOTO_ACCOUNT, SEED_CREDENTIALS, seedAccount, type SeedSpec } from '../test/integration/support/seed';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

// The SDK reports the client class per call; commands of the same name (ListClusters) differ by client.
const CLIENT_NAMES: Record<string, string> = {
  '@aws-sdk/client-ec2': 'EC2Client',
  '@aws-sdk/client-rds': 'RDSClient',
  '@aws-sdk/client-elastic-load-balancing': 'ElasticLoadBalancingClient',
  '@aws-sdk/client-elastic-load-balancing-v2': 'ElasticLoadBalancingV2Client',
  '@aws-sdk/client-route-53': 'Route53Client',
  '@aws-sdk/client-elasticache': 'ElastiCacheClient',
  '@aws-sdk/client-ecs': 'ECSClient',
  '@aws-sdk/client-eks': 'EKSClient',
  '@aws-sdk/client-lambda': 'LambdaClient',
  '@aws-sdk/client-s3': 'S3Client',
};

// ~5,400 resources: 1,050 instances per region dominate, as in a real estate; every kind is present.
const SPEC: SeedSpec = {
  regions: REGIONS,
  perRegion: {
    instances: 1000,
    terminatedInstances: 50,
    securityGroups: 150,
    vpcs: 5,
    subnets: 100,
    dbInstances: 30,
    albs: 20,
    nlbs: 10,
    classicElbs: 20,
    cacheClusters: 30,
    ecsClusters: 40,
    eksClusters: 10,
    functions: 40,
  },
  buckets: 150,
  zones: 5,
  cnamesPerZone: 150,
};

const pages = (n: number, id: CustomerCommandId) => Math.max(1, Math.ceil(n / maxPageSize(id)));

/**
 * The fewest calls that could read this snapshot: one per full page of every listing in every
 * region (at least one, to learn that it is empty), plus the per-item calls the APIs force on us.
 */
export function minimumCalls(snapshot: InventorySnapshot): Map<CustomerCommandId, number> {
  const min = new Map<CustomerCommandId, number>();
  const add = (id: CustomerCommandId, n: number) => min.set(id, (min.get(id) ?? 0) + n);
  const count = (
    kind: string,
    region: string | null,
    predicate: (attrs: Record<string, string>) => boolean = () => true,
  ) =>
    snapshot.resources.filter((r) => r.kind === kind && r.region === region && predicate(r.attributes))
      .length;
  for (const { regions } of snapshot.accounts) {
    for (const region of regions) {
      add('ec2.DescribeInstances', pages(count('ec2-instance', region), 'ec2.DescribeInstances'));
      add('ec2.DescribeSecurityGroups', pages(count('security-group', region), 'ec2.DescribeSecurityGroups'));
      add('ec2.DescribeSubnets', pages(count('subnet', region), 'ec2.DescribeSubnets'));
      add('ec2.DescribeVpcs', pages(count('vpc', region), 'ec2.DescribeVpcs'));
      add('rds.DescribeDBInstances', pages(count('rds-instance', region), 'rds.DescribeDBInstances'));
      const classic = count('load-balancer', region, (a) => a.type === 'classic');
      add('elb.DescribeLoadBalancers', pages(classic, 'elb.DescribeLoadBalancers'));
      add(
        'elbv2.DescribeLoadBalancers',
        pages(count('load-balancer', region) - classic, 'elbv2.DescribeLoadBalancers'),
      );
      add(
        'elasticache.DescribeCacheClusters',
        pages(count('elasticache-cluster', region), 'elasticache.DescribeCacheClusters'),
      );
      const ecs = count('ecs-cluster', region);
      add('ecs.ListClusters', pages(ecs, 'ecs.ListClusters'));
      add('ecs.DescribeClusters', Math.ceil(ecs / maxPageSize('ecs.DescribeClusters')));
      const eks = count('eks-cluster', region);
      add('eks.ListClusters', pages(eks, 'eks.ListClusters'));
      add('eks.DescribeCluster', eks);
      add('lambda.ListFunctions', pages(count('lambda-function', region), 'lambda.ListFunctions'));
    }
  }
  const buckets = snapshot.resources.filter((r) => r.kind === 's3-bucket').length;
  add('s3.ListBuckets', pages(buckets, 's3.ListBuckets'));
  add('s3.GetBucketLocation', buckets);
  const zones = snapshot.resources.filter((r) => r.kind === 'route53-zone');
  add('route53.ListHostedZones', pages(zones.length, 'route53.ListHostedZones'));
  for (const zone of zones) {
    const records = snapshot.dnsRecords.filter((r) => r.zoneId === zone.id).length;
    add('route53.ListResourceRecordSets', pages(records, 'route53.ListResourceRecordSets'));
  }
  return min;
}

export async function benchInventory(): Promise<void> {
  const moto = await startMoto();
  try {
    const seedStart = performance.now();
    const seeded = await seedAccount(moto.endpoint, SPEC);
    const seedMs = performance.now() - seedStart;

    const attempts = new Map<string, number>();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    const snapshot = await collectInventory({
      targets: [
        { account: MOTO_ACCOUNT, roleArn: null, credentials: () => Promise.resolve(SEED_CREDENTIALS) },
      ],
      regions: REGIONS,
      clientSettings: {
        endpoint: moto.endpoint,
        onAttempt: (command, client) =>
          attempts.set(`${client}.${command}`, (attempts.get(`${client}.${command}`) ?? 0) + 1),
      },
    });
    const wallMs = performance.now() - start;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    const notOk = snapshot.coverage.filter((c) => c.outcome !== 'ok');
    const min = minimumCalls(snapshot);
    const made = [...attempts.values()].reduce((a, b) => a + b, 0);
    const minimum = [...min.values()].reduce((a, b) => a + b, 0);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

    const lines = [
      `inventory bench (moto ${moto.endpoint}, ${REGIONS.length} regions)`,
      `  seeded            ${seeded.resources.size} resources + ${seeded.dnsRecords.size} DNS names in ${(seedMs / 1000).toFixed(1)} s`,
      `  collected         ${snapshot.resources.length} resources + ${snapshot.dnsRecords.length} DNS records, ${snapshot.coverage.length - notOk.length}/${snapshot.coverage.length} service-regions ok`,
      `  wall time         ${(wallMs / 1000).toFixed(2)} s`,
      `  AWS calls made    ${made} (every HTTP attempt, retries included)`,
      `  minimum possible  ${minimum}`,
      `  ratio             ${(made / minimum).toFixed(3)} (target <= 1.1)`,
      `  peak RSS          ${mb(peakRss)} during collection; process maxRSS ${mb(resourceUsage().maxRSS * 1024)}`,
      '  per API (made / minimum):',
    ];
    for (const [id, entry] of Object.entries(CUSTOMER_COMMANDS) as [
      CustomerCommandId,
      { sdkPackage: string; command: string },
    ][]) {
      if (id === 'ec2.DescribeRegions') continue; // explicit regions: not called
      const madeFor = attempts.get(`${CLIENT_NAMES[entry.sdkPackage] ?? '?'}.${entry.command}`) ?? 0;
      lines.push(`    ${id.padEnd(36)} ${String(madeFor).padStart(5)} / ${min.get(id) ?? 0}`);
    }
    lines.push(
      '  note: moto pages DescribeInstances by reservation, not by instance (the seed makes 3 reservations',
      '        per region), so it answers in fewer calls than AWS would. Every other listing here fits one AWS page.',
    );
    if (notOk.length > 0)
      lines.push(
        `  NOT OK: ${notOk.map((c) => `${c.service}/${c.region ?? 'global'}: ${c.detail ?? c.outcome}`).join('; ')}`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await moto.stop();
  }
}
