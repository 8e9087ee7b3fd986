import type { Reference } from '../extract/types';
import type { Resource } from '../inventory/snapshot';
import type { InventoryIndex } from './inventory-index';
import { pickBest } from './pick';
import { suggestByNameTag } from './suggest';
import { livenessOf } from './tables';
import type { Verdict } from './types';
import { OK, ok, stateWords, verdict, where } from './verdict';

/**
 * IP addresses are judged only through the instances that carry them. An address no instance
 * carries may be a NAT gateway, a load balancer node, on-premises or a partner: unchecked.
 */
export function classifyIp(ref: Reference, ix: InventoryIndex): Verdict {
  const ip = ref.value;
  const hits = ix.findByIp(ip);
  if (hits.length === 0) return verdict('unchecked', `No instance in the snapshot has the address ${ip}`);
  const inRegion =
    ref.region === null || (hits.length === 1 && (hits[0] as Resource).region === ref.region)
      ? hits
      : hits.filter((h) => h.region === ref.region);
  if (inRegion.length === 0) {
    // Private ranges repeat in every VPC: an instance elsewhere with 10.0.1.5 is not "this" 10.0.1.5.
    if (isPrivate(ip))
      return verdict('unchecked', `No instance in ${ref.region ?? ''} has the address ${ip}`);
    const r = pickBest(hits);
    return verdict(
      'wrong-region',
      `${ip} belongs to instance ${r.id} in ${r.region ?? '?'}, not ${ref.region ?? ''}`,
      {
        resource: r,
        suggestion: r.region
          ? { value: r.region, reason: `instance ${r.id} with this address is in ${where(r)}` }
          : null,
      },
    );
  }
  const r = pickBest(inRegion);
  switch (livenessOf(r)) {
    case 'live':
      return ok(r);
    case 'stopped':
      return verdict(
        'not-running',
        `${ip} is the address of instance ${r.id}, which ${stateWords(r)} (${where(r)})`,
        {
          resource: r,
        },
      );
    case 'gone': {
      const suggestion = suggestByNameTag(r, ix);
      const replacement = suggestion ? `; ${suggestion.reason} is ${suggestion.value}` : '';
      return verdict('missing', `${ip} belonged to instance ${r.id}, which was terminated${replacement}`, {
        resource: r,
        suggestion,
      });
    }
  }
}

export function classifyRegion(ref: Reference, ix: InventoryIndex): Verdict {
  if (ix.coverage.isRegionScanned(ref.value)) return OK;
  const scanned = ix.coverage.scannedRegions();
  return verdict(
    'unverifiable',
    `Region ${ref.value} was not scanned${scanned.length > 0 ? ` (scanned: ${scanned.join(', ')})` : ''}; references in it are not checked`,
  );
}

export function classifyAccount(ref: Reference, ix: InventoryIndex): Verdict {
  if (ix.coverage.connectedAccounts.has(ref.value)) return OK;
  return verdict(
    'unverifiable',
    `Account ${ref.value} is not connected to RunbookGuard; resources in it are not checked`,
  );
}

/** RFC 1918, carrier-grade NAT and link-local ranges. */
export function isPrivate(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254)
  );
}
