import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import {
  compactRecord,
  distinct,
  normalizeHost,
  parseItem,
  partitionOf,
  resource,
  type Scope,
  type Sink,
} from './common';

const opt = z.string().optional();

// ELB tags need elasticloadbalancing:DescribeTags, which is outside our 17 actions: no tags here.
const v2Schema = z.object({
  LoadBalancerName: z.string().min(1),
  LoadBalancerArn: opt,
  DNSName: opt,
  Type: opt,
  Scheme: opt,
  VpcId: opt,
  State: z.object({ Code: opt }).optional(),
});

export function convertLoadBalancersV2(items: unknown[], scope: Scope, sink: Sink): Resource[] {
  return items.flatMap((item) => {
    const lb = parseItem(v2Schema, item, sink);
    if (!lb) return [];
    return [
      resource({
        kind: 'load-balancer',
        id: lb.LoadBalancerName,
        arn: lb.LoadBalancerArn ?? null,
        account: scope.account,
        region: scope.region,
        state: lb.State?.Code ?? null,
        dnsNames: distinct([normalizeHost(lb.DNSName)]),
        attributes: compactRecord({ type: lb.Type, scheme: lb.Scheme, vpcId: lb.VpcId }),
      }),
    ];
  });
}

const classicSchema = z.object({
  LoadBalancerName: z.string().min(1),
  DNSName: opt,
  CanonicalHostedZoneName: opt,
  Scheme: opt,
  VPCId: opt,
});

export function convertClassicLoadBalancers(items: unknown[], scope: Scope, sink: Sink): Resource[] {
  return items.flatMap((item) => {
    const lb = parseItem(classicSchema, item, sink);
    if (!lb) return [];
    return [
      resource({
        kind: 'load-balancer',
        id: lb.LoadBalancerName,
        // Classic ELBs have no ARN in the API; this is the form IAM uses for them.
        arn: `arn:${partitionOf(scope.region)}:elasticloadbalancing:${scope.region}:${scope.account}:loadbalancer/${lb.LoadBalancerName}`,
        account: scope.account,
        region: scope.region,
        dnsNames: distinct([normalizeHost(lb.DNSName), normalizeHost(lb.CanonicalHostedZoneName)]),
        attributes: compactRecord({ type: 'classic', scheme: lb.Scheme, vpcId: lb.VPCId }),
      }),
    ];
  });
}
