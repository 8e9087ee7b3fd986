import type { DnsRecord, Resource } from '../inventory/snapshot';
import { parseAwsEndpoint, type AwsEndpoint } from './aws-endpoints';
import { describeGaps } from './coverage';
import { stripDualstack, type InventoryIndex, type Zone } from './inventory-index';
import { pickBest } from './pick';
import { NOUN, livenessOf } from './tables';
import type { Verdict } from './types';
import { ok, stateWords, verdict, where } from './verdict';

/** Chains longer than this are treated as unresolvable; real ones are 1–3 hops. */
const MAX_HOPS = 16;

interface Walk {
  origin: string;
  /** Hops followed so far, first hop first (the origin excluded). */
  chain: string[];
  visited: Set<string>;
}

/**
 * Judges a hostname written in a runbook. Only names inside a Route53 zone of a connected account
 * can be judged: there a missing record, or a CNAME/alias to something that no longer exists, is
 * `dangling`. Names anywhere else are `unchecked`, never a finding: we can't see their DNS.
 */
export function classifyHostname(host: string, ix: InventoryIndex): Verdict {
  const direct = ix.findByDns(host);
  if (direct.length > 0) return judgeTarget(direct, { origin: host, chain: [], visited: new Set([host]) });
  const zones = ix.zonesFor(host);
  if (zones.length === 0)
    return verdict('unchecked', `${host} is not in a Route53 zone of the connected accounts`);
  return resolveName(host, zones, ix, { origin: host, chain: [], visited: new Set([host]) });
}

function resolveName(name: string, zones: readonly Zone[], ix: InventoryIndex, walk: Walk): Verdict {
  const accounts = [...new Set(zones.map((z) => z.account))];
  const gaps = ix.coverage.gaps(['route53'], null, accounts);
  if (gaps.length > 0) {
    return verdict('unverifiable', `${walk.origin} could not be checked: ${describeGaps(gaps)}`, {
      gaps,
      dnsChain: walk.chain,
    });
  }
  const found = findRecords(name, zones, ix);
  if (found === 'delegated') {
    return verdict('unchecked', `${name} is delegated to name servers outside the connected zones`, {
      dnsChain: walk.chain,
    });
  }
  if (found.length === 0) {
    const zone = (zones[0] as Zone).name;
    const message =
      walk.chain.length === 0
        ? `${name} has no DNS record in the Route53 zone ${zone}`
        : `${walk.origin} points to ${hops(walk)}, which has no DNS record in the Route53 zone ${zone}`;
    return verdict('dangling', message, { dnsChain: walk.chain });
  }
  return resolveRecords(found, name, ix, walk);
}

/** Exact records, else the closest wildcard; 'delegated' when an NS cut hands the name to another zone. */
function findRecords(name: string, zones: readonly Zone[], ix: InventoryIndex): DnsRecord[] | 'delegated' {
  const apex = (zones[0] as Zone).name;
  const exact = ix.recordsAt(name, zones);
  if (exact.length > 0) {
    if (name !== apex && exact.every((r) => r.type === 'NS')) return 'delegated';
    return exact;
  }
  let s = name;
  while (s !== apex) {
    const dot = s.indexOf('.');
    if (dot < 0) return [];
    s = s.slice(dot + 1);
    const wildcard = ix.recordsAt(`*.${s}`, zones);
    if (wildcard.length > 0) return wildcard;
    const atS = ix.recordsAt(s, zones);
    if (s !== apex && atS.some((r) => r.type === 'NS')) return 'delegated';
    // An existing name is the closest encloser: wildcards further up no longer apply.
    if (atS.length > 0) return [];
  }
  return [];
}

function resolveRecords(records: DnsRecord[], name: string, ix: InventoryIndex, walk: Walk): Verdict {
  const alias = records.find((r) => r.aliasTarget !== null);
  const cname = records.find((r) => r.type === 'CNAME' && r.values.length > 0);
  const target = alias?.aliasTarget ?? cname?.values[0];
  if (target !== undefined) return resolveTarget(target, name, ix, walk);

  const addresses = records.filter((r) => r.type === 'A' || r.type === 'AAAA').flatMap((r) => r.values);
  if (addresses.length === 0) return ok(null); // TXT/MX-only names exist; nothing more to follow.
  const owners: Resource[] = [];
  for (const ip of addresses) {
    const hits = ix.findByIp(ip);
    // An address no instance carries may be anything (on-premises, NAT, a partner): not ours to judge.
    if (hits.length === 0) return ok(null);
    const best = pickBest(hits);
    if (livenessOf(best) === 'live') return ok(best);
    owners.push(best);
  }
  const worst = owners.find((o) => livenessOf(o) === 'gone') ?? owners[0];
  if (!worst) return ok(null);
  const ip = worst.privateIps.concat(worst.publicIps).find((a) => addresses.includes(a)) ?? addresses[0];
  const gone = livenessOf(worst) === 'gone';
  const message = `${walk.origin} resolves to ${ip}, the address of instance ${worst.id}, which ${gone ? goneWords(worst) : stateWords(worst)}`;
  return verdict(gone ? 'dangling' : 'not-running', message, { resource: worst, dnsChain: walk.chain });
}

