import { DescribeClustersCommand, paginateListClusters, type ECSClient } from '@aws-sdk/client-ecs';
import { maxPageSize } from '../actions';
import type { Scope, Sink } from './common';
import { convertEcsClusters } from './ecs.convert';

export async function collectEcsClusters(client: ECSClient, scope: Scope, sink: Sink): Promise<void> {
  const arns: string[] = [];
  for await (const page of paginateListClusters({ client, pageSize: maxPageSize('ecs.ListClusters') }, {})) {
    arns.push(...(page.clusterArns ?? []));
  }
  // No paginator for DescribeClusters: it takes at most 100 clusters per call.
  const chunk = maxPageSize('ecs.DescribeClusters');
  for (let i = 0; i < arns.length; i += chunk) {
    const out = await client.send(
      new DescribeClustersCommand({ clusters: arns.slice(i, i + chunk), include: ['TAGS'] }),
    );
    sink.resources.push(...convertEcsClusters(out.clusters ?? [], scope, sink));
    // A cluster deleted between the two calls comes back as a failure: nothing to record.
    sink.skipped += (out.failures ?? []).filter((f) => f.reason !== 'MISSING').length;
  }
}
