import { z } from 'zod';

/**
 * The inventory snapshot: what one collection saw across every connected account, with an
 * explicit coverage map so that nothing unscanned can later be called "missing".
 * Versioned JSON (SNAPSHOT_FORMAT_VERSION); docs/snapshot-format.md documents it.
 */
export const SNAPSHOT_FORMAT_VERSION = 1;

export const RESOURCE_KINDS = [
  'ec2-instance',
  'security-group',
  'subnet',
  'vpc',
  'rds-instance',
  'load-balancer',
  'elasticache-cluster',
  'ecs-cluster',
  'eks-cluster',
  'lambda-function',
  's3-bucket',
  'route53-zone',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The services RunbookGuard collects; coverage is recorded per (account, service, region). */
export const SERVICES = [
  'ec2',
  'rds',
  'elb',
  'elbv2',
  'elasticache',
  'ecs',
  'eks',
  'lambda',
  's3',
  'route53',
] as const;
export type Service = (typeof SERVICES)[number];

export const COVERAGE_OUTCOMES = ['ok', 'access-denied', 'region-disabled', 'failed'] as const;
export type CoverageOutcome = (typeof COVERAGE_OUTCOMES)[number];

export const resourceSchema = z.object({
  kind: z.enum(RESOURCE_KINDS),
  /** Id or name as AWS names it: i-…, DB instance identifier, LB name, bucket name, zone id… */
  id: z.string().min(1),
  arn: z.string().nullable(),
  account: z.string().regex(/^\d{12}$/),
  /** null for global resources (Route53 zones); S3 buckets carry their bucket region. */
  region: z.string().nullable(),
  /** Raw AWS state string (running, stopped, available, ACTIVE, active, …) or null when AWS has none. */
  state: z.string().nullable(),
  /** DNS names and endpoints (lowercase, no trailing dot, no port). */
  dnsNames: z.array(z.string()),
  privateIps: z.array(z.string()),
  publicIps: z.array(z.string()),
  /** Value of the Name tag, when present. */
  name: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  /** Kind-specific extras: DBClusterIdentifier, replication group id, LB scheme, function runtime… */
  attributes: z.record(z.string(), z.string()),
});
export type Resource = z.infer<typeof resourceSchema>;

/** A resource with every field it does not know left empty; callers give at least kind, id and account. */
export function newResource(base: Pick<Resource, 'kind' | 'id' | 'account'> & Partial<Resource>): Resource {
  return {
    arn: null,
    region: null,
    state: null,
    dnsNames: [],
    privateIps: [],
    publicIps: [],
    name: null,
    tags: {},
    attributes: {},
    ...base,
  };
}

export const dnsRecordSchema = z.object({
  account: z.string().regex(/^\d{12}$/),
  zoneId: z.string(),
  zoneName: z.string(),
  privateZone: z.boolean(),
  /** Lowercase, no trailing dot; wildcards kept as `*.`. */
  name: z.string(),
  type: z.string(),
  /** Record values (A/AAAA addresses, CNAME targets…), lowercase hostnames without trailing dot. */
  values: z.array(z.string()),
  /** Alias target DNS name (lowercase, no trailing dot, `dualstack.` kept) or null. */
  aliasTarget: z.string().nullable(),
});
export type DnsRecord = z.infer<typeof dnsRecordSchema>;

export const coverageEntrySchema = z.object({
  account: z.string().regex(/^\d{12}$/),
  service: z.enum(SERVICES),
  /** null for global services (route53, s3 listing). */
  region: z.string().nullable(),
  outcome: z.enum(COVERAGE_OUTCOMES),
  /** Human detail for anything but ok: the AWS error code and message, never credentials. */
  detail: z.string().nullable(),
  resourceCount: z.number().int().nonnegative(),
});
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;

export const accountSchema = z.object({
  account: z.string().regex(/^\d{12}$/),
  roleArn: z.string().nullable(),
  /** Regions that were (or were meant to be) scanned for regional services. */
  regions: z.array(z.string()),
});

export const snapshotSchema = z.object({
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  takenAt: z.string(),
  accounts: z.array(accountSchema),
  resources: z.array(resourceSchema),
  dnsRecords: z.array(dnsRecordSchema),
  coverage: z.array(coverageEntrySchema),
});
export type InventorySnapshot = z.infer<typeof snapshotSchema>;
