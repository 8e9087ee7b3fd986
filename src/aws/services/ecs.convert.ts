import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import { parseItem, resource, type Scope, type Sink } from './common';

const clusterSchema = z.object({
  clusterName: z.string().min(1),
  clusterArn: z.string().optional(),
  status: z.string().optional(),
  tags: z.array(z.object({ key: z.string().optional(), value: z.string().optional() })).optional(),
});

export function convertEcsClusters(items: unknown[], scope: Scope, sink: Sink): Resource[] {
  return items.flatMap((item) => {
    const c = parseItem(clusterSchema, item, sink);
    if (!c) return [];
    const tags: Record<string, string> = {};
    for (const t of c.tags ?? []) if (t.key !== undefined) tags[t.key] = t.value ?? '';
    return [
      resource({
        kind: 'ecs-cluster',
        id: c.clusterName,
        arn: c.clusterArn ?? null,
        account: scope.account,
        region: scope.region,
        state: c.status ?? null,
        tags,
      }),
    ];
  });
}
