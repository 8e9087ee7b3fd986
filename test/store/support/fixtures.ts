import type { InventorySnapshot, Resource } from '../../../src/core/inventory/snapshot';
import { fingerprintOf } from '../../../src/core/match/fingerprint';
import type { Finding, FindingKind } from '../../../src/core/match/types';

export function resource(i: number, extra: Partial<Resource> = {}): Resource {
  const id = `i-${i.toString(16).padStart(17, '0')}`;
  return {
    kind: 'ec2-instance',
    id,
    arn: `arn:aws:ec2:eu-west-1:123456789012:instance/${id}`,
    account: '123456789012',
    region: 'eu-west-1',
    state: 'running',
    dnsNames: [`ip-10-0-${i % 250}-1.eu-west-1.compute.internal`],
    privateIps: [`10.0.${i % 250}.1`],
    publicIps: [],
    name: `web-${i}`,
    tags: { Name: `web-${i}`, team: 'payments' },
    attributes: {},
    ...extra,
  };
}

export function snapshot(resourceCount: number, takenAt = '2026-01-01T00:00:00.000Z'): InventorySnapshot {
  return {
    formatVersion: 1,
    takenAt,
    accounts: [{ account: '123456789012', roleArn: null, regions: ['eu-west-1'] }],
    resources: Array.from({ length: resourceCount }, (_, i) => resource(i)),
    dnsRecords: [
      {
        account: '123456789012',
        zoneId: 'Z1',
        zoneName: 'example.com',
        privateZone: false,
        name: 'db.example.com',
        type: 'CNAME',
        values: ['db-1.abc.eu-west-1.rds.amazonaws.com'],
        aliasTarget: null,
      },
    ],
    coverage: [
      {
        account: '123456789012',
        service: 'ec2',
        region: 'eu-west-1',
        outcome: 'ok',
        detail: null,
        resourceCount,
      },
    ],
  };
}

export function finding(pageId: string, value: string, kind: FindingKind = 'missing'): Finding {
  return {
    pageId,
    pageTitle: `Runbook ${pageId}`,
    pageVersion: 3,
    entity: { type: 'ec2-instance', value, region: 'eu-west-1', account: null },
    kind,
    severity: 'error',
    message: `${value} does not exist`,
    suggestion: null,
    fingerprint: fingerprintOf(pageId, 'ec2-instance', value, 'eu-west-1', kind),
    location: { headingPath: ['Restart'], kind: 'inline-code', occurrences: 1, context: value },
    evidence: {
      snapshotTakenAt: '2026-01-01T00:00:00.000Z',
      accountsChecked: ['123456789012'],
      regionsChecked: ['eu-west-1'],
      resource: null,
      dnsChain: [],
      gaps: [],
    },
  };
}
