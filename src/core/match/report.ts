import type { PageExtraction, Reference } from '../extract/types';
import type { Service } from '../inventory/snapshot';
import { matchReference } from './classify';
import { fingerprintOf } from './fingerprint';
import type { InventoryIndex } from './inventory-index';
import { RESOURCE_KIND_OF, SERVICES_OF, severityOf } from './tables';
import {
  FINDING_KINDS,
  type CoverageGap,
  type Finding,
  type FindingEvidence,
  type FindingKind,
  type ReferenceRecord,
  type ScanReport,
  type Verdict,
} from './types';

const FINDING_KIND_SET: ReadonlySet<string> = new Set(FINDING_KINDS);

export function isFindingKind(status: string): status is FindingKind {
  return FINDING_KIND_SET.has(status);
}

/**
 * Matches every reference of every page: the findings, every reference's status, and what was
 * covered. `pages` may be lazy (a generator extracting one page at a time): each extraction is
 * dropped once its page is matched, so a large space never has every extraction alive at once.
 */
export function scanPages(pages: Iterable<PageExtraction>, ix: InventoryIndex): ScanReport {
  const findings: Finding[] = [];
  const references: ReferenceRecord[] = [];
  for (const page of pages) scanPage(page, ix, findings, references);
  const cov = ix.coverage;
  return {
    findings,
    references,
    coverage: {
      snapshotTakenAt: ix.snapshot.takenAt,
      accounts: ix.snapshot.accounts.map((a) => ({ account: a.account, regions: [...a.regions] })),
      regionsScanned: cov.scannedRegions(),
      problems: cov.problems(ix.snapshot),
    },
  };
}

/** Unverifiable references sharing one page-wide cause: reported as one finding. */
interface Group {
  cause: { type: 'region' | 'aws-account'; value: string };
  /** The page's own mention of the region/account, when it has one: the finding's anchor. */
  anchor: { ref: Reference; v: Verdict } | null;
  members: { ref: Reference; v: Verdict; record: ReferenceRecord }[];
}

