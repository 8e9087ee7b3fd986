import { paginateListFunctions, type LambdaClient } from '@aws-sdk/client-lambda';
import { maxPageSize } from '../actions';
import type { Scope, Sink } from './common';
import { convertFunctions } from './lambda.convert';

export async function collectFunctions(client: LambdaClient, scope: Scope, sink: Sink): Promise<void> {
  const pages = paginateListFunctions({ client, pageSize: maxPageSize('lambda.ListFunctions') }, {});
  for await (const page of pages) sink.resources.push(...convertFunctions(page.Functions ?? [], scope, sink));
}
