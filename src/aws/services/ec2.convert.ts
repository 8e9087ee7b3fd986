import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import {
  compactRecord,
  distinct,
  normalizeHost,
  parseItem,
  partitionOf,
  resource,
  tagListSchema,
  tagRecord,
  type Scope,
  type Sink,
} from './common';

const opt = z.string().optional();

const instanceSchema = z.object({
  InstanceId: z.string().min(1),
  State: z.object({ Name: opt }).optional(),
  InstanceType: opt,
  VpcId: opt,
  SubnetId: opt,
  PrivateDnsName: opt,
  PublicDnsName: opt,
  PrivateIpAddress: opt,
  PublicIpAddress: opt,
  NetworkInterfaces: z
    .array(
      z.object({
        PrivateIpAddresses: z
          .array(
            z.object({
              PrivateIpAddress: opt,
              PrivateDnsName: opt,
              Association: z.object({ PublicIp: opt, PublicDnsName: opt }).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  Tags: tagListSchema,
});

const reservationSchema = z.object({ Instances: z.array(z.unknown()).optional() });

function ec2Arn(scope: Scope, type: string, id: string): string {
  return `arn:${partitionOf(scope.region)}:ec2:${scope.region}:${scope.account}:${type}/${id}`;
}

/** Terminated instances are kept (state 'terminated'): the matcher reports them as gone, not unknown. */
export function convertReservations(reservations: unknown[], scope: Scope, sink: Sink): Resource[] {
  const out: Resource[] = [];
  for (const reservation of reservations) {
    const r = parseItem(reservationSchema, reservation, sink);
    for (const item of r?.Instances ?? []) {
      const i = parseItem(instanceSchema, item, sink);
      if (!i) continue;
      const addresses = (i.NetworkInterfaces ?? []).flatMap((n) => n.PrivateIpAddresses ?? []);
      out.push(
        resource({
          kind: 'ec2-instance',
          id: i.InstanceId,
          arn: ec2Arn(scope, 'instance', i.InstanceId),
          account: scope.account,
          region: scope.region,
          state: i.State?.Name ?? null,
          dnsNames: distinct([
            normalizeHost(i.PrivateDnsName),
            normalizeHost(i.PublicDnsName),
            ...addresses.flatMap((a) => [
              normalizeHost(a.PrivateDnsName),
              normalizeHost(a.Association?.PublicDnsName),
            ]),
          ]),
          privateIps: distinct([i.PrivateIpAddress, ...addresses.map((a) => a.PrivateIpAddress)]),
          publicIps: distinct([i.PublicIpAddress, ...addresses.map((a) => a.Association?.PublicIp)]),
          tags: tagRecord(i.Tags),
          attributes: compactRecord({ instanceType: i.InstanceType, vpcId: i.VpcId, subnetId: i.SubnetId }),
        }),
      );
    }
  }
  return out;
}

const securityGroupSchema = z.object({
  GroupId: z.string().min(1),
  GroupName: opt,
  VpcId: opt,
  SecurityGroupArn: opt,
  Tags: tagListSchema,
});

export function convertSecurityGroups(groups: unknown[], scope: Scope, sink: Sink): Resource[] {
  return groups.flatMap((item) => {
    const g = parseItem(securityGroupSchema, item, sink);
    if (!g) return [];
    const tags = tagRecord(g.Tags);
    return [
      resource({
        kind: 'security-group',
        id: g.GroupId,
        arn: g.SecurityGroupArn ?? ec2Arn(scope, 'security-group', g.GroupId),
        account: scope.account,
        region: scope.region,
        // Security groups are usually known by their group name; the Name tag wins when set.
        name: tags.Name ?? g.GroupName ?? null,
        tags,
        attributes: compactRecord({ groupName: g.GroupName, vpcId: g.VpcId }),
      }),
    ];
  });
}

const subnetSchema = z.object({
  SubnetId: z.string().min(1),
  SubnetArn: opt,
  State: opt,
  VpcId: opt,
  CidrBlock: opt,
  AvailabilityZone: opt,
  Tags: tagListSchema,
});

export function convertSubnets(subnets: unknown[], scope: Scope, sink: Sink): Resource[] {
  return subnets.flatMap((item) => {
    const s = parseItem(subnetSchema, item, sink);
    if (!s) return [];
    return [
      resource({
        kind: 'subnet',
        id: s.SubnetId,
        arn: s.SubnetArn ?? ec2Arn(scope, 'subnet', s.SubnetId),
        account: scope.account,
        region: scope.region,
        state: s.State ?? null,
        tags: tagRecord(s.Tags),
        attributes: compactRecord({
          vpcId: s.VpcId,
          cidrBlock: s.CidrBlock,
          availabilityZone: s.AvailabilityZone,
        }),
      }),
    ];
  });
}

const vpcSchema = z.object({
  VpcId: z.string().min(1),
  State: opt,
  CidrBlock: opt,
  IsDefault: z.boolean().optional(),
  Tags: tagListSchema,
});

export function convertVpcs(vpcs: unknown[], scope: Scope, sink: Sink): Resource[] {
  return vpcs.flatMap((item) => {
    const v = parseItem(vpcSchema, item, sink);
    if (!v) return [];
    return [
      resource({
        kind: 'vpc',
        id: v.VpcId,
        arn: ec2Arn(scope, 'vpc', v.VpcId),
        account: scope.account,
        region: scope.region,
        state: v.State ?? null,
        tags: tagRecord(v.Tags),
        attributes: compactRecord({
          cidrBlock: v.CidrBlock,
          isDefault: v.IsDefault === undefined ? undefined : String(v.IsDefault),
        }),
      }),
    ];
  });
}

const regionSchema = z.object({ RegionName: z.string().min(1), OptInStatus: opt });
const ENABLED = new Set(['opt-in-not-required', 'opted-in']);

/** Enabled regions only; an entry without OptInStatus was returned as enabled by AWS's default filter. */
export function enabledRegions(regions: unknown[]): string[] {
  const names: string[] = [];
  for (const item of regions) {
    const r = regionSchema.safeParse(item);
    if (!r.success) continue;
    if (r.data.OptInStatus === undefined || ENABLED.has(r.data.OptInStatus)) names.push(r.data.RegionName);
  }
  return names.sort();
}
