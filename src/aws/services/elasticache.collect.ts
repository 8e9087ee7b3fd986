import { paginateDescribeCacheClusters, type ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { maxPageSize } from '../actions';
import type { Scope, Sink } from './common';
import { convertCacheClusters } from './elasticache.convert';

export async function collectCacheClusters(
  client: ElastiCacheClient,
  scope: Scope,
  sink: Sink,
): Promise<void> {
  // Node endpoints only come back with ShowCacheNodeInfo.
  const pages = paginateDescribeCacheClusters(
    { client, pageSize: maxPageSize('elasticache.DescribeCacheClusters') },
    { ShowCacheNodeInfo: true },
  );
  for await (const page of pages)
    sink.resources.push(...convertCacheClusters(page.CacheClusters ?? [], scope, sink));
}
