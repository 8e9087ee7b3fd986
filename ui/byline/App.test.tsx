/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import type { PageBadge, PageReport } from '../../src/shared/contract-dashboard';
import { bylineTitle, pageSummary } from '../../src/shared/page-summary';
import { ONE_OF_EACH, ref, report } from '../shared/page-report-fixture';
import { App, badgeSummary } from './App';

const ON_PAGE = { extension: { content: { id: '1048577' } } };
const FAST = { pollMs: 5, maxWaitMs: 200 };

function badge(over: Partial<PageBadge> = {}, open = { error: 2, warning: 1, info: 0 }): PageBadge {
  return {
    pageId: '1048577',
    lastCheckedAt: Date.now() - 3600_000,
    recheckPending: false,
    open: { total: open.error + open.warning + open.info, bySeverity: open },
    ...over,
  };
}

const stale = (n: number) =>
  Array.from({ length: n }, (_, i) => ref({ value: `i-0dead${i}`, state: 'stale' }));
const verified = (n: number) => Array.from({ length: n }, (_, i) => ref({ value: `i-0good${i}` }));

describe('byline dialog', () => {
  it('paints the badge first, then the full report', async () => {
    let answer: (r: PageReport) => void = () => undefined;
    useBackend({
      getPageBadge: () => badge(),
      getPageReport: () => new Promise<PageReport>((resolve) => (answer = resolve)),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(await screen.findByText('3 open problems on this page (2 errors, 1 warning)')).toBeTruthy();
    expect(screen.getByText('Checked 1 hour ago')).toBeTruthy();
    answer(report([...stale(3), ...verified(2)]));
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('3 stale references');
    expect(await screen.findByRole('region', { name: 'Stale (3)' })).toBeTruthy();
    expect(calls.map((c) => c.functionKey).sort()).toEqual(['getPageBadge', 'getPageReport']);
  });

  it.each([
    ['stale only', [...stale(3), ...verified(9)], '3 stale references'],
    ['all verified', verified(12), 'All 12 references verified'],
    [
      'one of each',
      ONE_OF_EACH,
      '6 references need attention: 1 stale, 1 dangling, 1 wrong region, 1 not running, 1 unverifiable, 1 not checked',
    ],
    ['nothing to check', [], 'No AWS references on this page'],
  ])('summary for %s', async (_, references, text) => {
    useBackend({ getPageBadge: () => badge(), getPageReport: () => report(references) });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(text);
  });

  it('not checked yet, from the badge and from the report', async () => {
    expect(badgeSummary(badge({ lastCheckedAt: null }))).toBe('Not checked yet');
    useBackend({
      getPageBadge: () => badge({ lastCheckedAt: null }),
      getPageReport: () => report([], { lastCheckedAt: null }),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(await screen.findByText('RunbookGuard has not checked this page yet')).toBeTruthy();
  });

  it('badge summary without open problems', () => {
    expect(badgeSummary(badge({}, { error: 0, warning: 0, info: 0 }))).toBe('No open problems on this page');
    expect(badgeSummary(badge({}, { error: 1, warning: 0, info: 0 }))).toBe(
      '1 open problem on this page (1 error)',
    );
  });

  it('a viewer without access sees a neutral message and nothing of the badge', async () => {
    useBackend({
      getPageBadge: () => failWith('FORBIDDEN', 'You cannot view this page.'),
      getPageReport: () => failWith('FORBIDDEN', 'You cannot view this page.'),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(await screen.findByText('RunbookGuard has nothing to show you for this page.')).toBeTruthy();
    expect(screen.queryByText(/open problem/)).toBeNull();
  });

  it('outside a page it says so', () => {
    useBackend({});
    render(<App context={{}} poll={FAST} />);
    expect(screen.getByText('Add RunbookGuard to a page')).toBeTruthy();
    expect(calls).toEqual([]);
  });
});

describe('byline title (dynamic properties)', () => {
  const counts = (refs: Parameters<typeof report>[0]) => report(refs).counts;
  it.each([
    ['stale only', [...stale(3), ...verified(1)], 'RunbookGuard: 3 stale'],
    [
      'two kinds of problem',
      [...stale(2), ref({ value: 'sg-1', state: 'wrong-region' })],
      'RunbookGuard: 3 problems',
    ],
    ['all verified', verified(4), 'RunbookGuard: all verified'],
    ['only unverifiable', [ref({ value: 'x', state: 'unverifiable' })], 'RunbookGuard: 1 unverifiable'],
    ['nothing', [], 'RunbookGuard'],
  ])('%s', (_, refs, title) => {
    expect(bylineTitle(counts(refs), Date.now())).toBe(title);
  });

  it('says nothing but the name before the first check', () => {
    expect(bylineTitle(counts(stale(2)), null)).toBe('RunbookGuard');
    expect(pageSummary(counts([ref({ value: 'i-1', state: 'not-checked' })]), null)).toBe('Not checked yet');
  });
});