function resolveTarget(rawTarget: string, recordName: string, ix: InventoryIndex, walk: Walk): Verdict {
  const target = stripDualstack(rawTarget.toLowerCase().replace(/\.$/, ''));
  if (walk.visited.has(target) || walk.chain.length >= MAX_HOPS) {
    walk.chain.push(target);
    return verdict('dangling', `${walk.origin} never resolves: its CNAME/alias chain loops (${hops(walk)})`, {
      dnsChain: walk.chain,
    });
  }
  walk.visited.add(target);
  walk.chain.push(target);

  const byDns = ix.findByDns(target);
  if (byDns.length > 0) return judgeTarget(byDns, walk);

  const endpoint = parseAwsEndpoint(target);
  if (endpoint) return judgeEndpoint(endpoint, target, recordName, ix, walk);

  const zones = ix.zonesFor(target);
  if (zones.length > 0) return resolveName(target, zones, ix, walk);
  return verdict('unchecked', `${walk.origin} points to ${target}, outside what RunbookGuard collects`, {
    dnsChain: walk.chain,
  });
}

function judgeTarget(candidates: readonly Resource[], walk: Walk): Verdict {
  const r = pickBest(candidates);
  const what = `${NOUN[r.kind]} ${r.id}`;
  const via = walk.chain.length > 0 ? `points to ${hops(walk)} (${what})` : `is ${what}`;
  switch (livenessOf(r)) {
    case 'live':
      return walk.chain.length > 0 ? { ...ok(r), dnsChain: walk.chain } : ok(r);
    case 'stopped':
      return verdict('not-running', `${walk.origin} ${via}, which ${stateWords(r)} (${where(r)})`, {
        resource: r,
        dnsChain: walk.chain,
      });
    case 'gone':
      return verdict('dangling', `${walk.origin} ${via}, which ${goneWords(r)}`, {
        resource: r,
        dnsChain: walk.chain,
      });
  }
}

/** An AWS endpoint no collected resource answers to: dangling only if we saw everything it could belong to. */
function judgeEndpoint(
  ep: AwsEndpoint,
  target: string,
  recordName: string,
  ix: InventoryIndex,
  walk: Walk,
): Verdict {
  const cov = ix.coverage;
  if (ep.kind === 's3-bucket') {
    // An S3 website alias has no bucket in its target: Route53 requires the bucket to be named like the record.
    const bucket = ep.bucket ?? recordName;
    const hits = ix.find('s3-bucket', bucket);
    if (hits.length > 0) return judgeTarget(hits, walk);
    const gaps = cov.gaps(['s3'], null, cov.accounts);
    if (gaps.length > 0) return unverifiableTarget(target, describeGaps(gaps), walk, gaps);
    return verdict(
      'dangling',
      `${walk.origin} points to ${hops(walk)}, but bucket ${bucket} does not exist in the connected accounts: anyone who creates it can serve content on ${walk.origin}`,
      { dnsChain: walk.chain },
    );
  }
  // Endpoints the collector doesn't list verbatim (Aurora cluster, cache primary endpoints) still name their owner.
  const owner = ownerName(ep, target);
  if (owner !== null) {
    const hits = ix.find(ep.kind, owner).filter((r) => ep.region === null || r.region === ep.region);
    if (hits.length > 0) return judgeTarget(hits, walk);
  }
  const gaps = cov.gaps(ep.services, ep.region, cov.accounts);
  if (gaps.length > 0) return unverifiableTarget(target, describeGaps(gaps), walk, gaps);
  const scope = `${ep.region ?? 'any scanned region'} of the connected accounts`;
  return verdict(
    'dangling',
    `${walk.origin} points to ${hops(walk)}, which no longer exists (no ${NOUN[ep.kind]} in ${scope} has that endpoint)`,
    { dnsChain: walk.chain },
  );
}

/** The identifier an RDS or ElastiCache endpoint starts with (endpoint hashes are stable per account and region). */
function ownerName(ep: AwsEndpoint, host: string): string | null {
  const labels = host.split('.');
  if (ep.kind === 'rds-instance') return labels[0] ?? null;
  if (ep.kind === 'elasticache-cluster') {
    const first = labels[0] ?? '';
    return first === 'master' || first === 'replica' || first === 'clustercfg' ? (labels[1] ?? null) : first;
  }
  return null;
}

function unverifiableTarget(target: string, why: string, walk: Walk, gaps: Verdict['gaps']): Verdict {
  return verdict('unverifiable', `${walk.origin} points to ${target}, which could not be checked: ${why}`, {
    gaps,
    dnsChain: walk.chain,
  });
}

function goneWords(r: Resource): string {
  const state = (r.state ?? '').toLowerCase();
  if (state === 'terminated') return 'was terminated';
  if (state === 'deleting' || state === 'shutting-down') return 'is being deleted';
  return `was deleted (state ${r.state ?? 'unknown'})`;
}

function hops(walk: Walk): string {
  return walk.chain.join(' → ');
}
