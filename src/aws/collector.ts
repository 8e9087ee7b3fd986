import type { AwsCredentialIdentityProvider } from '@smithy/types';
import {
  SNAPSHOT_FORMAT_VERSION,
  type CoverageEntry,
  type CoverageOutcome,
  type InventorySnapshot,
  type Service,
} from '../core/inventory/snapshot';
import { createAwsClients, destroyAwsClients, type AwsClients, type ClientSettings } from './clients';
import { mapAwsError } from './errors';
import { createLimiter } from './limiter';
import { newSink, type Scope, type Sink } from './services/common';
import {
  collectInstances,
  collectSecurityGroups,
  collectSubnets,
  collectVpcs,
  listEnabledRegions,
} from './services/ec2.collect';
import { collectCacheClusters } from './services/elasticache.collect';
import { collectClassicLoadBalancers, collectLoadBalancersV2 } from './services/elb.collect';
import { collectEcsClusters } from './services/ecs.collect';
import { collectEksClusters } from './services/eks.collect';
import { collectFunctions } from './services/lambda.collect';
import { collectDbInstances } from './services/rds.collect';
import { collectRoute53 } from './services/route53.collect';
import { collectBuckets } from './services/s3.collect';

/** One AWS account to read: the caller's own (credentials undefined → SDK chain) or a connected role. */
export interface AccountTarget {
  account: string;
  roleArn: string | null;
  credentials: AwsCredentialIdentityProvider | undefined;
}

export interface CollectProgress {
  done: number;
  total: number;
  account: string;
  service: Service;
  region: string | null;
  failed: boolean;
}

export interface CollectOptions {
  targets: AccountTarget[];
  /** Explicit region subset; otherwise each account's enabled regions from DescribeRegions. */
  regions?: string[];
  /** Where DescribeRegions, S3 listing and Route 53 are called. */
  homeRegion?: string;
  clientSettings?: ClientSettings;
  /** Test seam: build clients some other way (fakes). */
  createClients?: (region: string, credentials: AwsCredentialIdentityProvider | undefined) => AwsClients;
  /** Calls in flight at once across all accounts, regions and services. */
  concurrency?: number;
  onProgress?: (progress: CollectProgress) => void;
  now?: () => Date;
}

interface Part {
  service: Service;
  /** Global parts run once per account in the home region; their coverage region is null. */
  global: boolean;
  run: (clients: AwsClients, scope: Scope, sink: Sink) => Promise<void>;
}

// Every call the collector makes, in coverage order. EC2 is four independent listings.
const PARTS: readonly Part[] = [
  { service: 'ec2', global: false, run: (c, s, k) => collectInstances(c.ec2, s, k) },
  { service: 'ec2', global: false, run: (c, s, k) => collectSecurityGroups(c.ec2, s, k) },
  { service: 'ec2', global: false, run: (c, s, k) => collectSubnets(c.ec2, s, k) },
  { service: 'ec2', global: false, run: (c, s, k) => collectVpcs(c.ec2, s, k) },
  { service: 'rds', global: false, run: (c, s, k) => collectDbInstances(c.rds, s, k) },
  { service: 'elb', global: false, run: (c, s, k) => collectClassicLoadBalancers(c.elb, s, k) },
  { service: 'elbv2', global: false, run: (c, s, k) => collectLoadBalancersV2(c.elbv2, s, k) },
  { service: 'elasticache', global: false, run: (c, s, k) => collectCacheClusters(c.elasticache, s, k) },
  { service: 'ecs', global: false, run: (c, s, k) => collectEcsClusters(c.ecs, s, k) },
  { service: 'eks', global: false, run: (c, s, k) => collectEksClusters(c.eks, s, k) },
  { service: 'lambda', global: false, run: (c, s, k) => collectFunctions(c.lambda, s, k) },
  { service: 's3', global: true, run: (c, s, k) => collectBuckets(c.s3, s, k) },
  { service: 'route53', global: true, run: (c, s, k) => collectRoute53(c.route53, s, k) },
];

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_HOME_REGION = 'us-east-1';

interface PartResult {
  account: string;
  service: Service;
  region: string | null;
  sink: Sink;
  outcome: CoverageOutcome;
  detail: string | null;
}

/**
 * Reads every target account into one snapshot. Never throws for an AWS failure: each
 * (account, service, region) ends with an explicit coverage outcome and whatever was read.
 */
