import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { DescribeClustersCommand, ListClustersCommand as ListEcsClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeClusterCommand, ListClustersCommand as ListEksClustersCommand } from '@aws-sdk/client-eks';
import { DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeCacheClustersCommand } from '@aws-sdk/client-elasticache';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { ListHostedZonesCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { GetBucketLocationCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Service } from '../core/inventory/snapshot';
import { CUSTOMER_COMMANDS, maxPageSize, type CustomerCommandId } from './actions';
import { createAwsClients, destroyAwsClients, type AwsClients, type ClientSettings } from './clients';
import { DEFAULT_HOME_REGION } from './collector';
import { mapAwsError } from './errors';
import { createLimiter } from './limiter';
import { listEnabledRegions } from './services/ec2.collect';

/**
 * A bounded "can the role read this?" check: one first page per IAM action and (service, region),
 * counted but not converted or stored. Unlike the collector it stops at a deadline, so it fits an
 * interactive call; whatever was not tried by then says so.
 */
export type ProbeOutcome =
  | { status: 'ok'; resourceCount: number; moreResources: boolean }
  | { status: 'denied'; action: string }
  | { status: 'disabled' }
  | { status: 'error'; message: string }
  | { status: 'not-tried' };

export type ProbeCheck = { service: Service; region: string | null } & ProbeOutcome;

export interface ProbeResult {
  regions: string[];
  checks: ProbeCheck[];
}

export interface ProbeOptions {
  credentials: AwsCredentialIdentityProvider;
  /** null: every region the account has enabled (DescribeRegions). */
  regions: string[] | null;
  /** Epoch ms after which nothing new starts and calls in flight are abandoned. */
  deadline: number;
  concurrency?: number;
  clientSettings?: ClientSettings;
  /** Test seam: build clients some other way. */
  createClients?: (region: string, credentials: AwsCredentialIdentityProvider) => AwsClients;
  now?: () => number;
}

/** One first page of a listing: how many items it held and whether there are more. */
interface Page {
  count: number;
  more: boolean;
  /** A name to describe in a follow-up call that needs one (ECS, EKS, S3, Route 53). */
  first?: string;
}

type Send = (clients: AwsClients, signal: AbortSignal, follow: string | undefined) => Promise<Page | null>;

interface Step {
  command: CustomerCommandId;
  /** A follow-up needs the first step's item: skipped (not a failure) when there is none. */
  follows?: boolean;
  send: Send;
}

const opts = (signal: AbortSignal) => ({ abortSignal: signal });
const page = (count: number, next: unknown, first?: string): Page => ({
  count,
  more: next !== undefined && next !== null && next !== '' && next !== false,
  ...(first === undefined ? {} : { first }),
});

// Per service, the calls that exercise every IAM action it needs (DescribeRegions runs once, first).
const STEPS: Record<Service, Step[]> = {
  ec2: [
    {
      command: 'ec2.DescribeInstances',
      send: async (c, s) => {
        const o = await c.ec2.send(
          new DescribeInstancesCommand({ MaxResults: maxPageSize('ec2.DescribeInstances') }),
          opts(s),
        );
        return page(
          (o.Reservations ?? []).reduce((n, r) => n + (r.Instances ?? []).length, 0),
          o.NextToken,
        );
      },
    },
    {
      command: 'ec2.DescribeSecurityGroups',
      send: async (c, s) => {
        const o = await c.ec2.send(
          new DescribeSecurityGroupsCommand({ MaxResults: maxPageSize('ec2.DescribeSecurityGroups') }),
          opts(s),
        );
        return page((o.SecurityGroups ?? []).length, o.NextToken);
      },
    },
    {
      command: 'ec2.DescribeSubnets',
      send: async (c, s) => {
        const o = await c.ec2.send(
          new DescribeSubnetsCommand({ MaxResults: maxPageSize('ec2.DescribeSubnets') }),
          opts(s),
        );
        return page((o.Subnets ?? []).length, o.NextToken);
      },
    },
    {
      command: 'ec2.DescribeVpcs',
      send: async (c, s) => {
        const o = await c.ec2.send(
          new DescribeVpcsCommand({ MaxResults: maxPageSize('ec2.DescribeVpcs') }),
          opts(s),
        );
        return page((o.Vpcs ?? []).length, o.NextToken);
      },
    },
  ],
  rds: [
    {
      command: 'rds.DescribeDBInstances',
      send: async (c, s) => {
        const o = await c.rds.send(
          new DescribeDBInstancesCommand({ MaxRecords: maxPageSize('rds.DescribeDBInstances') }),
          opts(s),
        );
        return page((o.DBInstances ?? []).length, o.Marker);
      },
    },
  ],
  elb: [
    {
      command: 'elb.DescribeLoadBalancers',
      send: async (c, s) => {
        const o = await c.elb.send(
          new DescribeClassicLoadBalancersCommand({ PageSize: maxPageSize('elb.DescribeLoadBalancers') }),
          opts(s),
        );
        return page((o.LoadBalancerDescriptions ?? []).length, o.NextMarker);
      },
    },
  ],
  elbv2: [
    {
      command: 'elbv2.DescribeLoadBalancers',
      send: async (c, s) => {
        const o = await c.elbv2.send(
          new DescribeLoadBalancersCommand({ PageSize: maxPageSize('elbv2.DescribeLoadBalancers') }),
          opts(s),
        );
        return page((o.LoadBalancers ?? []).length, o.NextMarker);
      },
    },
  ],
  elasticache: [
    {
      command: 'elasticache.DescribeCacheClusters',
      send: async (c, s) => {
        const o = await c.elasticache.send(
          new DescribeCacheClustersCommand({ MaxRecords: maxPageSize('elasticache.DescribeCacheClusters') }),
          opts(s),
        );
        return page((o.CacheClusters ?? []).length, o.Marker);
      },
    },
  ],
  ecs: [
    {
      command: 'ecs.ListClusters',
      send: async (c, s) => {
        const o = await c.ecs.send(
          new ListEcsClustersCommand({ maxResults: maxPageSize('ecs.ListClusters') }),
          opts(s),
        );
        return page((o.clusterArns ?? []).length, o.nextToken, o.clusterArns?.[0]);
      },
    },
    {
      command: 'ecs.DescribeClusters',
      follows: true,
      send: async (c, s, arn) => {
        if (arn === undefined) return null;
        await c.ecs.send(new DescribeClustersCommand({ clusters: [arn] }), opts(s));
        return null;
      },
    },
  ],
  eks: [
    {
      command: 'eks.ListClusters',
      send: async (c, s) => {
        const o = await c.eks.send(
          new ListEksClustersCommand({ maxResults: maxPageSize('eks.ListClusters') }),
          opts(s),
        );
        return page((o.clusters ?? []).length, o.nextToken, o.clusters?.[0]);
      },
    },
    {
      command: 'eks.DescribeCluster',
      follows: true,
      send: async (c, s, name) => {
        if (name === undefined) return null;
        await c.eks.send(new DescribeClusterCommand({ name }), opts(s));
        return null;
      },
    },
  ],
  lambda: [
    {
      command: 'lambda.ListFunctions',
      send: async (c, s) => {
        const o = await c.lambda.send(
          new ListFunctionsCommand({ MaxItems: maxPageSize('lambda.ListFunctions') }),
          opts(s),
        );
        return page((o.Functions ?? []).length, o.NextMarker);
      },
    },
  ],
  s3: [
    {
      command: 's3.ListBuckets',
      send: async (c, s) => {
        const o = await c.s3.send(
          new ListBucketsCommand({ MaxBuckets: maxPageSize('s3.ListBuckets') }),
          opts(s),
        );
        return page((o.Buckets ?? []).length, o.ContinuationToken, o.Buckets?.[0]?.Name);
      },
    },
    {
      command: 's3.GetBucketLocation',
      follows: true,
      send: async (c, s, bucket) => {
        if (bucket === undefined) return null;
        await c.s3.send(new GetBucketLocationCommand({ Bucket: bucket }), opts(s));
        return null;
      },
    },
  ],
  route53: [
    {
      command: 'route53.ListHostedZones',
      send: async (c, s) => {
        const o = await c.route53.send(
          new ListHostedZonesCommand({ MaxItems: maxPageSize('route53.ListHostedZones') }),
          opts(s),
        );
        return page(
          (o.HostedZones ?? []).length,
          o.IsTruncated === true ? o.NextMarker : undefined,
          o.HostedZones?.[0]?.Id,
        );
      },
    },
    {
      command: 'route53.ListResourceRecordSets',
      follows: true,
      send: async (c, s, zoneId) => {
        if (zoneId === undefined) return null;
        await c.route53.send(
          new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, MaxItems: 1 }),
          opts(s),
        );
        return null;
      },
    },
  ],
};

