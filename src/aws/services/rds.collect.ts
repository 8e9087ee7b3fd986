import { paginateDescribeDBInstances, type RDSClient } from '@aws-sdk/client-rds';
import { maxPageSize } from '../actions';
import type { Scope, Sink } from './common';
import { convertDbInstances } from './rds.convert';

export async function collectDbInstances(client: RDSClient, scope: Scope, sink: Sink): Promise<void> {
  const pages = paginateDescribeDBInstances({ client, pageSize: maxPageSize('rds.DescribeDBInstances') }, {});
  for await (const page of pages)
    sink.resources.push(...convertDbInstances(page.DBInstances ?? [], scope, sink));
}