export async function collectInventory(options: CollectOptions): Promise<InventorySnapshot> {
  const now = options.now ?? (() => new Date());
  const takenAt = now().toISOString();
  const homeRegion = options.homeRegion ?? DEFAULT_HOME_REGION;
  const limit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const build =
    options.createClients ?? ((region, creds) => createAwsClients(region, creds, options.clientSettings));
  const created: AwsClients[] = [];
  const cache = new Map<string, AwsClients>();
  const clientsFor = (targetIndex: number, region: string): AwsClients => {
    const key = `${targetIndex}/${region}`;
    let clients = cache.get(key);
    if (!clients) {
      clients = build(region, options.targets[targetIndex]?.credentials);
      cache.set(key, clients);
      created.push(clients);
    }
    return clients;
  };

  try {
    // Regions first (one call per account), so the progress total is known before the work starts.
    const plans = await Promise.all(
      options.targets.map(async (target, index) => {
        if (options.regions) return { target, index, regions: options.regions, regionError: null };
        try {
          const regions = await limit(() => listEnabledRegions(clientsFor(index, homeRegion).ec2));
          return { target, index, regions, regionError: null };
        } catch (error) {
          return { target, index, regions: [] as string[], regionError: mapAwsError(error) };
        }
      }),
    );

    const jobs = plans.flatMap(({ target, index, regions }) =>
      PARTS.flatMap((part) =>
        (part.global ? [null] : regions).map((region) => ({ target, index, part, region })),
      ),
    );
    let done = 0;
    const results = await Promise.all(
      jobs.map(({ target, index, part, region }) =>
        limit(async (): Promise<PartResult> => {
          const callRegion = region ?? homeRegion;
          const sink = newSink();
          const result: PartResult = {
            account: target.account,
            service: part.service,
            region,
            sink,
            outcome: 'ok',
            detail: null,
          };
          try {
            await part.run(
              clientsFor(index, callRegion),
              { account: target.account, region: callRegion },
              sink,
            );
          } catch (error) {
            const e = mapAwsError(error);
            result.outcome = e.coverageOutcome;
            result.detail = `${e.code}: ${e.message}`;
          }
          done += 1;
          options.onProgress?.({
            done,
            total: jobs.length,
            account: target.account,
            service: part.service,
            region,
            failed: result.outcome !== 'ok',
          });
          return result;
        }),
      ),
    );

    const regionFailures: CoverageEntry[] = plans.flatMap(({ target, regionError }) =>
      regionError
        ? [
            {
              account: target.account,
              service: 'ec2' as const,
              region: null,
              outcome: regionError.coverageOutcome,
              detail: `DescribeRegions ${regionError.code}: ${regionError.message}; no regional service was read`,
              resourceCount: 0,
            },
          ]
        : [],
    );

    return {
      formatVersion: SNAPSHOT_FORMAT_VERSION,
      takenAt,
      accounts: plans.map(({ target, regions }) => ({
        account: target.account,
        roleArn: target.roleArn,
        regions,
      })),
      resources: results
        .flatMap((r) => r.sink.resources)
        .sort(
          (a, b) =>
            cmp(a.account, b.account) ||
            cmp(a.kind, b.kind) ||
            cmp(a.region ?? '', b.region ?? '') ||
            cmp(a.id, b.id),
        ),
      dnsRecords: results
        .flatMap((r) => r.sink.dnsRecords)
        .sort(
          (a, b) =>
            cmp(a.account, b.account) ||
            cmp(a.zoneId, b.zoneId) ||
            cmp(a.name, b.name) ||
            cmp(a.type, b.type),
        ),
      coverage: [...regionFailures, ...mergeCoverage(results)],
    };
  } finally {
    for (const clients of created) destroyAwsClients(clients);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One entry per (account, service, region): the first failure among its parts decides the outcome. */
function mergeCoverage(results: PartResult[]): CoverageEntry[] {
  const byKey = new Map<string, CoverageEntry & { skipped: number }>();
  for (const r of results) {
    const key = `${r.account}/${r.service}/${r.region ?? ''}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        account: r.account,
        service: r.service,
        region: r.region,
        outcome: 'ok',
        detail: null,
        resourceCount: 0,
        skipped: 0,
      };
      byKey.set(key, entry);
    }
    entry.resourceCount += r.sink.resources.length + r.sink.dnsRecords.length;
    entry.skipped += r.sink.skipped;
    if (r.outcome !== 'ok' && entry.outcome === 'ok') entry.outcome = r.outcome;
    if (r.detail) entry.detail = entry.detail ? `${entry.detail}; ${r.detail}` : r.detail;
  }
  return [...byKey.values()]
    .map(({ skipped, ...entry }) => ({
      ...entry,
      detail:
        skipped > 0
          ? [entry.detail, `${skipped} malformed item(s) skipped`].filter(Boolean).join('; ')
          : entry.detail,
    }))
    .sort(
      (a, b) => cmp(a.account, b.account) || cmp(a.service, b.service) || cmp(a.region ?? '', b.region ?? ''),
    );
}
