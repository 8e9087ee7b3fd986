import type { Finding, Severity } from '../match/types';
import { MAX_UNREFERENCED_KEYS } from './state';
import { subjectOf } from './subject';
import type {
  AffectedPage,
  CoverageChanges,
  Digest,
  DigestFindingItem,
  DigestInput,
  DigestPage,
  DigestResolvedItem,
  DigestSpace,
  DigestState,
  StateFinding,
} from './types';
import { resourceKey, unreferencedResources } from './unreferenced';
import { isoWeek } from './week';

/** A mail worth opening stays short: the dashboard has the rest. */
export const ITEMS_PER_SPACE = 8;
export const MOST_AFFECTED_PAGES = 5;
/**
 * Spaces shown in the mail, busiest first. Gmail clips messages past 102 KB; a space costs about
 * 10 KB at most (8 new and 8 fixed items), so six keep the worst case well under that.
 */
export const SPACES_SHOWN = 6;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Pages we know nothing about (deleted since, or outside the page list) still group somewhere. */
const UNKNOWN_SPACE = { spaceKey: '—', spaceName: 'Other pages' };

/**
 * The weekly digest from the previous digest's state and the current findings. Deterministic: the
 * same input gives the same digest (every list has a total order). Carries only titles, links,
 * values and finding messages — never page bodies, context snippets or evidence.
 */
export function buildDigest(input: DigestInput): Digest {
  const pages = new Map(input.pages.map((p) => [p.pageId, p]));
  const previous = input.previous;
  const before = new Map((previous?.findings ?? []).map((f) => [f.fingerprint, f]));
  const current = dedupe(input.findings);
  const now = new Set(current.map((f) => f.fingerprint));

  const fresh = current.filter((f) => !before.has(f.fingerprint)).map((f) => itemOf(f, pages.get(f.pageId)));
  const resolved = [...before.values()]
    .filter((f) => !now.has(f.fingerprint))
    .map((f) => resolvedOf(f, pages.get(f.pageId)));

  const spaces = groupBySpace(current, fresh, resolved, pages, before);
  const coverage = coverageChanges(input, previous);
  const totals = {
    newFindings: fresh.length,
    newStale: fresh.filter((f) => f.severity !== 'info').length,
    resolved: resolved.length,
    open: current.filter((f) => f.severity !== 'info').length,
    openErrors: current.filter((f) => f.severity === 'error').length,
    openWarnings: current.filter((f) => f.severity === 'warning').length,
  };
  const quiet =
    totals.newFindings === 0 &&
    totals.resolved === 0 &&
    coverage.newlyUnscannedRegions.length === 0 &&
    coverage.rescannedRegions.length === 0 &&
    coverage.newlyUnreferencedCount === 0;
  const week = isoWeek(new Date(input.now));
  const firstDigest = previous === null;
  const subject = subjectOf({ totals, spaces, coverage, quiet, firstDigest });
  const busiest = [...spaces].sort(
    (a, b) => b.newCount - a.newCount || b.resolvedCount - a.resolvedCount || cmp(a.key, b.key),
  );
  const shown = busiest.slice(0, SPACES_SHOWN);
  const hidden = busiest.slice(SPACES_SHOWN);
  return {
    installName: input.installName,
    week,
    period: { from: previous?.generatedAt ?? input.since ?? null, to: input.now },
    firstDigest,
    subject,
    preheader: preheaderOf(totals, coverage),
    quiet,
    totals,
    spaces: shown,
    moreSpaces: {
      count: hidden.length,
      newFindings: hidden.reduce((n, sp) => n + sp.newCount, 0),
      resolved: hidden.reduce((n, sp) => n + sp.resolvedCount, 0),
    },
    mostAffected: mostAffected(current, pages),
    coverage,
    dashboardUrl: input.dashboardUrl,
    nextState: nextState(input, current, pages, week),
  };
}

