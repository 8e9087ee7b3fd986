import { z } from 'zod';
import type { DnsRecord, Resource } from '../../core/inventory/snapshot';
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

export const hostedZoneSchema = z.object({
  Id: z.string().min(1),
  Name: z.string().min(1),
  Config: z.object({ PrivateZone: z.boolean().optional() }).optional(),
  ResourceRecordSetCount: z.number().optional(),
});
export type HostedZone = z.infer<typeof hostedZoneSchema>;

/** '/hostedzone/Z123' → 'Z123' (the API returns the path form). */
export function zoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}

export function convertZone(zone: HostedZone, scope: Scope): Resource {
  const id = zoneId(zone.Id);
  return resource({
    kind: 'route53-zone',
    id,
    arn: `arn:${partitionOf(scope.region)}:route53:::hostedzone/${id}`,
    account: scope.account,
    dnsNames: distinct([normalizeHost(zone.Name)]),
    attributes: compactRecord({
      zoneName: normalizeHost(zone.Name),
      privateZone: String(zone.Config?.PrivateZone ?? false),
    }),
  });
}

const recordSetSchema = z.object({
  Name: z.string().min(1),
  Type: z.string().min(1),
  ResourceRecords: z.array(z.object({ Value: z.string() })).optional(),
  AliasTarget: z.object({ DNSName: z.string().optional() }).optional(),
});

// Types whose values are host names, and types whose last field is one (MX "10 mail.example.com.").
const HOST_VALUE = new Set(['CNAME', 'NS', 'PTR']);
const HOST_LAST_FIELD = new Set(['MX', 'SRV']);

function normalizeValue(type: string, value: string): string {
  if (HOST_VALUE.has(type)) return normalizeHost(value) ?? value;
  if (HOST_LAST_FIELD.has(type)) {
    const fields = value.trim().split(/\s+/);
    const host = normalizeHost(fields.pop());
    return [...fields, host ?? ''].join(' ');
  }
  // TXT and SOA keep their case; A/AAAA are already lowercase or lowercase-insensitive.
  return type === 'TXT' || type === 'SOA' ? value : value.trim().toLowerCase();
}

export function convertRecordSets(
  items: unknown[],
  zone: HostedZone,
  account: string,
  sink: Sink,
): DnsRecord[] {
  return items.flatMap((item) => {
    const r = parseItem(recordSetSchema, item, sink);
    if (!r) return [];
    return [
      {
        account,
        zoneId: zoneId(zone.Id),
        zoneName: normalizeHost(zone.Name) ?? zone.Name,
        privateZone: zone.Config?.PrivateZone ?? false,
        name: normalizeHost(r.Name) ?? r.Name,
        type: r.Type,
        values: (r.ResourceRecords ?? []).map((v) => normalizeValue(r.Type, v.Value)),
        aliasTarget: normalizeHost(r.AliasTarget?.DNSName),
      },
    ];
  });
}
