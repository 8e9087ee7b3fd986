import type { PageExtraction, Reference } from '../extract/types';
import type { Service } from '../inventory/snapshot';
import { matchReference } from './classify';
import { fingerprintOf } from './fingerprint';
import type { InventoryIndex } from './inventory-index';
import { RESOURCE_KIND_OF, SERVICES_OF, severityOf } from './tables';
import {
  FINDING_KINDS,
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

/** Matches every reference of every page: the findings, every reference's status, and what was covered. */
export function scanPages(pages: readonly PageExtraction[], ix: InventoryIndex): ScanReport {
  const findings: Finding[] = [];
  const references: ReferenceRecord[] = [];
  for (const page of pages) {
    const foreign = foreignAccountSections(page, ix);
    for (const ref of page.entities) {
      const v = withForeignAccounts(ref, matchReference(ref, ix), foreign);
      let fingerprint: string | null = null;
      if (isFindingKind(v.status)) {
        const finding = toFinding(page, ref, v, v.status, ix);
        fingerprint = finding.fingerprint;
        findings.push(finding);
      }
      references.push({
        pageId: page.pageId,
        pageTitle: page.title,
        type: ref.type,
        value: ref.value,
        region: ref.region,
        account: ref.account,
        status: v.status,
        note: v.message,
        fingerprint,
        location: ref.location,
        occurrences: ref.occurrences,
      });
    }
  }
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
 */
function withForeignAccounts(
  ref: Reference,
  v: Verdict,
  foreign: { path: string[]; account: string }[],
): Verdict {
  if (v.status !== 'missing' || ref.account !== null || v.resource !== null || foreign.length === 0) return v;
  const f = foreign.find((x) => x.path.every((h, i) => ref.location.headingPath[i] === h));
  if (!f) return v;
  return {
    ...v,
    status: 'unverifiable',
    suggestion: null,
    message: `${v.message ?? ref.value}; this part of the page names account ${f.account}, which is not connected, so it may be there`,
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
  return ref.type === 's3-bucket' && ref.regionSource !== 'explicit' ? null : ref.region;
}
