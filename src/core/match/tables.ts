import type { ReferenceType } from '../extract/types';
import type { Resource, ResourceKind, Service } from '../inventory/snapshot';
import type { FindingKind, Severity } from './types';

/** Reference types that name one inventory resource kind (the rest are judged by dns/network rules). */
export const RESOURCE_KIND_OF: Partial<Record<ReferenceType, ResourceKind>> = {
  'ec2-instance': 'ec2-instance',
  'security-group': 'security-group',
  subnet: 'subnet',
  vpc: 'vpc',
  'rds-instance': 'rds-instance',
  'load-balancer': 'load-balancer',
  'elasticache-cluster': 'elasticache-cluster',
  'ecs-cluster': 'ecs-cluster',
  'eks-cluster': 'eks-cluster',
  'lambda-function': 'lambda-function',
  's3-bucket': 's3-bucket',
};

/** The scans that must have succeeded before absence from the snapshot means "missing". */
export const SERVICES_OF: Record<ResourceKind, readonly Service[]> = {
  'ec2-instance': ['ec2'],
  'security-group': ['ec2'],
  subnet: ['ec2'],
  vpc: ['ec2'],
  'rds-instance': ['rds'],
  // Classic and v2 load balancers share the name space a runbook uses; both must be seen.
  'load-balancer': ['elb', 'elbv2'],
  'elasticache-cluster': ['elasticache'],
  'ecs-cluster': ['ecs'],
  'eks-cluster': ['eks'],
  'lambda-function': ['lambda'],
  's3-bucket': ['s3'],
  'route53-zone': ['route53'],
};

/** Services listed once per account (coverage region null). */
export const GLOBAL_SERVICES: ReadonlySet<Service> = new Set<Service>(['s3', 'route53']);

/**
 * Kinds whose ids are unique across regions (AWS-generated ids, bucket names): finding one
 * elsewhere proves the stated region wrong even when the stated region itself was not scanned.
 * Name-keyed kinds (databases, load balancers, functions…) can exist under one name in several regions.
 */
export const GLOBALLY_UNIQUE_IDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
  'ec2-instance',
  'security-group',
  'subnet',
  'vpc',
  's3-bucket',
]);

/**
 * Missing resources a runbook step acts on directly (connect, invoke, deploy, copy): the step
 * fails, so they are errors. Security groups, subnets and VPCs are mostly architecture context in
 * runbooks, and a command using a stale one fails at once with a clear AWS error: warnings.
 */
const STEP_BREAKING: ReadonlySet<ReferenceType> = new Set<ReferenceType>([
  'ec2-instance',
  'rds-instance',
  'load-balancer',
  'elasticache-cluster',
  'ecs-cluster',
  'eks-cluster',
  'lambda-function',
  's3-bucket',
  'hostname',
  'ip-address',
]);

export function severityOf(kind: FindingKind, type: ReferenceType): Severity {
  switch (kind) {
    case 'missing':
    case 'dangling':
      return STEP_BREAKING.has(type) ? 'error' : 'warning';
    case 'wrong-region':
    case 'not-running':
      return 'warning';
    case 'unverifiable':
      return 'info';
  }
}

/** live: serving; stopped: exists but not serving; gone: terminated or being deleted. */
export type Liveness = 'live' | 'stopped' | 'gone';

interface StateTable {
  gone: ReadonlySet<string>;
  stopped: ReadonlySet<string>;
}

const set = (...states: string[]): ReadonlySet<string> => new Set(states);
const NONE = set();

/** Raw AWS states, lowercased. Anything not listed (including null and unknown states) is live: no false alarms. */
const STATES: Record<ResourceKind, StateTable> = {
  'ec2-instance': { gone: set('terminated', 'shutting-down'), stopped: set('stopped', 'stopping') },
  'security-group': { gone: NONE, stopped: NONE },
  subnet: { gone: NONE, stopped: NONE },
  vpc: { gone: NONE, stopped: NONE },
  'rds-instance': {
    gone: set('deleting'),
    stopped: set(
      'stopped',
      'stopping',
      'failed',
      'inaccessible-encryption-credentials',
      'inaccessible-encryption-credentials-recoverable',
      'incompatible-network',
      'incompatible-option-group',
      'incompatible-parameters',
      'incompatible-restore',
      'insufficient-capacity',
      'restore-error',
      'storage-full',
    ),
  },
  'load-balancer': { gone: NONE, stopped: set('failed') },
  'elasticache-cluster': {
    gone: set('deleting', 'deleted'),
    stopped: set('create-failed', 'incompatible-network', 'restore-failed'),
  },
  'ecs-cluster': { gone: set('inactive', 'deprovisioning'), stopped: set('failed') },
  'eks-cluster': { gone: set('deleting'), stopped: set('failed') },
  'lambda-function': { gone: NONE, stopped: set('failed') },
  's3-bucket': { gone: NONE, stopped: NONE },
  'route53-zone': { gone: NONE, stopped: NONE },
};

/** Raw state strings seen so far, per kind: one Map lookup per call on the hot path. */
const livenessCache = new Map<ResourceKind, Map<string, Liveness>>(
  (Object.keys(STATES) as ResourceKind[]).map((k) => [k, new Map<string, Liveness>()]),
);
/** The last answer: snapshots list resources of one kind together, mostly in one state. */
let lastKind: ResourceKind = 'ec2-instance';
let lastState = 'running';
let lastLiveness: Liveness = 'live';

export function livenessOf(resource: Resource): Liveness {
  const raw = resource.state;
  if (raw === null) return 'live';
  if (raw === lastState && resource.kind === lastKind) return lastLiveness;
  const cache = livenessCache.get(resource.kind) as Map<string, Liveness>;
  let liveness = cache.get(raw);
  if (!liveness) {
    const table = STATES[resource.kind];
    const state = raw.toLowerCase();
    liveness = table.gone.has(state) ? 'gone' : table.stopped.has(state) ? 'stopped' : 'live';
    // AWS has a few dozen state strings; the cache can't grow without bound in practice.
    if (cache.size < 1000) cache.set(raw, liveness);
  }
  lastKind = resource.kind;
  lastState = raw;
  lastLiveness = liveness;
  return liveness;
}

/** Words for one kind in messages ("the load balancer web"). */
export const NOUN: Record<ResourceKind, string> = {
  'ec2-instance': 'instance',
  'security-group': 'security group',
  subnet: 'subnet',
  vpc: 'VPC',
  'rds-instance': 'database',
  'load-balancer': 'load balancer',
  'elasticache-cluster': 'cache cluster',
  'ecs-cluster': 'ECS cluster',
  'eks-cluster': 'EKS cluster',
  'lambda-function': 'Lambda function',
  's3-bucket': 'bucket',
  'route53-zone': 'hosted zone',
};

/** Attribute names the collector uses for cross-form matching (see src/aws converters). */
export const ATTR_DB_CLUSTER = 'dbClusterIdentifier';
export const ATTR_REPLICATION_GROUP = 'replicationGroupId';
