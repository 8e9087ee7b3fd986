import type { Resource } from '../inventory/snapshot';
import { livenessOf, type Liveness } from './tables';

const RANK: Record<Liveness, number> = { live: 0, stopped: 1, gone: 2 };

/**
 * The candidate a reference most likely means when several share its key: serving beats stopped
 * beats gone (an Aurora cluster is up if any member is), then snapshot order. Never empty input.
 */
export function pickBest(candidates: readonly Resource[]): Resource {
  let best = candidates[0] as Resource;
  if (candidates.length === 1) return best;
  let bestRank = RANK[livenessOf(best)];
  for (let i = 1; i < candidates.length && bestRank > 0; i++) {
    const c = candidates[i] as Resource;
    const rank = RANK[livenessOf(c)];
    if (rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}

export function liveOnes(candidates: readonly Resource[]): Resource[] {
  return candidates.filter((c) => livenessOf(c) === 'live');
}
