import type { Reference } from '../extract/types';
import type { Resource, ResourceKind, Service } from '../inventory/snapshot';
import { describeGaps } from './coverage';
import type { InventoryIndex } from './inventory-index';
import { lower, stripDualstack } from './inventory-index';
import { pickBest } from './pick';
import { suggestByNameTag, suggestRelocated } from './suggest';
import { GLOBALLY_UNIQUE_IDS, NOUN, SERVICES_OF, livenessOf } from './tables';
import type { Verdict } from './types';
import { ok, stateWords, verdict, where } from './verdict';

/** Judges a reference to one inventory resource (instances, databases, load balancers, buckets…). */
export function classifyResource(ref: Reference, kind: ResourceKind, ix: InventoryIndex): Verdict {
  const cov = ix.coverage;
  if (ref.account !== null && !cov.connectedAccounts.has(ref.account)) {
    return verdict(
      'unverifiable',
      `${label(ref, kind)} is in account ${ref.account}, which is not connected`,
    );
  }
  const claim = claimedRegion(ref, kind);
  let candidates = lookup(ref, kind, ix);
  let otherAccounts: readonly Resource[] = [];
  if (ref.account !== null && candidates.length > 0) {
    const inAccount = candidates.filter((c) => c.account === ref.account);
    if (inAccount.length === 0) otherAccounts = candidates;
    candidates = inAccount;
  }

  if (candidates.length > 0) {
    const inRegion = claim === null ? candidates : inClaimedRegion(candidates, claim);
    if (inRegion.length > 0) return judgeState(ref, kind, pickBest(inRegion), ix);
    const best = pickBest(candidates);
    // Gone wherever it is: the stated region doesn't matter any more.
    if (livenessOf(best) === 'gone') return gone(ref, kind, best, ix);
    if (!GLOBALLY_UNIQUE_IDS.has(kind)) {
      const { gaps } = cov.scope(servicesFor(ref, kind), claim, ref.account);
      if (gaps.length > 0) {
        return verdict(
          'unverifiable',
          `${label(ref, kind)} could not be checked in ${claim ?? 'its region'}: ${describeGaps(gaps)}; one of that name exists in ${regionList(candidates)}`,
          { gaps, resource: best },
        );
      }
    }
    return verdict(
      'wrong-region',
      `${label(ref, kind)} is in ${regionList(candidates)}, not ${claim ?? ''}${regionSourceWords(ref)}`,
      { resource: best, suggestion: suggestRelocated(ref, candidates, 'region') },
    );
  }

  const services = servicesFor(ref, kind);
  const scope = cov.scope(services, claim, ref.account);
  if (scope.gaps.length > 0) {
    return verdict('unverifiable', `${label(ref, kind)} could not be checked: ${describeGaps(scope.gaps)}`, {
      gaps: scope.gaps,
    });
  }
  if (scope.regional && scope.regionsChecked.length === 0) {
    return verdict('unverifiable', `${label(ref, kind)} could not be checked: no region was scanned`);
  }
  const where = scope.where;
  if (otherAccounts.length > 0) {
    const suggestion = suggestRelocated(ref, otherAccounts, 'account');
    return verdict(
      'missing',
      `${label(ref, kind)} was not found in ${where}; one of that name exists in ${regionList(otherAccounts, true)}`,
      { suggestion },
    );
  }
  if (kind === 's3-bucket' && !ix.looksLikeOwnBucket(ref.value)) {
    // ListBuckets lists only the caller's own buckets: another account's bucket is invisible to us.
    return verdict(
      'unverifiable',
      `${label(ref, kind)} is not in ${where}, and its name does not follow theirs, so it may belong to an account that is not connected`,
    );
  }
  return verdict('missing', `${label(ref, kind)} was not found in ${where}`);
}

/** Candidates in the stated region (global ones always qualify); no allocation for the common single match. */
function inClaimedRegion(candidates: readonly Resource[], claim: string): readonly Resource[] {
  if (candidates.length === 1) {
    const only = candidates[0] as Resource;
    return only.region === claim || only.region === null ? candidates : NONE;
  }
  return candidates.filter((c) => c.region === claim || c.region === null);
}

const NONE: readonly Resource[] = Object.freeze([]);

function judgeState(ref: Reference, kind: ResourceKind, r: Resource, ix: InventoryIndex): Verdict {
  switch (livenessOf(r)) {
    case 'live':
      return staleLoadBalancerDns(ref, r) ?? ok(r);
    case 'stopped':
      return verdict('not-running', `${label(ref, kind)} ${stateWords(r)} (${where(r)})`, { resource: r });
    case 'gone':
      return gone(ref, kind, r, ix);
  }
}