/** One finding per fingerprint (a redelivered scan chunk must not count twice), in a total order. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const byFp = new Map<string, Finding>();
  for (const f of findings) if (!byFp.has(f.fingerprint)) byFp.set(f.fingerprint, f);
  return [...byFp.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      cmp(a.pageTitle, b.pageTitle) ||
      cmp(a.entity.value, b.entity.value) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function itemOf(f: Finding, page: DigestPage | undefined): DigestFindingItem {
  return {
    fingerprint: f.fingerprint,
    pageId: f.pageId,
    pageTitle: page?.title ?? f.pageTitle,
    pageUrl: page?.url ?? null,
    kind: f.kind,
    severity: f.severity,
    value: f.entity.value,
    message: f.message,
    suggestion: f.suggestion?.value ?? null,
  };
}

function resolvedOf(f: StateFinding, page: DigestPage | undefined): DigestResolvedItem {
  return {
    fingerprint: f.fingerprint,
    pageId: f.pageId,
    pageTitle: page?.title ?? f.pageTitle,
    pageUrl: page?.url ?? null,
    kind: f.kind,
    value: f.value,
  };
}

function spaceOf(
  pageId: string,
  pages: Map<string, DigestPage>,
  before: Map<string, StateFinding>,
  fingerprint?: string,
): { spaceKey: string; spaceName: string } {
  const page = pages.get(pageId);
  if (page) return page;
  const remembered = fingerprint === undefined ? undefined : before.get(fingerprint);
  return remembered ? { spaceKey: remembered.spaceKey, spaceName: remembered.spaceKey } : UNKNOWN_SPACE;
}

function groupBySpace(
  current: readonly Finding[],
  fresh: readonly DigestFindingItem[],
  resolved: readonly DigestResolvedItem[],
  pages: Map<string, DigestPage>,
  before: Map<string, StateFinding>,
): DigestSpace[] {
  const spaces = new Map<
    string,
    { name: string; fresh: DigestFindingItem[]; resolved: DigestResolvedItem[]; open: number }
  >();
  const slot = (s: { spaceKey: string; spaceName: string }) => {
    let entry = spaces.get(s.spaceKey);
    if (!entry) spaces.set(s.spaceKey, (entry = { name: s.spaceName, fresh: [], resolved: [], open: 0 }));
    return entry;
  };
  for (const f of current) if (f.severity !== 'info') slot(spaceOf(f.pageId, pages, before)).open += 1;
  for (const f of fresh) slot(spaceOf(f.pageId, pages, before)).fresh.push(f);
  for (const f of resolved) slot(spaceOf(f.pageId, pages, before, f.fingerprint)).resolved.push(f);
  return [...spaces.entries()]
    .filter(([, s]) => s.fresh.length > 0 || s.resolved.length > 0)
    .sort(([a], [b]) => cmp(a, b))
    .map(([key, s]) => ({
      key,
      name: s.name,
      newFindings: s.fresh.slice(0, ITEMS_PER_SPACE),
      newCount: s.fresh.length,
      resolved: [...s.resolved]
        .sort(
          (a, b) =>
            cmp(a.pageTitle, b.pageTitle) || cmp(a.value, b.value) || cmp(a.fingerprint, b.fingerprint),
        )
        .slice(0, ITEMS_PER_SPACE),
      resolvedCount: s.resolved.length,
      openCount: s.open,
    }));
}

/** Pages with the most open errors, then warnings: where an hour of editing helps most. */
function mostAffected(current: readonly Finding[], pages: Map<string, DigestPage>): AffectedPage[] {
  const byPage = new Map<string, AffectedPage>();
  for (const f of current) {
    if (f.severity === 'info') continue;
    const page = pages.get(f.pageId);
    let entry = byPage.get(f.pageId);
    if (!entry) {
      entry = {
        pageId: f.pageId,
        title: page?.title ?? f.pageTitle,
        url: page?.url ?? null,
        spaceKey: page?.spaceKey ?? UNKNOWN_SPACE.spaceKey,
        errors: 0,
        warnings: 0,
        open: 0,
      };
      byPage.set(f.pageId, entry);
    }
    entry.open += 1;
    if (f.severity === 'error') entry.errors += 1;
    else entry.warnings += 1;
  }
  return [...byPage.values()]
    .sort(
      (a, b) =>
        b.errors - a.errors || b.warnings - a.warnings || cmp(a.title, b.title) || cmp(a.pageId, b.pageId),
    )
    .slice(0, MOST_AFFECTED_PAGES);
}

