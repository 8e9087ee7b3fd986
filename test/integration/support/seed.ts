import {
  DescribeImagesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  CreateSubnetCommand,
} from '@aws-sdk/client-ec2';
import { CreateClusterCommand as CreateEcsCluster, ECSClient } from '@aws-sdk/client-ecs';
import { CreateClusterCommand as CreateEksCluster, EKSClient } from '@aws-sdk/client-eks';
import {
  CreateLoadBalancerCommand as CreateClassicLb,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  CreateLoadBalancerCommand as CreateV2Lb,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateCacheClusterCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
  type Change,
} from '@aws-sdk/client-route-53';
import { CreateBucketCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';

/** moto's default account: every seeded resource belongs to it. */
export const MOTO_ACCOUNT = '123456789012';
export const SEED_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: 'AKIASEEDSEEDSEEDSEED',
  secretAccessKey: 'seed',
};

export interface SeedSpec {
  regions: string[];
  perRegion: {
    instances: number;
    terminatedInstances: number;
    securityGroups: number;
    vpcs: number;
    subnets: number;
    dbInstances: number;
    /** Of which one is an Aurora cluster member (DBClusterIdentifier). */
    albs: number;
    nlbs: number;
    classicElbs: number;
    cacheClusters: number;
    ecsClusters: number;
    eksClusters: number;
    functions: number;
  };
  /** Spread over the regions round-robin; the first is in us-east-1 (no LocationConstraint). */
  buckets: number;
  zones: number;
  /** CNAME records per zone, on top of the alias, wildcard and weighted ones we always add. */
  cnamesPerZone: number;
}

/** What was created, as the collector should report it: `${kind} ${region} ${id}` lines and DNS records. */
export interface Seeded {
  resources: Set<string>;
  dnsRecords: Set<string>;
  bucketRegions: Map<string, string>;
}

const key = (kind: string, region: string | null, id: string) => `${kind} ${region ?? '-'} ${id}`;

