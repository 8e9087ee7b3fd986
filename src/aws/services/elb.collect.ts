import {
  paginateDescribeLoadBalancers as paginateClassic,
  type ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  paginateDescribeLoadBalancers as paginateV2,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { maxPageSize } from '../actions';
import type { Scope, Sink } from './common';
import { convertClassicLoadBalancers, convertLoadBalancersV2 } from './elb.convert';

/** Application, network and gateway load balancers. */
export async function collectLoadBalancersV2(
  client: ElasticLoadBalancingV2Client,
  scope: Scope,
  sink: Sink,
): Promise<void> {
  const pages = paginateV2({ client, pageSize: maxPageSize('elbv2.DescribeLoadBalancers') }, {});
  for await (const page of pages)
    sink.resources.push(...convertLoadBalancersV2(page.LoadBalancers ?? [], scope, sink));
}

export async function collectClassicLoadBalancers(
  client: ElasticLoadBalancingClient,
  scope: Scope,
  sink: Sink,
): Promise<void> {
  const pages = paginateClassic({ client, pageSize: maxPageSize('elb.DescribeLoadBalancers') }, {});
  for await (const page of pages)
    sink.resources.push(...convertClassicLoadBalancers(page.LoadBalancerDescriptions ?? [], scope, sink));
}
