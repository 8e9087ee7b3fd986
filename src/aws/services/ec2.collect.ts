import {
  DescribeRegionsCommand,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { maxPageSize } from '../actions';
import type { Scope, Sink } from './common';
import {
  convertReservations,
  convertSecurityGroups,
  convertSubnets,
  convertVpcs,
  enabledRegions,
} from './ec2.convert';

export async function collectInstances(client: EC2Client, scope: Scope, sink: Sink): Promise<void> {
  const pages = paginateDescribeInstances({ client, pageSize: maxPageSize('ec2.DescribeInstances') }, {});
  for await (const page of pages)
    sink.resources.push(...convertReservations(page.Reservations ?? [], scope, sink));
}

export async function collectSecurityGroups(client: EC2Client, scope: Scope, sink: Sink): Promise<void> {
  const pages = paginateDescribeSecurityGroups(
    { client, pageSize: maxPageSize('ec2.DescribeSecurityGroups') },
    {},
  );
  for await (const page of pages)
    sink.resources.push(...convertSecurityGroups(page.SecurityGroups ?? [], scope, sink));
}

export async function collectSubnets(client: EC2Client, scope: Scope, sink: Sink): Promise<void> {
  const pages = paginateDescribeSubnets({ client, pageSize: maxPageSize('ec2.DescribeSubnets') }, {});
  for await (const page of pages) sink.resources.push(...convertSubnets(page.Subnets ?? [], scope, sink));
}

export async function collectVpcs(client: EC2Client, scope: Scope, sink: Sink): Promise<void> {
  const pages = paginateDescribeVpcs({ client, pageSize: maxPageSize('ec2.DescribeVpcs') }, {});
  for await (const page of pages) sink.resources.push(...convertVpcs(page.Vpcs ?? [], scope, sink));
}

/** Regions the account has enabled (DescribeRegions is not paged). */
export async function listEnabledRegions(client: EC2Client): Promise<string[]> {
  const out = await client.send(new DescribeRegionsCommand({ AllRegions: false }));
  return enabledRegions(out.Regions ?? []);
}
