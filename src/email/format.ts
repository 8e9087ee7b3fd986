import type { FindingKind, Severity } from '../core/match/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "23 Nov 2026" in UTC: the same text whatever machine renders it (golden files, retries). */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

export function periodLine(period: { from: string | null; to: string }, week: string): string {
  const to = shortDate(period.to);
  return period.from === null
    ? `Week ${week} · as of ${to}`
    : `Week ${week} · ${shortDate(period.from)} – ${to}`;
}

export const KIND_LABEL: Record<FindingKind, string> = {
  missing: 'missing',
  'wrong-region': 'wrong region',
  'not-running': 'not running',
  dangling: 'dangling DNS',
  unverifiable: 'not checked',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Items grouped by page, pages in order of their first item: the lists are sorted most severe
 * first, so the page with the worst new finding leads, and a title is shown once, not per item.
 */
export function byPage<T extends { pageId: string; pageTitle: string; pageUrl: string | null }>(
  items: readonly T[],
): { pageId: string; title: string; url: string | null; items: T[] }[] {
  const groups = new Map<string, { pageId: string; title: string; url: string | null; items: T[] }>();
  for (const item of items) {
    let group = groups.get(item.pageId);
    if (!group) {
      group = { pageId: item.pageId, title: item.pageTitle, url: item.pageUrl, items: [] };
      groups.set(item.pageId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

export function moreSpacesLine(more: { count: number; newFindings: number; resolved: number }): string {
  return `${plural(more.count, 'more space', 'more spaces')} changed: ${more.newFindings} new, ${more.resolved} fixed.`;
}