/** Regions some scan in them did not succeed (or never ran), sorted. */
function unscannedRegions(input: DigestInput): string[] {
  const regions = new Set<string>();
  for (const p of input.coverage.problems) if (p.region !== null) regions.add(p.region);
  return [...regions].sort();
}

function regionProblems(input: DigestInput): { region: string; services: string[] }[] {
  const byRegion = new Map<string, Set<string>>();
  for (const p of input.coverage.problems) {
    if (p.region === null) continue;
    let services = byRegion.get(p.region);
    if (!services) byRegion.set(p.region, (services = new Set()));
    services.add(p.service);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([region, services]) => ({ region, services: [...services].sort() }));
}

function coverageChanges(input: DigestInput, previous: DigestState | null): CoverageChanges {
  const unscanned = unscannedRegions(input);
  const was = new Set(previous?.unscannedRegions ?? []);
  const is = new Set(unscanned);
  const unreferenced = unreferencedResources(input.resources, input.references);
  // The previous list is capped: past the cap, "new" is only known for keys that sort before its end.
  const before = previous === null ? null : new Set(previous.unreferenced);
  const capped = previous !== null && previous.unreferenced.length >= MAX_UNREFERENCED_KEYS;
  const last = capped ? (previous.unreferenced[previous.unreferenced.length - 1] ?? '') : null;
  const fresh =
    before === null
      ? []
      : unreferenced.filter((r) => {
          const key = resourceKey(r);
          return !before.has(key) && (last === null || key <= last);
        });
  return {
    newlyUnscannedRegions: previous === null ? [] : unscanned.filter((r) => !was.has(r)),
    rescannedRegions: [...was].filter((r) => !is.has(r)).sort(),
    unscannedRegions: unscanned,
    regionProblems: regionProblems(input),
    unreferencedCount: unreferenced.length,
    newlyUnreferenced: fresh.slice(0, ITEMS_PER_SPACE),
    newlyUnreferencedCount: fresh.length,
  };
}

function preheaderOf(totals: Digest['totals'], coverage: CoverageChanges): string {
  const parts = [
    `${totals.newFindings} new`,
    `${totals.resolved} fixed`,
    `${totals.open} open (${totals.openErrors} errors)`,
  ];
  if (coverage.unscannedRegions.length > 0)
    parts.push(
      `${coverage.unscannedRegions.length} ${coverage.unscannedRegions.length === 1 ? 'region' : 'regions'} not fully scanned`,
    );
  return parts.join(' · ');
}

function nextState(
  input: DigestInput,
  current: readonly Finding[],
  pages: Map<string, DigestPage>,
  week: string,
): DigestState {
  return {
    formatVersion: 1,
    week,
    generatedAt: input.now,
    sent: false,
    findings: current
      .map((f) => ({
        fingerprint: f.fingerprint,
        pageId: f.pageId,
        pageTitle: pages.get(f.pageId)?.title ?? f.pageTitle,
        spaceKey: pages.get(f.pageId)?.spaceKey ?? UNKNOWN_SPACE.spaceKey,
        kind: f.kind,
        severity: f.severity,
        value: f.entity.value,
      }))
      .sort((a, b) => cmp(a.fingerprint, b.fingerprint)),
    unscannedRegions: unscannedRegions(input),
    unreferenced: unreferencedResources(input.resources, input.references)
      .map(resourceKey)
      .slice(0, MAX_UNREFERENCED_KEYS),
  };
}
