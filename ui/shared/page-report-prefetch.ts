import type { PageReport } from '../../src/shared/contract-dashboard';
import { call } from './api';
import { contentId, hostContext } from './context';

/**
 * The page report asked for as soon as the host says which page this is, while the theme and
 * React are still starting: the answer is usually there by the first render (first content fast).
 */
interface Prefetch {
  pageId: string;
  answer: Promise<PageReport>;
  /** Set once the answer arrived, so the first render can show it without a loading pass. */
  value: PageReport | null;
}
let pending: Prefetch | null = null;

export function prefetchPageReport(pageId: string): void {
  const entry: Prefetch = { pageId, answer: call('getPageReport', { pageId }), value: null };
  // The hook that takes it handles a failure; until then it must not count as unhandled.
  entry.answer.then(
    (r) => (entry.value = r),
    () => undefined,
  );
  pending = entry;
}

/** For a resource's first import: starts the requests before the rest of the bundle evaluates. */
export function prefetchForHostPage(): void {
  // The list of references is a lazy chunk (page-report-view.tsx): fetched now, beside the report.
  void import('./page-report-rows');
  void hostContext().then((context) => {
    const pageId = contentId(context);
    if (pageId !== null) prefetchPageReport(pageId);
  });
}

/** The prefetched answer if it has already arrived (no loading state needed), without taking it. */
export function peekPrefetchedReport(pageId: string): PageReport | null {
  return pending?.pageId === pageId ? pending.value : null;
}

/** The prefetched answer for this page, once: later loads (reload, polling) ask again. */
export function takePrefetchedReport(pageId: string): Promise<PageReport> | null {
  if (pending?.pageId !== pageId) return null;
  const { answer } = pending;
  pending = null;
  return answer;
}
