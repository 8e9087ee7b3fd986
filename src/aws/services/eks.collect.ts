import { DescribeClusterCommand, paginateListClusters, type EKSClient } from '@aws-sdk/client-eks';
import { maxPageSize } from '../actions';
import { mapLimited } from '../limiter';
import type { Scope, Sink } from './common';
import { convertEksCluster } from './eks.convert';

/** Per-cluster calls in flight within one region (the global limiter bounds regions and services). */
const DESCRIBE_CONCURRENCY = 4;

export async function collectEksClusters(client: EKSClient, scope: Scope, sink: Sink): Promise<void> {
  const names: string[] = [];
  for await (const page of paginateListClusters({ client, pageSize: maxPageSize('eks.ListClusters') }, {})) {
    names.push(...(page.clusters ?? []));
  }
  await mapLimited(names, DESCRIBE_CONCURRENCY, async (name) => {
    const out = await client.send(new DescribeClusterCommand({ name }));
    const converted = convertEksCluster(out.cluster, scope, sink);
    if (converted) sink.resources.push(converted);
  });
}
