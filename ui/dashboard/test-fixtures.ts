import type {
  DashboardSummary,
  FindingDetail,
  ScanProgressView,
  StatusView,
} from '../../src/shared/contract';
import type { FindingList, FindingView } from '../../src/shared/contract-findings';

/** Answers for the dashboard's component tests, shaped exactly like the contract's views. */
export const ADMIN: StatusView = { isSiteAdmin: true, schemaVersion: '013', schemaCurrent: true };
export const ENGINEER: StatusView = { isSiteAdmin: false, schemaVersion: '013', schemaCurrent: true };
export const NOW = Date.now();
const HOUR = 3_600_000;

export function finding(n: number, over: Partial<FindingView> = {}): FindingView {
  return {
    fingerprint: `fp${String(n).padStart(8, '0')}`,
    pageId: String(1000 + (n % 3)),
    pageTitle: `Runbook ${n % 3}`,
    spaceId: '98305',
    kind: 'missing',
    severity: 'error',
    message: `i-0abc${n} is not in any scanned account`,
    entity: {
      type: 'ec2-instance',
      value: `i-0abc${String(n).padStart(12, '0')}`,
      region: 'eu-west-1',
      account: null,
    },
    status: 'open',
    statusReason: null,
    statusBy: null,
    suppressedUntil: null,
    firstSeen: NOW - 48 * HOUR,
    lastSeen: NOW - HOUR,
    ...over,
  };
}

export function list(items: FindingView[], over: Partial<FindingList> = {}): FindingList {
  return {
    items,
    nextCursor: null,
    total: items.length,
    totalIncludesHidden: true,
    totalIsLowerBound: false,
    ...over,
  };
}

export const SUMMARY: DashboardSummary = {
  referencesChecked: 1234,
  pagesChecked: 87,
  openFindings: {
    total: 42,
    bySeverity: { error: 17, warning: 15, info: 10 },
    byKind: { missing: 20, 'wrong-region': 3, 'not-running': 9, dangling: 4, unverifiable: 6 },
  },
  lastScan: { scanId: 'scan-2', state: 'succeeded', finishedAt: NOW - 2 * HOUR },
  coverage: {
    snapshotTakenAt: NOW - 2 * HOUR,
    counts: { scanned: 2, denied: 1, disabled: 0, failed: 0, 'not-selected': 1 },
    cells: [
      {
        account: '210987654321',
        region: 'eu-west-1',
        service: 'ec2',
        state: 'scanned',
        reason: null,
        resources: 40,
      },
      { account: '210987654321', region: null, service: 's3', state: 'scanned', reason: null, resources: 12 },
      {
        account: '304958672011',
        region: 'eu-west-1',
        service: 'eks',
        state: 'denied',
        reason: 'AccessDeniedException: not authorized to perform eks:ListClusters',
        resources: 0,
      },
      {
        account: '304958672011',
        region: 'us-east-1',
        service: 'ec2',
        state: 'not-selected',
        reason: "not in this account's regions",
        resources: 0,
      },
    ],
  },
  trend: [
    {
      scanId: 'scan-1',
      finishedAt: NOW - 26 * HOUR,
      bySeverity: { error: 20, warning: 15, info: 10 },
      total: 45,
    },
    {
      scanId: 'scan-2',
      finishedAt: NOW - 2 * HOUR,
      bySeverity: { error: 17, warning: 15, info: 10 },
      total: 42,
    },
  ],
};

export const NEVER_SCANNED: DashboardSummary = {
  referencesChecked: 0,
  pagesChecked: 0,
  openFindings: {
    total: 0,
    bySeverity: { error: 0, warning: 0, info: 0 },
    byKind: { missing: 0, 'wrong-region': 0, 'not-running': 0, dangling: 0, unverifiable: 0 },
  },
  lastScan: null,
  coverage: null,
  trend: [],
};

export function detail(f: FindingView): FindingDetail {
  return {
    finding: f,
    evidence: {
      context: 'Fail over by restarting i-0abc000000000001 in eu-west-1',
      headingPath: ['Failover', 'Step 2'],
      locationKind: 'prose',
      occurrences: 2,
      snapshotTakenAt: NOW - 2 * HOUR,
      accountsChecked: ['210987654321'],
      regionsChecked: ['eu-west-1'],
      resource: null,
      dnsChain: [],
      gaps: [],
      covers: [],
    },
    suggestions: [
      { value: 'i-0abc000000000009', reason: 'same Name tag, launched after this one was terminated' },
    ],
    history: {
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
      changes: [
        {
          at: NOW - 3 * HOUR,
          actor: 'space-admin',
          action: 'finding.acknowledge',
          outcome: 'success',
          reason: 'known',
        },
      ],
    },
  };
}

export function progress(scan: Partial<NonNullable<ScanProgressView['scan']>> | null): ScanProgressView {
  if (scan === null) return { scan: null };
  return {
    scan: {
      scanId: 'scan-3',
      state: 'running',
      phase: 'pages',
      pagesTotal: 10,
      pagesDone: 0,
      resources: 0,
      chunksTotal: 0,
      chunksDone: 0,
      startedAt: NOW,
      finishedAt: null,
      ...scan,
    },
  };
}
