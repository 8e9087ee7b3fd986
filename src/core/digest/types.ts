import type { CoverageSummary, Finding, FindingKind, ReferenceStatus, Severity } from '../match/types';
import type { ResourceKind } from '../inventory/snapshot';

/** Where a page lives and how to open it. Only titles and links: never a page body. */
export interface DigestPage {
  pageId: string;
  title: string;
  spaceKey: string;
  spaceName: string;
  url: string;
}

/** The part of an inventory resource the digest needs to tell whether any runbook names it. */
export interface DigestResource {
  kind: ResourceKind;
  id: string;
  arn: string | null;
  account: string;
  region: string | null;
  name: string | null;
  dnsNames: readonly string[];
  attributes?: Readonly<Record<string, string>>;
}

/** One finding as the previous digest saw it: enough to say "fixed" without the finding itself. */
export interface StateFinding {
  fingerprint: string;
  pageId: string;
  pageTitle: string;
  spaceKey: string;
  kind: FindingKind;
  severity: Severity;
  value: string;
}

/** What a digest remembers for the next one (KVS in Forge, a JSON file for the CLI). */
export interface DigestState {
  formatVersion: 1;
  /** ISO week the digest was built for, e.g. 2026-W47. */
  week: string;
  generatedAt: string;
  /** True once the week is done (every batch accepted, or a quiet week skipped): a second run sends nothing. */
  sent: boolean;
  findings: StateFinding[];
  unscannedRegions: string[];
  /** Keys (account/region/kind/id) of resources no runbook names; capped, see MAX_UNREFERENCED_KEYS. */
  unreferenced: string[];
}

export interface DigestInput {
  /** ISO timestamp of "now": the digest is a pure function of its input. */
  now: string;
  installName: string;
  dashboardUrl: string;
  previous: DigestState | null;
  /** When the previous state is unknown but the period start is (CLI --since DATE). */
  since?: string | null;
  /** Findings that are still a problem (the Forge adapter leaves suppressed ones out). */
  findings: readonly Finding[];
  pages: readonly DigestPage[];
  coverage: CoverageSummary;
  resources: readonly DigestResource[];
  references: readonly { value: string; status: ReferenceStatus }[];
}

export interface DigestFindingItem {
  fingerprint: string;
  pageId: string;
  pageTitle: string;
  pageUrl: string | null;
  kind: FindingKind;
  severity: Severity;
  value: string;
  message: string;
  suggestion: string | null;
}

export interface DigestResolvedItem {
  fingerprint: string;
  pageId: string;
  pageTitle: string;
  pageUrl: string | null;
  kind: FindingKind;
  value: string;
}

export interface DigestSpace {
  key: string;
  name: string;
  /** Shown items (at most ITEMS_PER_SPACE); the counts say how many there are in all. */
  newFindings: DigestFindingItem[];
  newCount: number;
  resolved: DigestResolvedItem[];
  resolvedCount: number;
  openCount: number;
}

export interface AffectedPage {
  pageId: string;
  title: string;
  url: string | null;
  spaceKey: string;
  errors: number;
  warnings: number;
  open: number;
}

export interface UnreferencedResource {
  kind: ResourceKind;
  id: string;
  account: string;
  region: string | null;
}

export interface CoverageChanges {
  /** Regions with a failed or missing scan now that were fine at the last digest. */
  newlyUnscannedRegions: string[];
  /** Regions that were unscanned at the last digest and are scanned again. */
  rescannedRegions: string[];
  /** Regions where some scan failed or never ran, now, with the services affected. */
  unscannedRegions: string[];
  regionProblems: { region: string; services: string[] }[];
  /** Resources no runbook names, now. */
  unreferencedCount: number;
  /** Those that were named at the last digest (or appeared since), shown first; at most ITEMS_PER_SPACE. */
  newlyUnreferenced: UnreferencedResource[];
  newlyUnreferencedCount: number;
}

export interface Digest {
  installName: string;
  week: string;
  period: { from: string | null; to: string };
  firstDigest: boolean;
  subject: string;
  /** The inbox preview line. */
  preheader: string;
  /** Nothing changed: not sent unless the admin chose "send even when quiet". */
  quiet: boolean;
  totals: {
    newFindings: number;
    newStale: number;
    resolved: number;
    open: number;
    openErrors: number;
    openWarnings: number;
  };
  /** The busiest spaces (at most SPACES_SHOWN), most new findings first. */
  spaces: DigestSpace[];
  /** Spaces with changes that did not fit, for an "and N more spaces" line. */
  moreSpaces: { count: number; newFindings: number; resolved: number };
  mostAffected: AffectedPage[];
  coverage: CoverageChanges;
  dashboardUrl: string;
  /** What the next digest compares against. */
  nextState: DigestState;
}
