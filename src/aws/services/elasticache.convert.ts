import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import { compactRecord, distinct, normalizeHost, parseItem, resource, type Scope, type Sink } from './common';

const opt = z.string().optional();
const endpointSchema = z.object({ Address: opt }).optional();
const clusterSchema = z.object({
  CacheClusterId: z.string().min(1),
  ARN: opt,
  CacheClusterStatus: opt,
  Engine: opt,
  ReplicationGroupId: opt,
  ConfigurationEndpoint: endpointSchema,
  CacheNodes: z.array(z.object({ Endpoint: endpointSchema })).optional(),
});

export function convertCacheClusters(items: unknown[], scope: Scope, sink: Sink): Resource[] {
  return items.flatMap((item) => {
    const c = parseItem(clusterSchema, item, sink);
    if (!c) return [];
    return [
      resource({
        kind: 'elasticache-cluster',
        id: c.CacheClusterId,
        arn: c.ARN ?? null,
        account: scope.account,
        region: scope.region,
        state: c.CacheClusterStatus ?? null,
        dnsNames: distinct([
          normalizeHost(c.ConfigurationEndpoint?.Address),
          ...(c.CacheNodes ?? []).map((n) => normalizeHost(n.Endpoint?.Address)),
        ]),
        attributes: compactRecord({ engine: c.Engine, replicationGroupId: c.ReplicationGroupId }),
      }),
    ];
  });
}
