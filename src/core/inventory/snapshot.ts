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

/**
 * Bounds on snapshot files (the CLI reads them from disk) and on what the collector writes. Far
 * above what AWS allows (names and tag values up to 256 characters, Route 53 values up to 4,000,
 * 50 tags per resource), so a real account never meets them; a crafted file fails validation
 * instead of exhausting memory.
 */
export const SNAPSHOT_LIMITS = {
  text: 8_192,
  listPerResource: 10_000,
  mapEntries: 1_000,
  resources: 5_000_000,
  accounts: 1_000,
} as const;
const text = z.string().max(SNAPSHOT_LIMITS.text);
const accountId = z
  .string()
  .max(12)
  .regex(/^\d{12}$/);
const texts = z.array(text).max(SNAPSHOT_LIMITS.listPerResource);
const textMap = z.record(text, text).refine((m) => Object.keys(m).length <= SNAPSHOT_LIMITS.mapEntries, {
  message: `at most ${SNAPSHOT_LIMITS.mapEntries} entries`,
});

export const resourceSchema = z.object({
  kind: z.enum(RESOURCE_KINDS),
  /** Id or name as AWS names it: i-…, DB instance identifier, LB name, bucket name, zone id… */
  id: text.min(1),
  arn: text.nullable(),
  account: accountId,
  /** null for global resources (Route53 zones); S3 buckets carry their bucket region. */
  region: text.nullable(),
  /** Raw AWS state string (running, stopped, available, ACTIVE, active, …) or null when AWS has none. */
  state: text.nullable(),
  /** DNS names and endpoints (lowercase, no trailing dot, no port). */
  dnsNames: texts,
  privateIps: texts,
  publicIps: texts,
  /** Value of the Name tag, when present. */
  name: text.nullable(),
  tags: textMap,
  /** Kind-specific extras: DBClusterIdentifier, replication group id, LB scheme, function runtime… */
  attributes: textMap,
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
  account: accountId,
  zoneId: text,
  zoneName: text,
  privateZone: z.boolean(),
  /** Lowercase, no trailing dot; wildcards kept as `*.`. */
  name: text,
  type: text,
  /** Record values (A/AAAA addresses, CNAME targets…), lowercase hostnames without trailing dot. */
  values: texts,
  /** Alias target DNS name (lowercase, no trailing dot, `dualstack.` kept) or null. */
  aliasTarget: text.nullable(),
});
export type DnsRecord = z.infer<typeof dnsRecordSchema>;

export const coverageEntrySchema = z.object({
  account: accountId,
  service: z.enum(SERVICES),
  /** null for global services (route53, s3 listing). */
  region: text.nullable(),
  outcome: z.enum(COVERAGE_OUTCOMES),
  /** Human detail for anything but ok: the AWS error code and message, never credentials. */
  detail: text.nullable(),
  resourceCount: z.number().int().nonnegative(),
});
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;

export const accountSchema = z.object({
  account: accountId,
  roleArn: text.nullable(),
  /** Regions that were (or were meant to be) scanned for regional services. */
  regions: texts,
});

export const snapshotSchema = z.object({
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  takenAt: text,
  accounts: z.array(accountSchema).max(SNAPSHOT_LIMITS.accounts),
  resources: z.array(resourceSchema).max(SNAPSHOT_LIMITS.resources),
  dnsRecords: z.array(dnsRecordSchema).max(SNAPSHOT_LIMITS.resources),
  coverage: z.array(coverageEntrySchema).max(SNAPSHOT_LIMITS.resources),
});
export type InventorySnapshot = z.infer<typeof snapshotSchema>;
