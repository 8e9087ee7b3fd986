import type { Reference } from '../extract/types';
import type { Resource } from '../inventory/snapshot';
import type { InventoryIndex } from './inventory-index';
import { liveOnes } from './pick';
import { NOUN } from './tables';
import type { Suggestion } from './types';
import { where } from './verdict';

/**
 * Suggestions cost trust when wrong, so each rule needs specific evidence and exactly one
 * candidate; anything ambiguous (an Auto Scaling group of ten, the same name in two regions)
 * yields null.
 */

/** A terminated instance's replacement: the one serving instance that now carries its Name tag. */
export function suggestByNameTag(gone: Resource, ix: InventoryIndex): Suggestion | null {
  if (gone.kind !== 'ec2-instance' || !gone.name) return null;
  const live = liveOnes(ix.instancesNamed(gone.name)).filter((r) => r !== gone);
  const sameScope = live.filter((r) => r.account === gone.account && r.region === gone.region);
  const pool = sameScope.length > 0 ? sameScope : live;
  const only = pool.length === 1 ? pool[0] : undefined;
  if (!only) return null;
  const elsewhere = only.region !== gone.region ? ` in ${only.region ?? 'another region'}` : '';
  return { value: only.id, reason: `the instance now tagged ${gone.name}${elsewhere}` };
}

/**
 * The same resource name found in another region (or account) than the reference states: suggest
 * the spelling the runbook uses (ARN, endpoint) for the one serving candidate, else its region.
 */
export function suggestRelocated(
  ref: Reference,
  others: readonly Resource[],
  differs: 'region' | 'account',
): Suggestion | null {
  const live = liveOnes(others);
  const first = live[0];
  if (!first) return null;
  if (live.some((r) => r.region !== first.region || r.account !== first.account)) return null;
  return {
    value: spelling(ref, first, differs),
    reason: `${NOUN[first.kind]} ${first.id} exists in ${where(first)}`,
  };
}

function spelling(ref: Reference, r: Resource, differs: 'region' | 'account'): string {
  // Aurora clusters match through member instances: a member's own endpoint is not the cluster's.
  const sameName = r.id.toLowerCase() === ref.value.toLowerCase();
  if (sameName && r.arn && ref.aliases.some((a) => a.startsWith('arn:'))) return r.arn;
  const dns = r.dnsNames[0];
  if (sameName && dns && ref.aliases.some((a) => !a.startsWith('arn:') && a.includes('.'))) return dns;
  if (differs === 'account') return r.arn ?? r.account;
  return r.region ?? r.account;
}
