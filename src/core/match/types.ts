import type { Reference, ReferenceLocation, ReferenceType } from '../extract/types';
import type { CoverageOutcome, Resource, Service } from '../inventory/snapshot';

/** Finding kinds: exact strings, part of the CLI contract. Never rename one. */
export const FINDING_KINDS = ['missing', 'wrong-region', 'not-running', 'dangling', 'unverifiable'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What the scan concluded about one reference. Besides `ok` and the finding kinds:
 * `unchecked` — nothing we collect can confirm or refute it (a hostname outside every connected
 * Route53 zone, an IP no instance carries); `placeholder` — documentation example, never matched.
 */
export type ReferenceStatus = 'ok' | FindingKind | 'unchecked' | 'placeholder';

export interface Suggestion {
  /** What the runbook should probably say instead. */
  value: string;
  /** The evidence, in words. */
  reason: string;
}

/** One (account, service, region) scan we would have needed but do not have. */
export interface CoverageGap {
  account: string;
  service: Service;
  region: string | null;
  outcome: Exclude<CoverageOutcome, 'ok'> | 'not-scanned';
  detail: string | null;
}

/** The matcher's conclusion for one reference, before it is bound to a page. */
export interface Verdict {
  status: ReferenceStatus;
  /** One sentence for the runbook author; null when the status is ok. */
  message: string | null;
  /** The resource the reference resolved to, when one was found. */
  resource: Resource | null;
  suggestion: Suggestion | null;
  /** Why a reference is unverifiable: the scans that were missing or failed. */
  gaps: CoverageGap[];
  /** Hostnames only: the CNAME/alias chain that was followed, first hop first. */
  dnsChain: string[];
}

export interface FindingEvidence {
  snapshotTakenAt: string;
  accountsChecked: string[];
  regionsChecked: string[];
  resource: {
    id: string;
    arn: string | null;
    account: string;
    region: string | null;
    state: string | null;
  } | null;
  dnsChain: string[];
  gaps: CoverageGap[];
}

export interface FindingLocation {
  headingPath: string[];
  kind: ReferenceLocation['kind'];
  occurrences: number;
  context: string;
}

export interface Finding {
  pageId: string;
  pageTitle: string;
  pageVersion: number;
  entity: { type: ReferenceType; value: string; region: string | null; account: string | null };
  kind: FindingKind;
  severity: Severity;
  message: string;
  suggestion: Suggestion | null;
  fingerprint: string;
  location: FindingLocation;
  evidence: FindingEvidence;
  /**
   * Unverifiable findings with a page-wide cause (a region nobody scanned, an account that is not
   * connected) stand for every reference on the page with that cause: those references, in page order.
   */
  covers?: { type: ReferenceType; value: string; region: string | null }[];
}

/** Every reference of the scan with its status: the "references" list of the JSON output. */
export interface ReferenceRecord {
  pageId: string;
  pageTitle: string;
  type: ReferenceType;
  value: string;
  region: string | null;
  account: string | null;
  status: ReferenceStatus;
  /** Why, for anything but ok and placeholder. */
  note: string | null;
  /** The finding's fingerprint when the status is a finding kind. */
  fingerprint: string | null;
  location: ReferenceLocation;
  occurrences: number;
}

export interface CoverageSummary {
  snapshotTakenAt: string;
  accounts: { account: string; regions: string[] }[];
  /** Regions with at least one successful regional scan. */
  regionsScanned: string[];
  /** Every (account, service, region) scan that did not succeed. */
  problems: CoverageGap[];
}

export interface ScanReport {
  findings: Finding[];
  references: ReferenceRecord[];
  coverage: CoverageSummary;
}

export type { Reference };
