import type { Reference } from '../../src/core/extract/types';
import {
  newResource,
  SERVICES,
  type CoverageEntry,
  type DnsRecord,
  type InventorySnapshot,
  type Resource,
} from '../../src/core/inventory/snapshot';

export const ACCOUNT_A = '210987654321';
export const ACCOUNT_B = '345678901234';
export const GLOBAL = new Set(['s3', 'route53']);

export function res(p: Partial<Resource> & Pick<Resource, 'kind' | 'id'>): Resource {
  return newResource({ account: ACCOUNT_A, region: 'eu-west-1', ...p });
}

export function ref(p: Partial<Reference> & Pick<Reference, 'type' | 'value'>): Reference {
  return {
    region: null,
    regionSource: p.region ? 'explicit' : null,
    account: null,
    aliases: [],
    placeholder: false,
    location: { headingPath: ['Steps'], kind: 'code-block' },
    occurrences: 1,
    context: '',
    ...p,
  };
}

export function rec(p: Partial<DnsRecord> & Pick<DnsRecord, 'name'>): DnsRecord {
  return {
    account: ACCOUNT_A,
    zoneId: 'Z0ACME',
    zoneName: 'acme.io',
    privateZone: false,
    type: 'CNAME',
    values: [],
    aliasTarget: null,
    ...p,
  };
}

/** Every service scanned ok in every account region, unless `coverage` overrides entries. */
export function snap(p: {
  resources?: Resource[];
  dnsRecords?: DnsRecord[];
  accounts?: { account: string; regions: string[] }[];
  override?: Partial<CoverageEntry>[];
}): InventorySnapshot {
  const accounts = p.accounts ?? [{ account: ACCOUNT_A, regions: ['eu-west-1', 'us-east-1'] }];
  const coverage: CoverageEntry[] = [];
  for (const a of accounts) {
    for (const service of SERVICES) {
      const regions = GLOBAL.has(service) ? [null] : a.regions;
      for (const region of regions) {
        const o = p.override?.find(
          (x) =>
            x.account === a.account &&
            x.service === service &&
            (x.region === undefined || x.region === region),
        );
        if (o?.outcome === undefined && o !== undefined) continue; // override without outcome removes the entry
        coverage.push({
          account: a.account,
          service,
          region,
          outcome: o?.outcome ?? 'ok',
          detail: o?.detail ?? null,
          resourceCount: 0,
        });
      }
    }
  }
  return {
    formatVersion: 1,
    takenAt: '2025-03-01T08:00:00.000Z',
    accounts: accounts.map((a) => ({ account: a.account, roleArn: null, regions: a.regions })),
    resources: p.resources ?? [],
    dnsRecords: p.dnsRecords ?? [],
    coverage,
  };
}