const STEPS_ORDER = Object.keys(STEPS) as Service[];
const GLOBAL: ReadonlySet<Service> = new Set<Service>(['s3', 'route53']);

/** The IAM action of a command, from the one command → action table. */
export function actionOf(command: CustomerCommandId): string {
  return CUSTOMER_COMMANDS[command].action;
}

/** The IAM actions a service's check exercises, in call order (the snapshot fake names the first). */
export function serviceActions(service: Service): string[] {
  return STEPS[service].map((s) => actionOf(s.command));
}

export async function probeAccount(o: ProbeOptions): Promise<ProbeResult> {
  const now = o.now ?? Date.now;
  const limit = createLimiter(o.concurrency ?? 6);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), Math.max(0, o.deadline - now()));
  const build =
    o.createClients ??
    ((region, creds) =>
      createAwsClients(region, creds, { maxAttempts: 2, requestTimeoutMs: 8_000, ...o.clientSettings }));
  const cache = new Map<string, AwsClients>();
  const clientsFor = (region: string): AwsClients => {
    let clients = cache.get(region);
    if (!clients) {
      clients = build(region, o.credentials);
      cache.set(region, clients);
    }
    return clients;
  };
  const outOfTime = (): boolean => abort.signal.aborted || now() >= o.deadline;

  try {
    let regions = o.regions ?? [];
    let enabled: ReadonlySet<string> | null = null;
    let regionCheck: ProbeCheck | null = null;
    try {
      if (outOfTime()) throw new Error('out of time');
      const list = await listEnabledRegions(clientsFor(DEFAULT_HOME_REGION).ec2);
      enabled = new Set(list);
      if (o.regions === null) regions = list;
    } catch (error) {
      regionCheck = { service: 'ec2', region: null, ...failure(error, 'ec2.DescribeRegions', outOfTime()) };
    }

    const run = async (service: Service, region: string | null): Promise<ProbeCheck> => {
      const where = { service, region };
      if (region !== null && enabled !== null && !enabled.has(region))
        return { ...where, status: 'disabled' };
      const clients = clientsFor(region ?? DEFAULT_HOME_REGION);
      let counted: Page | null = null;
      for (const step of STEPS[service]) {
        if (outOfTime()) return { ...where, status: 'not-tried' };
        try {
          const got = await step.send(clients, abort.signal, step.follows ? counted?.first : undefined);
          if (!step.follows) counted = got;
        } catch (error) {
          return { ...where, ...failure(error, step.command, outOfTime()) };
        }
      }
      return {
        ...where,
        status: 'ok',
        resourceCount: counted?.count ?? 0,
        moreResources: counted?.more ?? false,
      };
    };

    const jobs: { service: Service; region: string | null }[] = STEPS_ORDER.flatMap(
      (service): { service: Service; region: string | null }[] =>
        GLOBAL.has(service) ? [{ service, region: null }] : regions.map((region) => ({ service, region })),
    );
    const checks = await Promise.all(
      jobs.map(({ service, region }) =>
        limit((): Promise<ProbeCheck> =>
          outOfTime() ? Promise.resolve({ service, region, status: 'not-tried' }) : run(service, region),
        ),
      ),
    );
    return { regions, checks: regionCheck ? [regionCheck, ...checks] : checks };
  } finally {
    clearTimeout(timer);
    for (const clients of cache.values()) destroyAwsClients(clients);
  }
}

/** A failed call as a check outcome; the message is AWS's own (codes and ARNs, never credentials). */
function failure(error: unknown, command: CustomerCommandId, timedOut: boolean): ProbeOutcome {
  const e = mapAwsError(error);
  if (e.kind === 'access-denied') return { status: 'denied', action: actionOf(command) };
  if (e.kind === 'region-disabled') return { status: 'disabled' };
  // Past the deadline a failure is most likely our own abort: report it as not tried, not as AWS's.
  if (timedOut) return { status: 'not-tried' };
  return { status: 'error', message: `${e.code}: ${e.message}`.slice(0, 300) };
}
