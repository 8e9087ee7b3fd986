import {
  ListResourceRecordSetsCommand,
  paginateListHostedZones,
  type ListResourceRecordSetsCommandInput,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { maxPageSize } from '../actions';
import { mapLimited } from '../limiter';
import { parseItem, type Scope, type Sink } from './common';
import { convertRecordSets, convertZone, hostedZoneSchema, type HostedZone } from './route53.convert';

const ZONE_CONCURRENCY = 4;

/** Every hosted zone and every record set in it (Route 53 is global: called once per account). */
export async function collectRoute53(client: Route53Client, scope: Scope, sink: Sink): Promise<void> {
  const zones: HostedZone[] = [];
  for await (const page of paginateListHostedZones(
    { client, pageSize: maxPageSize('route53.ListHostedZones') },
    {},
  )) {
    for (const item of page.HostedZones ?? []) {
      const zone = parseItem(hostedZoneSchema, item, sink);
      if (zone) zones.push(zone);
    }
  }
  for (const zone of zones) sink.resources.push(convertZone(zone, scope));
  await mapLimited(zones, ZONE_CONCURRENCY, (zone) => collectRecordSets(client, zone, scope.account, sink));
}

/** No SDK paginator exists: the next page starts at the (name, type, set identifier) AWS hands back. */
export async function collectRecordSets(
  client: Route53Client,
  zone: HostedZone,
  account: string,
  sink: Sink,
): Promise<void> {
  let input: ListResourceRecordSetsCommandInput = {
    HostedZoneId: zone.Id,
    MaxItems: maxPageSize('route53.ListResourceRecordSets'),
  };
  for (;;) {
    const page = await client.send(new ListResourceRecordSetsCommand(input));
    sink.dnsRecords.push(...convertRecordSets(page.ResourceRecordSets ?? [], zone, account, sink));
    if (!page.IsTruncated || !page.NextRecordName) return;
    input = {
      ...input,
      StartRecordName: page.NextRecordName,
      StartRecordType: page.NextRecordType,
      StartRecordIdentifier: page.NextRecordIdentifier,
    };
  }
}
