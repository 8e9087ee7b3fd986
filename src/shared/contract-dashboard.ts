import { z } from 'zod';
import {
  FINDING_KIND_VALUES,
  FINDING_STATUS_VALUES,
  SEVERITY_VALUES,
  fingerprint,
  pageId,
  REGION,
} from './contract-common';
import type { FindingView } from './contract-findings';

/** Resource kinds of the inventory snapshot (src/core/inventory/snapshot.ts RESOURCE_KINDS). */
export const RESOURCE_KIND_VALUES = [
  'ec2-instance',
  'security-group',
  'subnet',
  'vpc',
  'rds-instance',
  'load-balancer',
  'elasticache-cluster',
  'ecs-cluster',
  'eks-cluster',
  'lambda-function',
  's3-bucket',
  'route53-zone',
] as const;
/** The services collected; coverage is per (account, service, region). */
export const SERVICE_VALUES = [
  'ec2',
  'rds',
  'elb',
  'elbv2',
  'elasticache',
  'ecs',
  'eks',
  'lambda',
  's3',
  'route53',
] as const;
/** What the page report says about one reference. */
export const REFERENCE_STATE_VALUES = [
  /** Found in the inventory, as written. */
  'verified',
  /** A finding of kind `missing`: nothing of that name in a scan that could have seen it. */
  'stale',
  'wrong-region',
  'not-running',
  'dangling',
  /** Nothing we collect could confirm or refute it (a scan was denied, a region not scanned…). */
  'unverifiable',
  /** A documentation example (i-1234567890abcdef0, <instance-id>): never checked. */
  'placeholder',
  /** Extracted, but not matched yet (no snapshot yet, or a re-check still running). */
  'not-checked',
] as const;
export const COVERAGE_STATE_VALUES = ['scanned', 'denied', 'disabled', 'failed', 'not-selected'] as const;

const account = z
  .string()
  .max(12)
  .regex(/^\d{12}$/, 'not an AWS account id');
const region = z.string().max(32).regex(REGION, 'not an AWS region');
/** Opaque keyset cursor (base64url); the backend validates what it decodes to. */
const opaqueCursor = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor');
const tagKey = z.string().trim().min(1).max(128);

/** The dashboard, a finding's detail, the macro/byline page report, re-checks and the inventory views. */
export const dashboardPayloads = {
  /**
   * Anyone signed in: totals for the dashboard header. Counts are over every page the app checked
   * (not only those the caller can view): numbers only, never titles or values (docs/security.md).
   */
  getDashboardSummary: z.object({}).strict(),
  /** Viewers of the finding's page: the finding, its evidence, suggestions and history. */
  getFindingDetail: z.object({ fingerprint }).strict(),
  /** Viewers of the page (macro, byline): every reference on the page with its state. */
  getPageReport: z.object({ pageId }).strict(),
  /** Viewers of the page: counts only, for the byline. */
  getPageBadge: z.object({ pageId }).strict(),
  /** Viewers of the page: re-check just this page against the latest snapshot (one pending at a time). */
  recheckPage: z.object({ pageId }).strict(),
  /** Site admins: resources of the latest snapshot that no runbook names. */
  listUncoveredResources: z
    .object({
      account: account.optional(),
      region: region.optional(),
      resourceType: z.enum(RESOURCE_KIND_VALUES).optional(),
      tag: z
        .object({ key: tagKey, value: z.string().max(256).optional() })
        .strict()
        .optional(),
      limit: z.number().int().min(1).max(100).default(25),
      cursor: opaqueCursor.optional(),
    })
    .strict(),
  /**
   * Site admins: resource counts per account/region/service of the latest snapshot; with account,
   * service (and region for regional services) also that cell's resources, paginated.
   */
  listInventory: z
    .object({
      account: account.optional(),
      region: region.optional(),
      service: z.enum(SERVICE_VALUES).optional(),
      limit: z.number().int().min(1).max(100).default(25),
      cursor: opaqueCursor.optional(),
    })
    .strict(),
  /** Anyone signed in: the spaces that have open findings and that the caller can see (names, keys). */
  listSpaces: z.object({}).strict(),
} as const;

type Severity = (typeof SEVERITY_VALUES)[number];
type Kind = (typeof FINDING_KIND_VALUES)[number];

export interface CoverageCellView {
  account: string;
  /** null for global services (route53, the S3 bucket listing). */
  region: string | null;
  service: (typeof SERVICE_VALUES)[number];
  state: (typeof COVERAGE_STATE_VALUES)[number];
  /** Why, for anything but scanned: the AWS error code and message, or "not in this account's regions". */
  reason: string | null;
  resources: number;
}

