import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import { compactRecord, distinct, normalizeHost, parseItem, resource, type Scope, type Sink } from './common';

const clusterSchema = z.object({
  name: z.string().min(1),
  arn: z.string().optional(),
  status: z.string().optional(),
  endpoint: z.string().optional(),
  version: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export function convertEksCluster(item: unknown, scope: Scope, sink: Sink): Resource | null {
  const c = parseItem(clusterSchema, item, sink);
  if (!c) return null;
  return resource({
    kind: 'eks-cluster',
    id: c.name,
    arn: c.arn ?? null,
    account: scope.account,
    region: scope.region,
    state: c.status ?? null,
    // The endpoint is an https URL; runbooks reference its host.
    dnsNames: distinct([normalizeHost(c.endpoint)]),
    tags: c.tags ?? {},
    attributes: compactRecord({ version: c.version }),
  });
}
