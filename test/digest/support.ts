import type { DigestInput, DigestPage } from '../../src/core/digest';
import type { CoverageSummary, Finding, FindingKind, Severity } from '../../src/core/match';

export const PAGES: DigestPage[] = [
  {
    pageId: '1',
    title: 'Orders DB failover',
    spaceKey: 'OPS',
    spaceName: 'Operations',
    url: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/1',
  },
  {
    pageId: '2',
    title: 'API 5xx response',
    spaceKey: 'OPS',
    spaceName: 'Operations',
    url: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/2',
  },
  {
    pageId: '3',
    title: 'Kafka restart',
    spaceKey: 'PLAT',
    spaceName: 'Platform',
    url: 'https://acme.atlassian.net/wiki/spaces/PLAT/pages/3',
  },
];

export const SECRET_CONTEXT = 'psql postgres://admin:hunter2-s3cret@orders-prod';

export function finding(
  pageId: string,
  value: string,
  kind: FindingKind = 'missing',
  severity: Severity = 'error',
): Finding {
  const page = PAGES.find((p) => p.pageId === pageId);
  return {
    pageId,
    pageTitle: page?.title ?? `page ${pageId}`,
    pageVersion: 3,
    entity: { type: 'ec2-instance', value, region: 'eu-west-1', account: null },
    kind,
    severity,
    message: `${value} is ${kind}`,
    suggestion: kind === 'missing' ? { value: 'i-0fffffffffffffff0', reason: 'same Name tag' } : null,
    fingerprint: `fp-${pageId}-${value}-${kind}`,
    location: { headingPath: ['Steps'], kind: 'code-block', occurrences: 1, context: SECRET_CONTEXT },
    evidence: {
      snapshotTakenAt: '2026-11-16T06:00:00.000Z',
      accountsChecked: ['210987654321'],
      regionsChecked: ['eu-west-1'],
      resource: null,
      dnsChain: [],
      gaps: [],
    },
  };
}

export const COVERAGE: CoverageSummary = {
  snapshotTakenAt: '2026-11-16T06:00:00.000Z',
  accounts: [{ account: '210987654321', regions: ['eu-west-1', 'us-east-1'] }],
  regionsScanned: ['eu-west-1', 'us-east-1'],
  problems: [],
};

export function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    now: '2026-11-23T07:00:00.000Z',
    installName: 'acme.atlassian.net',
    dashboardUrl: 'https://acme.atlassian.net/wiki/apps/runbookguard',
    previous: null,
    findings: [],
    pages: PAGES,
    coverage: COVERAGE,
    resources: [],
    references: [],
    ...overrides,
  };
}
