import type { FindingView } from '../../src/shared/contract-findings';
import type {
  CoverageCellView,
  InventoryResourceView,
  ResolverRequest,
  ResolverResults,
} from '../../src/shared/contract';

/**
 * Words and numbers the app's screens share. Value lists are spelled out here as label maps typed
 * by the contract (a new kind fails the typecheck until it has a label), so the UI never imports
 * the zod-bearing contract modules at runtime.
 */
export type Severity = FindingView['severity'];
export type Kind = FindingView['kind'];
export type Status = FindingView['status'];
export type ReferenceType = NonNullable<ResolverRequest<'listFindings'>['types']>[number];
export type ResourceKind = InventoryResourceView['kind'];
export type Service = CoverageCellView['service'];
export type CoverageState = CoverageCellView['state'];
export type ScanPhase = NonNullable<ResolverResults['getScanProgress']['scan']>['phase'];

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
export const KIND_LABELS: Record<Kind, string> = {
  missing: 'Missing',
  'wrong-region': 'Wrong region',
  'not-running': 'Not running',
  dangling: 'Dangling',
  unverifiable: 'Unverifiable',
};
export const STATUS_LABELS: Record<Status, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  suppressed: 'Suppressed',
  resolved: 'Resolved',
  reopened: 'Reopened',
};
export const REFERENCE_TYPE_LABELS: Record<ReferenceType, string> = {
  'ec2-instance': 'EC2 instance',
  'security-group': 'Security group',
  subnet: 'Subnet',
  vpc: 'VPC',
  'rds-instance': 'RDS instance',
  'load-balancer': 'Load balancer',
  'elasticache-cluster': 'ElastiCache cluster',
  'ecs-cluster': 'ECS cluster',
  'eks-cluster': 'EKS cluster',
  'lambda-function': 'Lambda function',
  's3-bucket': 'S3 bucket',
  hostname: 'Hostname',
  'ip-address': 'IP address',
  region: 'Region',
  'aws-account': 'AWS account',
};
// Inventory kinds are the reference types that name a resource, plus hosted zones.
const {
  hostname,
  'ip-address': ipAddress,
  region,
  'aws-account': awsAccount,
  ...RESOURCE_TYPE_LABELS
} = REFERENCE_TYPE_LABELS;
/** "EC2 instance" for any reference type string (an unknown one is shown as it is). */
export const typeName = (type: string): string =>
  (REFERENCE_TYPE_LABELS as Record<string, string | undefined>)[type] ?? type;

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  ...RESOURCE_TYPE_LABELS,
  'route53-zone': 'Route 53 zone',
};
export const SERVICE_LABELS: Record<Service, string> = {
  ec2: 'EC2',
  rds: 'RDS',
  elb: 'Classic ELB',
  elbv2: 'ELB v2',
  elasticache: 'ElastiCache',
  ecs: 'ECS',
  eks: 'EKS',
  lambda: 'Lambda',
  s3: 'S3',
  route53: 'Route 53',
};
export const COVERAGE_STATE_LABELS: Record<CoverageState, string> = {
  scanned: 'Scanned',
  denied: 'Access denied',
  disabled: 'Region disabled',
  failed: 'Failed',
  'not-selected': 'Not selected',
};
export const PHASE_LABELS: Record<ScanPhase, string> = {
  pages: 'Reading runbook pages',
  inventory: 'Reading the AWS inventory',
  match: 'Checking references against the inventory',
  finalize: 'Saving findings',
  done: 'Finished',
};

/** The keys of a label map in its declared order (the order the screens list them in). */
export function keysOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}

const numberFormat = new Intl.NumberFormat('en');
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 page", "2 pages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const exactFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
export function exactTime(ms: number): string {
  return exactFormat.format(new Date(ms));
}
export function formatDay(ms: number): string {
  return dayFormat.format(new Date(ms));
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];
/** "5 minutes ago", "yesterday": the screens pair it with exactTime in a tooltip. */
export function relativeTime(ms: number, now = Date.now()): string {
  let value = (ms - now) / 1000;
  if (Math.abs(value) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relativeFormat.format(Math.round(value), unit);
    value /= size;
  }
  return relativeFormat.format(Math.round(value), 'year');
}

/** Where a region-less (global) service's cell is shown. */
export function regionLabel(region: string | null): string {
  return region ?? 'Global';
}
