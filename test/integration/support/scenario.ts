import {
  DescribeImagesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand,
  DeleteLoadBalancerCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, RDSClient, StopDBInstanceCommand } from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SEED_CREDENTIALS } from './seed';

/**
 * A small, realistic account for the end-to-end scan: one of each thing a runbook goes stale on,
 * with the ids and DNS names moto generated, so the test can write a page that references them.
 */
export interface Scenario {
  zone: string;
  instances: { bastion: string; webOld: string; webNew: string; batch: string };
  databases: { orders: string; ordersEndpoint: string; reports: string };
  loadBalancers: { apiDns: string; oldShopDns: string };
  buckets: { backups: string };
}

export const HOME = 'eu-west-1';
export const OTHER = 'us-east-1';

const config = (endpoint: string, region: string) => ({
  endpoint,
  region,
  credentials: SEED_CREDENTIALS,
  maxAttempts: 2,
});

async function runInstance(ec2: EC2Client, imageId: string, name: string): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: imageId,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro',
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
    }),
  );
  return out.Instances?.[0]?.InstanceId ?? '';
}

export async function seedScenario(endpoint: string): Promise<Scenario> {
  const ec2 = new EC2Client(config(endpoint, HOME));
  const images = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
  const imageId = images.Images?.[0]?.ImageId ?? 'ami-12c6146b';
  const bastion = await runInstance(ec2, imageId, 'bastion-prod');
  // web-prod was replaced: the old instance is terminated, a new one carries its Name tag.
  const webOld = await runInstance(ec2, imageId, 'web-prod');
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [webOld] }));
  const webNew = await runInstance(ec2, imageId, 'web-prod');
  const batch = await runInstance(ec2, imageId, 'batch-worker');
  await ec2.send(new StopInstancesCommand({ InstanceIds: [batch] }));
  const subnets = ((await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [])
    .filter((s) => s.DefaultForAz)
    .map((s) => s.SubnetId ?? '');
  ec2.destroy();

  const rds = new RDSClient(config(endpoint, HOME));
  const db = (id: string) =>
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: id,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      AllocatedStorage: 20,
      MasterUsername: 'seed',
      MasterUserPassword: 'seed-password-1',
    });
  const orders = await rds.send(db('orders-db'));
  await rds.send(db('reports-db'));
  await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'reports-db' }));
  rds.destroy();

  const elbv2 = new ElasticLoadBalancingV2Client(config(endpoint, HOME));
  const alb = (name: string) =>
    elbv2.send(
      new CreateLoadBalancerCommand({ Name: name, Type: 'application', Subnets: subnets.slice(0, 2) }),
    );
  const api = (await alb('api-alb')).LoadBalancers?.[0];
  const oldShop = (await alb('shop-alb')).LoadBalancers?.[0];
  await elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: oldShop?.LoadBalancerArn }));
  elbv2.destroy();

  // The function lives in us-east-1; the runbook will say eu-west-1.
  const iam = new IAMClient(config(endpoint, OTHER));
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'scenario-lambda',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  iam.destroy();
  const lambda = new LambdaClient(config(endpoint, OTHER));
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'rotate-keys',
      Runtime: 'nodejs20.x',
      Role: role.Role?.Arn ?? '',
      Handler: 'index.handler',
      Code: { ZipFile: Buffer.from('504b0506000000000000000000000000000000000000', 'hex') },
    }),
  );
  lambda.destroy();

  const s3 = new S3Client({ ...config(endpoint, OTHER), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'acme-e2e-backups' }));
  s3.destroy();

  const zone = 'e2e.acme.io';
  const route53 = new Route53Client(config(endpoint, OTHER));
  const created = await route53.send(
    new CreateHostedZoneCommand({ Name: `${zone}.`, CallerReference: `scenario-${Date.now()}` }),
  );
  const cname = (name: string, value: string) => ({
    Action: 'CREATE' as const,
    ResourceRecordSet: {
      Name: `${name}.${zone}.`,
      Type: 'CNAME' as const,
      TTL: 60,
      ResourceRecords: [{ Value: value }],
    },
  });
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: (created.HostedZone?.Id ?? '').replace('/hostedzone/', ''),
      ChangeBatch: {
        Changes: [
          cname('api', api?.DNSName ?? ''),
          // The classic takeover hazard: a CNAME left behind when its load balancer was deleted.
          cname('shop', oldShop?.DNSName ?? ''),
          cname('db', orders.DBInstance?.Endpoint?.Address ?? ''),
        ],
      },
    }),
  );
  route53.destroy();

  return {
    zone,
    instances: { bastion, webOld, webNew, batch },
    databases: {
      orders: 'orders-db',
      ordersEndpoint: orders.DBInstance?.Endpoint?.Address ?? '',
      reports: 'reports-db',
    },
    loadBalancers: { apiDns: api?.DNSName ?? '', oldShopDns: oldShop?.DNSName ?? '' },
    buckets: { backups: 'acme-e2e-backups' },
  };
}
