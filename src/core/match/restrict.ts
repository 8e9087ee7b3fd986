import type { InventorySnapshot } from '../inventory/snapshot';

/**
 * The snapshot as if only `regions` had been scanned (scan --regions with a saved snapshot):
 * everything regional elsewhere is dropped, resources and coverage alike, so references there
 * become unverifiable instead of being judged on data the user asked us to ignore.
 * Global services (S3 listing, Route53) are kept.
 */
export function restrictToRegions(
  snapshot: InventorySnapshot,
  regions: readonly string[],
): InventorySnapshot {
  const keep = new Set(regions);
  // S3 buckets carry their bucket region but are listed globally: keep them all.
  const inScope = (region: string | null, global: boolean) => global || region === null || keep.has(region);
  return {
    ...snapshot,
    accounts: snapshot.accounts.map((a) => ({ ...a, regions: a.regions.filter((r) => keep.has(r)) })),
    resources: snapshot.resources.filter((r) =>
      inScope(r.region, r.kind === 's3-bucket' || r.kind === 'route53-zone'),
    ),
    coverage: snapshot.coverage.filter((c) => inScope(c.region, false)),
  };
}
