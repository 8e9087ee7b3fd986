import type { ResourceKind } from '../inventory/snapshot';
import type { DigestResource, UnreferencedResource } from './types';

/**
 * Kinds an on-call engineer operates on. Security groups, subnets, VPCs and zones are context: a
 * runbook that never names one is normal, so listing them would bury the useful entries.
 */
const RUNBOOK_WORTHY: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
  'ec2-instance',
  'rds-instance',
  'load-balancer',
  'elasticache-cluster',
  'ecs-cluster',
  'eks-cluster',
  'lambda-function',
  's3-bucket',
]);

export function isRunbookWorthy(kind: ResourceKind): boolean {
  return RUNBOOK_WORTHY.has(kind);
}

/** Every spelling a page may name the resource by, lower-cased (matching ignores case). */
export function resourceSpellings(r: DigestResource): string[] {
  const spellings = [r.id, r.arn, r.name, r.attributes?.dbClusterIdentifier, ...r.dnsNames];
  return spellings.flatMap((s) => (s === null || s === undefined ? [] : [s.toLowerCase()]));
}

export function resourceKey(r: { account: string; region: string | null; kind: string; id: string }): string {
  return `${r.account}/${r.region ?? 'global'}/${r.kind}/${r.id}`;
}

/**
 * Resources no page names in any spelling we match (id, ARN, Name tag, DNS names, Aurora cluster
 * id). Status does not matter: a runbook that names a resource in the wrong region still covers it.
 */
export function unreferencedResources(
  resources: readonly DigestResource[],
  references: readonly { value: string }[],
): UnreferencedResource[] {
  const named = new Set(references.map((r) => r.value.toLowerCase()));
  const out: UnreferencedResource[] = [];
  for (const r of resources) {
    if (!RUNBOOK_WORTHY.has(r.kind)) continue;
    if (resourceSpellings(r).some((s) => named.has(s))) continue;
    out.push({ kind: r.kind, id: r.id, account: r.account, region: r.region });
  }
  return out.sort((a, b) => (resourceKey(a) < resourceKey(b) ? -1 : resourceKey(a) > resourceKey(b) ? 1 : 0));
}