function clientConfig(endpoint: string, region: string, credentials: AwsCredentialIdentity) {
  return { endpoint, region, credentials, maxAttempts: 2 };
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function seedAccount(
  endpoint: string,
  spec: SeedSpec,
  credentials: AwsCredentialIdentity = SEED_CREDENTIALS,
): Promise<Seeded> {
  const seeded: Seeded = { resources: new Set(), dnsRecords: new Set(), bucketRegions: new Map() };
  const add = (kind: string, region: string | null, id: string) =>
    seeded.resources.add(key(kind, region, id));
  const p = spec.perRegion;

  const iam = new IAMClient(clientConfig(endpoint, 'us-east-1', credentials));
  const lambdaRole = await iam.send(
    new CreateRoleCommand({
      RoleName: `seed-lambda-${Date.now()}`,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  const lambdaRoleArn = lambdaRole.Role?.Arn ?? '';
  iam.destroy();

  for (const region of spec.regions) {
    const cfg = clientConfig(endpoint, region, credentials);
    const ec2 = new EC2Client(cfg);
    const images = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    const imageId = images.Images?.[0]?.ImageId ?? 'ami-12c6146b';
    const defaultSubnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
    const azSubnets = defaultSubnets.filter((s) => s.DefaultForAz).map((s) => s.SubnetId ?? '');

    // RunInstances takes a count: one call per 500 keeps the request small and the seed fast.
    let remaining = p.instances + p.terminatedInstances;
    const instanceIds: string[] = [];
    while (remaining > 0) {
      const n = Math.min(500, remaining);
      const out = await ec2.send(
        new RunInstancesCommand({
          ImageId: imageId,
          MinCount: n,
          MaxCount: n,
          InstanceType: 't3.micro',
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `seed-${region}` }] }],
        }),
      );
      instanceIds.push(...(out.Instances ?? []).map((i) => i.InstanceId ?? ''));
      remaining -= n;
    }
    const terminated = instanceIds.slice(0, p.terminatedInstances);
    if (terminated.length > 0) await ec2.send(new TerminateInstancesCommand({ InstanceIds: terminated }));
    for (const id of instanceIds) add('ec2-instance', region, id);

    const vpcIds: string[] = [];
    for (const i of range(p.vpcs)) {
      const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i % 250}.0.0/16` }));
      vpcIds.push(vpc.Vpc?.VpcId ?? '');
    }
    await inBatches(range(p.subnets), 20, async (i) => {
      const vpcId = vpcIds[i % vpcIds.length] ?? '';
      const out = await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: `10.${(i % vpcIds.length) % 250}.${Math.floor(i / vpcIds.length)}.0/24`,
        }),
      );
      add('subnet', region, out.Subnet?.SubnetId ?? '');
    });
    await inBatches(range(p.securityGroups), 20, async (i) => {
      const out = await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: `seed-sg-${i}`, Description: 'seed', VpcId: vpcIds[0] }),
      );
      add('security-group', region, out.GroupId ?? '');
    });
    for (const id of vpcIds) add('vpc', region, id);
    ec2.destroy();

    const rds = new RDSClient(cfg);
    if (p.dbInstances > 0) {
      await rds.send(
        new CreateDBClusterCommand({
          DBClusterIdentifier: `seed-aurora-${region}`,
          Engine: 'aurora-postgresql',
          MasterUsername: 'seed',
          MasterUserPassword: 'seed-password-1',
        }),
      );
    }
    await inBatches(range(p.dbInstances), 10, async (i) => {
      const id = `seed-db-${region}-${i}`;
      await rds.send(
        new CreateDBInstanceCommand(
          i === 0
            ? {
                DBInstanceIdentifier: id,
                DBInstanceClass: 'db.r5.large',
                Engine: 'aurora-postgresql',
                DBClusterIdentifier: `seed-aurora-${region}`,
              }
            : {
                DBInstanceIdentifier: id,
                DBInstanceClass: 'db.t3.micro',
                Engine: 'postgres',
                AllocatedStorage: 20,
                MasterUsername: 'seed',
                MasterUserPassword: 'seed-password-1',
              },
        ),
      );
      add('rds-instance', region, id);
    });
    rds.destroy();

    const elbv2 = new ElasticLoadBalancingV2Client(cfg);
    const v2 = [
      ...range(p.albs).map((i) => ({ i, type: 'application' as const })),
      ...range(p.nlbs).map((i) => ({ i, type: 'network' as const })),
    ];
    await inBatches(v2, 10, async ({ i, type }) => {
      const name = `seed-${type === 'application' ? 'alb' : 'nlb'}-${i}`;
      await elbv2.send(
        new CreateV2Lb({ Name: name, Type: type, Subnets: azSubnets.slice(0, 2), Scheme: 'internal' }),
      );
      add('load-balancer', region, name);
    });
    elbv2.destroy();

    const elb = new ElasticLoadBalancingClient(cfg);
    await inBatches(range(p.classicElbs), 10, async (i) => {
      const name = `seed-clb-${i}`;
      await elb.send(
        new CreateClassicLb({
          LoadBalancerName: name,
          Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }],
          AvailabilityZones: [`${region}a`],
        }),
      );
      add('load-balancer', region, name);
    });
    elb.destroy();

    const cache = new ElastiCacheClient(cfg);
    await inBatches(range(p.cacheClusters), 10, async (i) => {
      const id = `seed-cache-${i}`;
      await cache.send(
        new CreateCacheClusterCommand({
          CacheClusterId: id,
          Engine: 'redis',
          CacheNodeType: 'cache.t3.micro',
          NumCacheNodes: 1,
        }),
      );
      add('elasticache-cluster', region, id);
    });
    cache.destroy();

    const ecs = new ECSClient(cfg);
    await inBatches(range(p.ecsClusters), 10, async (i) => {
      const name = `seed-ecs-${i}`;
      await ecs.send(new CreateEcsCluster({ clusterName: name, tags: [{ key: 'team', value: 'seed' }] }));
      add('ecs-cluster', region, name);
    });
    ecs.destroy();

    const eks = new EKSClient(cfg);
    await inBatches(range(p.eksClusters), 10, async (i) => {
      const name = `seed-eks-${i}`;
      await eks.send(
        new CreateEksCluster({
          name,
          roleArn: lambdaRoleArn,
          resourcesVpcConfig: { subnetIds: azSubnets.slice(0, 2) },
        }),
      );
      add('eks-cluster', region, name);
    });
    eks.destroy();

    const lambda = new LambdaClient(cfg);
    // A minimal zip (empty archive) is enough: moto never runs the function here.
    const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
    await inBatches(range(p.functions), 10, async (i) => {
      const name = `seed-fn-${i}`;
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs20.x',
          Role: lambdaRoleArn,
          Handler: 'index.handler',
          Code: { ZipFile: zip },
        }),
      );
      add('lambda-function', region, name);
    });
    lambda.destroy();
  }

  const s3 = new S3Client({ ...clientConfig(endpoint, 'us-east-1', credentials), forcePathStyle: true });
  await inBatches(range(spec.buckets), 20, async (i) => {
    const region = i === 0 ? 'us-east-1' : (spec.regions[i % spec.regions.length] ?? 'us-east-1');
    const name = `seed-bucket-${i}-${region}`;
    await s3.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
    add('s3-bucket', region, name);
    seeded.bucketRegions.set(name, region);
  });
  s3.destroy();

  const route53 = new Route53Client(clientConfig(endpoint, 'us-east-1', credentials));
  for (const z of range(spec.zones)) {
    const zoneName = `zone${z}.seed.example.com`;
    const zone = await route53.send(
      new CreateHostedZoneCommand({ Name: `${zoneName}.`, CallerReference: `seed-${z}-${Date.now()}` }),
    );
    const zoneId = (zone.HostedZone?.Id ?? '').replace('/hostedzone/', '');
    add('route53-zone', null, zoneId);
    seeded.dnsRecords.add(`${zoneName} NS`);
    seeded.dnsRecords.add(`${zoneName} SOA`);
    const changes: Change[] = [
      ...range(spec.cnamesPerZone).map((i) => ({
        Action: 'CREATE' as const,
        ResourceRecordSet: {
          Name: `app${i}.${zoneName}.`,
          Type: 'CNAME' as const,
          TTL: 60,
          ResourceRecords: [{ Value: `Target${i}.Example.NET.` }],
        },
      })),
      {
        Action: 'CREATE',
        ResourceRecordSet: {
          Name: `alias.${zoneName}.`,
          Type: 'A',
          AliasTarget: {
            HostedZoneId: 'Z35SXDOTRQ7X7K',
            DNSName: 'DualStack.My-LB-1234.us-east-1.ELB.amazonaws.com.',
            EvaluateTargetHealth: false,
          },
        },
      },
      {
        Action: 'CREATE',
        ResourceRecordSet: {
          Name: `*.${zoneName}.`,
          Type: 'CNAME',
          TTL: 60,
          ResourceRecords: [{ Value: 'wild.example.net' }],
        },
      },
      ...['blue', 'green'].map((id) => ({
        Action: 'CREATE' as const,
        ResourceRecordSet: {
          Name: `weighted.${zoneName}.`,
          Type: 'A' as const,
          TTL: 60,
          SetIdentifier: id,
          Weight: 50,
          ResourceRecords: [{ Value: '10.0.0.1' }],
        },
      })),
    ];
    for (let i = 0; i < changes.length; i += 500) {
      await route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: changes.slice(i, i + 500) },
        }),
      );
    }
    for (const c of changes) {
      const rs = c.ResourceRecordSet;
      if (rs?.Name && rs.Type) seeded.dnsRecords.add(`${rs.Name.replace(/\.$/, '')} ${rs.Type}`);
    }
  }
  route53.destroy();
  return seeded;
}