export interface DashboardSummary {
  /** References on checked pages, placeholders excluded. */
  referencesChecked: number;
  pagesChecked: number;
  /** Open, acknowledged and reopened findings (suppressed and resolved ones are not counted). */
  openFindings: { total: number; bySeverity: Record<Severity, number>; byKind: Record<Kind, number> };
  lastScan: null | { scanId: string; state: 'running' | 'succeeded' | 'failed'; finishedAt: number | null };
  /** The latest snapshot's coverage; null before the first inventory. */
  coverage: null | {
    snapshotTakenAt: number;
    counts: Record<(typeof COVERAGE_STATE_VALUES)[number], number>;
    cells: CoverageCellView[];
  };
  /** Up to 12 finished full scans, oldest first: open findings by severity when each finished. */
  trend: { scanId: string; finishedAt: number; bySeverity: Record<Severity, number>; total: number }[];
}

export interface FindingDetail {
  finding: FindingView;
  /** What the scan saw. `context` is the snippet stored at extraction (secrets redacted), nothing more. */
  evidence: {
    context: string;
    headingPath: string[];
    locationKind: 'prose' | 'table' | 'inline-code' | 'code-block';
    occurrences: number;
    /** ms since epoch, or null if the snapshot's time did not parse. */
    snapshotTakenAt: number | null;
    accountsChecked: string[];
    regionsChecked: string[];
    resource: null | {
      id: string;
      arn: string | null;
      account: string;
      region: string | null;
      state: string | null;
    };
    dnsChain: string[];
    gaps: {
      account: string;
      service: string;
      region: string | null;
      outcome: string;
      detail: string | null;
    }[];
    /** Unverifiable findings with a page-wide cause: the references they stand for. */
    covers: { type: string; value: string; region: string | null }[];
  };
  /** The matcher's suggestions, best first (empty when it had none). */
  suggestions: { value: string; reason: string }[];
  history: {
    firstSeen: number;
    lastSeen: number;
    /** Status changes people made (acknowledge, suppress), newest first, from the audit log. */
    changes: {
      at: number;
      actor: string | null;
      action: string;
      outcome: 'success' | 'denied' | 'failed';
      reason: string | null;
    }[];
  };
}

export interface PageReferenceView {
  type: string;
  value: string;
  region: string | null;
  account: string | null;
  state: (typeof REFERENCE_STATE_VALUES)[number];
  /** Why, for anything but verified and placeholder. */
  message: string | null;
  suggestion: { value: string; reason: string } | null;
  /** The finding behind a problem state, when there is one. */
  fingerprint: string | null;
  findingStatus: (typeof FINDING_STATUS_VALUES)[number] | null;
  /** Why a space admin acknowledged or suppressed the finding (what the dashboard shows too). */
  findingStatusReason: string | null;
  headingPath: string[];
  occurrences: number;
}

export interface PageReport {
  pageId: string;
  /** ms since epoch the page was last matched (full scan or re-check); null if never. */
  lastCheckedAt: number | null;
  /** A re-check was queued and has not run yet: poll getPageReport. */
  recheckPending: boolean;
  counts: Record<(typeof REFERENCE_STATE_VALUES)[number], number>;
  references: PageReferenceView[];
}

export interface PageBadge {
  pageId: string;
  lastCheckedAt: number | null;
  recheckPending: boolean;
  /** Open, acknowledged and reopened findings on the page. */
  open: { total: number; bySeverity: Record<Severity, number> };
}

export interface InventoryResourceView {
  kind: (typeof RESOURCE_KIND_VALUES)[number];
  id: string;
  arn: string | null;
  name: string | null;
  account: string;
  region: string | null;
  state: string | null;
  tags: Record<string, string>;
}

export interface UncoveredResources {
  /** null before the first inventory. */
  snapshotTakenAt: number | null;
  /** Resources matching the filters that no page names. */
  total: number;
  items: InventoryResourceView[];
  nextCursor: string | null;
}

export interface InventoryView {
  snapshotTakenAt: number | null;
  /** Resources per account/region/service (the coverage map of the snapshot). */
  cells: CoverageCellView[];
  /** The chosen cell's resources; null unless account and service (and region, for regional ones) were given. */
  resources: null | { total: number; items: InventoryResourceView[]; nextCursor: string | null };
}

export interface SpaceView {
  id: string;
  key: string;
  name: string;
}

export interface DashboardResults {
  getDashboardSummary: DashboardSummary;
  getFindingDetail: FindingDetail;
  getPageReport: PageReport;
  getPageBadge: PageBadge;
  /** `queued` false: one was already pending (debounced). Poll getPageReport until recheckPending is false. */
  recheckPage: { pageId: string; queued: boolean; recheckPending: true };
  listUncoveredResources: UncoveredResources;
  listInventory: InventoryView;
  listSpaces: { spaces: SpaceView[] };
}
