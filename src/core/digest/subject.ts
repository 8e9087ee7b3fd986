import type { Digest } from './types';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Where the changes are: "OPS runbooks" for one space, "3 spaces" for more. */
function where(spaceKeys: readonly string[]): string {
  return spaceKeys.length === 1 ? `${spaceKeys[0] ?? ''} runbooks` : `${spaceKeys.length} spaces`;
}

/**
 * A short subject that says what changed, most urgent first: new stale references, then fixes,
 * then coverage. Inbox previews cut around 60 characters, so the count comes first.
 */
export function subjectOf(
  d: Pick<Digest, 'totals' | 'spaces' | 'coverage' | 'quiet' | 'firstDigest'>,
): string {
  const { totals, coverage } = d;
  const staleSpaces = d.spaces
    .filter((s) => s.newFindings.some((f) => f.severity !== 'info'))
    .map((s) => s.key);
  const fixedSpaces = d.spaces.filter((s) => s.resolvedCount > 0).map((s) => s.key);
  if (totals.newStale > 0) {
    const head = `${plural(totals.newStale, 'new stale reference', 'new stale references')} in ${where(staleSpaces)}`;
    return totals.resolved > 0 ? `${head}, ${totals.resolved} fixed` : head;
  }
  if (totals.resolved > 0)
    return `${plural(totals.resolved, 'stale reference', 'stale references')} fixed in ${where(fixedSpaces)}`;
  if (coverage.newlyUnscannedRegions.length > 0)
    return `Scans failing in ${plural(coverage.newlyUnscannedRegions.length, 'more region', 'more regions')}`;
  if (totals.newFindings > 0)
    return `${plural(totals.newFindings, 'reference', 'references')} could not be checked this week`;
  if (!d.quiet) return 'Runbook coverage changed this week';
  return totals.open > 0
    ? `No changes this week; ${plural(totals.open, 'stale reference', 'stale references')} still open`
    : 'No changes this week; no stale references';
}
