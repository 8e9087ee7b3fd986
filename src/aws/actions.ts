/**
 * The one table of every AWS SDK command RunbookGuard sends, with the IAM action it needs.
 * Customer-side commands must equal the 17 actions of cfn/runbookguard-role.yaml (tests check
 * this and scan src/ for any other command), so widening access is always a visible, reviewed change.
 */
export interface SdkCommand {
  /** The @aws-sdk package that exports the command. */
  readonly sdkPackage: string;
  readonly command: string;
  /** The SDK paginator built on the command, when we use one. */
  readonly paginator?: string;
  readonly action: string;
  /** Largest page size the API accepts; paging loops and the bench use it. */
  readonly maxPageSize?: number;
}

const ec2 = '@aws-sdk/client-ec2';

/** Sent with the customer's role credentials: exactly the role template's policy. */
export const CUSTOMER_COMMANDS = {
  'ec2.DescribeInstances': {
    sdkPackage: ec2,
    command: 'DescribeInstancesCommand',
    paginator: 'paginateDescribeInstances',
    action: 'ec2:DescribeInstances',
    maxPageSize: 1000,
  },
  'ec2.DescribeSecurityGroups': {
    sdkPackage: ec2,
    command: 'DescribeSecurityGroupsCommand',
    paginator: 'paginateDescribeSecurityGroups',
    action: 'ec2:DescribeSecurityGroups',
    maxPageSize: 1000,
  },
  'ec2.DescribeSubnets': {
    sdkPackage: ec2,
    command: 'DescribeSubnetsCommand',
    paginator: 'paginateDescribeSubnets',
    action: 'ec2:DescribeSubnets',
    maxPageSize: 1000,
  },
  'ec2.DescribeVpcs': {
    sdkPackage: ec2,
    command: 'DescribeVpcsCommand',
    paginator: 'paginateDescribeVpcs',
    action: 'ec2:DescribeVpcs',
    maxPageSize: 1000,
  },
  'ec2.DescribeRegions': {
    sdkPackage: ec2,
    command: 'DescribeRegionsCommand',
    action: 'ec2:DescribeRegions',
  },
  'rds.DescribeDBInstances': {
    sdkPackage: '@aws-sdk/client-rds',
    command: 'DescribeDBInstancesCommand',
    paginator: 'paginateDescribeDBInstances',
    action: 'rds:DescribeDBInstances',
    maxPageSize: 100,
  },
  'elb.DescribeLoadBalancers': {
    sdkPackage: '@aws-sdk/client-elastic-load-balancing',
    command: 'DescribeLoadBalancersCommand',
    paginator: 'paginateDescribeLoadBalancers',
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    maxPageSize: 400,
  },
  'elbv2.DescribeLoadBalancers': {
    sdkPackage: '@aws-sdk/client-elastic-load-balancing-v2',
    command: 'DescribeLoadBalancersCommand',
    paginator: 'paginateDescribeLoadBalancers',
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    maxPageSize: 400,
  },
  'route53.ListHostedZones': {
    sdkPackage: '@aws-sdk/client-route-53',
    command: 'ListHostedZonesCommand',
    paginator: 'paginateListHostedZones',
    action: 'route53:ListHostedZones',
    maxPageSize: 100,
  },
  // No SDK paginator: the next page is a (name, type, identifier) triple, paged by hand.
  'route53.ListResourceRecordSets': {
    sdkPackage: '@aws-sdk/client-route-53',
    command: 'ListResourceRecordSetsCommand',
    action: 'route53:ListResourceRecordSets',
    maxPageSize: 300,
  },
  'elasticache.DescribeCacheClusters': {
    sdkPackage: '@aws-sdk/client-elasticache',
    command: 'DescribeCacheClustersCommand',
    paginator: 'paginateDescribeCacheClusters',
    action: 'elasticache:DescribeCacheClusters',
    maxPageSize: 100,
  },
  'ecs.ListClusters': {
    sdkPackage: '@aws-sdk/client-ecs',
    command: 'ListClustersCommand',
    paginator: 'paginateListClusters',
    action: 'ecs:ListClusters',
    maxPageSize: 100,
  },
  // Takes at most 100 cluster ARNs per call.
  'ecs.DescribeClusters': {
    sdkPackage: '@aws-sdk/client-ecs',
    command: 'DescribeClustersCommand',
    action: 'ecs:DescribeClusters',
    maxPageSize: 100,
  },
  'eks.ListClusters': {
    sdkPackage: '@aws-sdk/client-eks',
    command: 'ListClustersCommand',
    paginator: 'paginateListClusters',
    action: 'eks:ListClusters',
    maxPageSize: 100,
  },
  'eks.DescribeCluster': {
    sdkPackage: '@aws-sdk/client-eks',
    command: 'DescribeClusterCommand',
    action: 'eks:DescribeCluster',
  },
  // AWS returns at most 50 functions per page whatever MaxItems says.
  'lambda.ListFunctions': {
    sdkPackage: '@aws-sdk/client-lambda',
    command: 'ListFunctionsCommand',
    paginator: 'paginateListFunctions',
    action: 'lambda:ListFunctions',
    maxPageSize: 50,
  },
  's3.ListBuckets': {
    sdkPackage: '@aws-sdk/client-s3',
    command: 'ListBucketsCommand',
    paginator: 'paginateListBuckets',
    action: 's3:ListAllMyBuckets',
    maxPageSize: 10000,
  },
  's3.GetBucketLocation': {
    sdkPackage: '@aws-sdk/client-s3',
    command: 'GetBucketLocationCommand',
    action: 's3:GetBucketLocation',
  },
} as const satisfies Record<string, SdkCommand>;

/**
 * Sent with the vendor's own credentials, never the customer's role. GetCallerIdentity needs no
 * permission at all; we use it only to name the caller's own account in local runs without a role.
 */
export const CALLER_COMMANDS = {
  'sts.AssumeRole': {
    sdkPackage: '@aws-sdk/client-sts',
    command: 'AssumeRoleCommand',
    action: 'sts:AssumeRole',
  },
  'sts.GetCallerIdentity': {
    sdkPackage: '@aws-sdk/client-sts',
    command: 'GetCallerIdentityCommand',
    action: 'sts:GetCallerIdentity',
  },
} as const satisfies Record<string, SdkCommand>;

export type CustomerCommandId = keyof typeof CUSTOMER_COMMANDS;

export function maxPageSize(id: CustomerCommandId): number {
  const entry: SdkCommand = CUSTOMER_COMMANDS[id];
  if (entry.maxPageSize === undefined) throw new Error(`${id} is not paged`);
  return entry.maxPageSize;
}

/** The IAM actions the customer's role must grant: derived from the table, never listed twice. */
export function customerActions(): string[] {
  return [...new Set(Object.values(CUSTOMER_COMMANDS).map((c: SdkCommand) => c.action))].sort();
}