function scanPage(
  page: PageExtraction,
  ix: InventoryIndex,
  findings: Finding[],
  references: ReferenceRecord[],
): void {
  const foreign = foreignAccountSections(page, ix);
  const groups = new Map<string, Group>();
  for (const ref of page.entities) {
    const matched = matchReference(ref, ix);
    const foreignAccount = foreignAccountOf(ref, matched, foreign);
    const v = foreignAccount === null ? matched : asForeign(ref, matched, foreignAccount);
    const record: ReferenceRecord = {
      pageId: page.pageId,
      pageTitle: page.title,
      type: ref.type,
      value: ref.value,
      region: ref.region,
      account: ref.account,
      status: v.status,
      note: v.message,
      fingerprint: null,
      location: ref.location,
      occurrences: ref.occurrences,
    };
    references.push(record);
    if (!isFindingKind(v.status)) continue;
    const cause = v.status === 'unverifiable' ? pageWideCause(ref, foreignAccount, ix) : null;
    if (cause === null) {
      const finding = toFinding(page, ref, v, v.status, ix);
      record.fingerprint = finding.fingerprint;
      findings.push(finding);
      continue;
    }
    const key = `${cause.type}\u0000${cause.value}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { cause, anchor: null, members: [] }));
    if (ref.type === cause.type && group.anchor === null) group.anchor = { ref, v };
    else group.members.push({ ref, v, record });
    if (ref.type === cause.type) record.fingerprint = groupFingerprint(page, cause);
  }
  for (const group of groups.values()) {
    const finding = groupFinding(page, group, ix);
    for (const m of group.members) m.record.fingerprint = finding.fingerprint;
    findings.push(finding);
  }
}

/**
 * The page-wide reason an unverifiable reference could not be checked, when there is one: a region
 * nobody scanned, or an account that is not connected. Other gaps (one service failing in a scanned
 * region) are specific to the reference and stay one finding each.
 */
function pageWideCause(
  ref: Reference,
  foreignAccount: string | null,
  ix: InventoryIndex,
): Group['cause'] | null {
  const cov = ix.coverage;
  if (ref.type === 'region') return { type: 'region', value: ref.value };
  if (ref.type === 'aws-account') return { type: 'aws-account', value: ref.value };
  if (ref.account !== null && !cov.connectedAccounts.has(ref.account))
    return { type: 'aws-account', value: ref.account };
  if (foreignAccount !== null) return { type: 'aws-account', value: foreignAccount };
  const region = claimOf(ref);
  if (region !== null && !cov.isRegionScanned(region)) return { type: 'region', value: region };
  return null;
}

function groupFingerprint(page: PageExtraction, cause: Group['cause']): string {
  // The same fingerprint the page's own mention of the region/account has always had.
  return fingerprintOf(page.pageId, cause.type, cause.value, causeRegion(cause), 'unverifiable');
}

function causeRegion(cause: Group['cause']): string | null {
  return cause.type === 'region' ? cause.value : null;
}

const LISTED = 5;

function groupFinding(page: PageExtraction, group: Group, ix: InventoryIndex): Finding {
  const { cause, anchor, members } = group;
  const first = anchor ?? (members[0] as { ref: Reference; v: Verdict });
  const names = members.slice(0, LISTED).map((m) => m.ref.value);
  const more = members.length > LISTED ? ` and ${members.length - LISTED} more` : '';
  const n = members.length;
  const scanned = ix.coverage.scannedRegions();
  const head =
    cause.type === 'region'
      ? `Region ${cause.value} was not scanned${scanned.length > 0 ? ` (scanned: ${scanned.join(', ')})` : ''}`
      : `Account ${cause.value} is not connected to RunbookGuard`;
  const what = cause.type === 'region' ? 'in it' : 'that may be in it';
  const message =
    n === 0
      ? (first.v.message ?? head)
      : `${head}; ${n} reference${n === 1 ? '' : 's'} on this page ${what} could not be checked: ${names.join(', ')}${more}`;
  const base = toFinding(page, first.ref, first.v, 'unverifiable', ix);
  const gaps = new Map<string, CoverageGap>();
  for (const x of [first, ...members])
    for (const g of x.v.gaps) gaps.set(`${g.account}|${g.service}|${g.region ?? ''}`, g);
  return {
    ...base,
    entity: { type: cause.type, value: cause.value, region: causeRegion(cause), account: null },
    message,
    suggestion: null,
    fingerprint: groupFingerprint(page, cause),
    evidence: { ...base.evidence, resource: null, dnsChain: [], gaps: [...gaps.values()] },
    covers: members.map((m) => ({ type: m.ref.type, value: m.ref.value, region: m.ref.region })),
  };
}

/** Sections (heading paths) where the page names an account that is not connected, with that account. */
function foreignAccountSections(
  page: PageExtraction,
  ix: InventoryIndex,
): { path: string[]; account: string }[] {
  const out: { path: string[]; account: string }[] = [];
  for (const ref of page.entities) {
    if (ref.type === 'aws-account' && !ref.placeholder && !ix.coverage.connectedAccounts.has(ref.value))
      out.push({ path: ref.location.headingPath, account: ref.value });
  }
  return out;
}

/**
 * A resource we can't find, in a section that names an account we can't see, may well live in
 * that account: say so (unverifiable) rather than call it missing. Precision over recall.
 * Returns that account, or null when the rule does not apply.
 */
function foreignAccountOf(
  ref: Reference,
  v: Verdict,
  foreign: { path: string[]; account: string }[],
): string | null {
  if (v.status !== 'missing' || ref.account !== null || v.resource !== null || foreign.length === 0)
    return null;
  const f = foreign.find((x) => x.path.every((h, i) => ref.location.headingPath[i] === h));
  return f ? f.account : null;
}

function asForeign(ref: Reference, v: Verdict, account: string): Verdict {
  return {
    ...v,
    status: 'unverifiable',
    suggestion: null,
    message: `${v.message ?? ref.value}; this part of the page names account ${account}, which is not connected, so it may be there`,
  };
}

function toFinding(
  page: PageExtraction,
  ref: Reference,
  v: Verdict,
  kind: FindingKind,
  ix: InventoryIndex,
): Finding {
  return {
    pageId: page.pageId,
    pageTitle: page.title,
    pageVersion: page.version,
    entity: { type: ref.type, value: ref.value, region: ref.region, account: ref.account },
    kind,
    severity: severityOf(kind, ref.type),
    message: v.message ?? kind,
    suggestion: v.suggestion,
    fingerprint: fingerprintOf(page.pageId, ref.type, ref.value, ref.region, kind),
    location: {
      headingPath: ref.location.headingPath,
      kind: ref.location.kind,
      occurrences: ref.occurrences,
      context: ref.context,
    },
    evidence: evidenceOf(ref, v, ix),
  };
}

function evidenceOf(ref: Reference, v: Verdict, ix: InventoryIndex): FindingEvidence {
  const cov = ix.coverage;
  const scope = ref.account !== null && cov.connectedAccounts.has(ref.account) ? [ref.account] : cov.accounts;
  // Regional findings were judged within the accounts that declare the stated region.
  const accounts = [...cov.footprint(ref.type === 'region' ? null : claimOf(ref), scope)];
  const r = v.resource;
  return {
    snapshotTakenAt: ix.snapshot.takenAt,
    accountsChecked: accounts,
    regionsChecked: regionsChecked(ref, accounts, ix),
    resource: r ? { id: r.id, arn: r.arn, account: r.account, region: r.region, state: r.state } : null,
    dnsChain: v.dnsChain,
    gaps: v.gaps,
  };
}

function regionsChecked(ref: Reference, accounts: string[], ix: InventoryIndex): string[] {
  const kind = RESOURCE_KIND_OF[ref.type];
  const services: readonly Service[] | null = kind
    ? SERVICES_OF[kind]
    : ref.type === 'ip-address'
      ? ['ec2']
      : null;
  if (services === null) return ref.type === 'region' ? ix.coverage.scannedRegions() : [];
  return ix.coverage.regionsChecked(services, claimOf(ref), accounts);
}

/** The region a reference asserts (bucket names are global: only an explicit bucket URL region counts). */
function claimOf(ref: Reference): string | null {
  return ref.type === 's3-bucket' && ref.regionSource !== 'explicit' && ref.regionSource !== 'row'
    ? null
    : ref.region;
}