function gone(ref: Reference, kind: ResourceKind, r: Resource, ix: InventoryIndex): Verdict {
  const suggestion = suggestByNameTag(r, ix);
  const state = (r.state ?? '').toLowerCase();
  const what =
    state === 'terminated'
      ? 'was terminated'
      : state === 'shutting-down'
        ? 'is being terminated'
        : state === 'deleting'
          ? 'is being deleted'
          : `was deleted (state ${r.state ?? 'unknown'})`;
  const replacement = suggestion ? `; ${suggestion.reason} is ${suggestion.value}` : '';
  return verdict('missing', `${label(ref, kind)} ${what}${replacement}`, { resource: r, suggestion });
}

/**
 * A load balancer recreated under the same name gets a new DNS name: the one in the runbook no
 * longer resolves even though the name still matches.
 */
function staleLoadBalancerDns(ref: Reference, r: Resource): Verdict | null {
  if (r.kind !== 'load-balancer' || r.dnsNames.length === 0 || ref.aliases.length === 0) return null;
  for (const alias of ref.aliases) {
    const host = stripDualstack(lower(alias));
    if (!host.endsWith('.elb.amazonaws.com') && !/\.elb\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) continue;
    if (r.dnsNames.some((d) => stripDualstack(d) === host)) return null;
    const current = r.dnsNames[0] as string;
    return verdict('missing', `${host} no longer exists; load balancer ${r.id} now answers at ${current}`, {
      resource: r,
      suggestion: { value: current, reason: `the current DNS name of load balancer ${r.id}` },
    });
  }
  return null;
}

function lookup(ref: Reference, kind: ResourceKind, ix: InventoryIndex): readonly Resource[] {
  const value = ref.value;
  const found = ix.find(kind, value);
  if (found.length > 0) return found;
  // EKS endpoints stay hostnames until matched; other kinds may be known only by an alias spelling.
  if (value.includes('.') && !value.startsWith('arn:')) {
    const byDns = ix.findByDns(value).filter((r) => r.kind === kind);
    if (byDns.length > 0) return byDns;
  }
  for (const alias of ref.aliases) {
    const hits = alias.startsWith('arn:') ? ix.findByArn(alias) : ix.findByDns(alias);
    const ofKind = hits.filter((r) => r.kind === kind);
    if (ofKind.length > 0) return ofKind;
  }
  return found;
}

const ELBV2_ONLY: readonly Service[] = ['elbv2'];
const CLASSIC_ONLY: readonly Service[] = ['elb'];

/** Constant arrays only: CoverageIndex.scope caches by array identity. */
function servicesFor(ref: Reference, kind: ResourceKind): readonly Service[] {
  if (kind !== 'load-balancer' || ref.aliases.length === 0) return SERVICES_OF[kind];
  // The spelling can tell v2 (ARN app/net, NLB DNS) from classic (ARN loadbalancer/NAME).
  for (const a of ref.aliases) {
    if (/:loadbalancer\/(app|net)\//.test(a) || /\.elb\.[a-z0-9-]+\.amazonaws\.com$/.test(a))
      return ELBV2_ONLY;
    if (/:loadbalancer\/[^/]+$/.test(a)) return CLASSIC_ONLY;
  }
  return SERVICES_OF[kind];
}

/** S3 bucket names are global: only a region stated on the bucket itself (URL, command, table row) is a claim. */
function claimedRegion(ref: Reference, kind: ResourceKind): string | null {
  if (kind === 's3-bucket' && ref.regionSource !== 'explicit' && ref.regionSource !== 'row') return null;
  return ref.region;
}

/** How a message names the reference: ids speak for themselves, names get their noun ("Database orders"). */
function label(ref: Reference, kind: ResourceKind): string {
  if (kind === 'eks-cluster' && ref.value.includes('.')) return `EKS endpoint ${ref.value}`;
  return GLOBALLY_UNIQUE_IDS.has(kind) && kind !== 's3-bucket'
    ? ref.value
    : `${cap(NOUN[kind])} ${ref.value}`;
}

function regionSourceWords(ref: Reference): string {
  if (ref.regionSource === 'section') return ' (the region stated for this section)';
  if (ref.regionSource === 'page') return ' (the region stated for this page)';
  if (ref.regionSource === 'row') return ' (the region stated in its table row)';
  return '';
}

function regionList(rs: readonly Resource[], withAccount = false): string {
  const names = new Set(rs.map((r) => (withAccount ? where(r) : (r.region ?? 'a global scope'))));
  return [...names].sort().join(' and ');
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
