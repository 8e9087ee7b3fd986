/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PageReport } from '../../src/shared/contract-dashboard';
import { ONE_OF_EACH, ref, report } from '../shared/page-report-fixture';
import { STATE_META } from '../shared/page-report-model';
import { prefetchPageReport } from '../shared/page-report-prefetch';
import { App } from './App';

const ON_PAGE = { extension: { content: { id: '1048577' } } };
const FAST = { pollMs: 5, maxWaitMs: 200 };

const groupHeadings = (): string[] =>
  screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');
const section = (name: RegExp): HTMLElement => screen.getByRole('region', { name });

describe('page-check macro', () => {
  it('groups references by state, problems first, each with its lozenge words', async () => {
    useBackend({ getPageReport: () => report(ONE_OF_EACH) });
    render(<App context={ON_PAGE} poll={FAST} />);
    await screen.findByRole('region', { name: 'Verified (1)' });
    expect(groupHeadings()).toEqual([
      'Stale (1)',
      'Dangling (1)',
      'Wrong region (1)',
      'Not running (1)',
      'Unverifiable (1)',
      'Not checked yet (1)',
      'Placeholders (1)',
      'Verified (1)',
    ]);
    for (const r of ONE_OF_EACH.filter((x) => x.state !== 'verified' && x.state !== 'placeholder')) {
      const group = section(new RegExp(`^${STATE_META[r.state].heading} \\(`));
      expect(within(group).getByText(r.value)).toBeTruthy();
      expect(within(group).getByText(STATE_META[r.state].label)).toBeTruthy();
    }
    expect(calls[0]).toEqual({ functionKey: 'getPageReport', payload: { pageId: '1048577' } });
  });

  it('shows the suggestion, the message and the finding state with its reason', async () => {
    useBackend({ getPageReport: () => report(ONE_OF_EACH) });
    render(<App context={ON_PAGE} poll={FAST} />);
    const stale = await screen.findByRole('region', { name: /^Stale/ });
    expect(stale.textContent).toContain('Did you mean i-0abc123456789def0?');
    expect(stale.textContent).toContain('the instance now tagged orders-db in eu-west-1');
    expect(stale.textContent).toContain('No EC2 instance i-0dead000000000001');
    const dangling = section(/^Dangling/);
    expect(within(dangling).getByText('Acknowledged')).toBeTruthy();
    expect(dangling.textContent).toContain('Reason: Decommissioned next sprint');
    expect(within(section(/^Wrong region/)).getByText('Suppressed')).toBeTruthy();
  });

  it('folds verified references into a count that expands', async () => {
    useBackend({
      getPageReport: () =>
        report([ref({ value: 'i-0aaa1111bbbb2222c' }), ref({ value: 'i-0bbb1111bbbb2222c' })]),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('All 2 references verified');
    const toggle = await screen.findByRole('button', { name: 'Show 2 verified' });
    expect(screen.queryByText('i-0aaa1111bbbb2222c')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(screen.getByText('i-0aaa1111bbbb2222c')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide verified' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('the header says what is wrong and when the page was checked', async () => {
    useBackend({
      getPageReport: () =>
        report([
          ref({ value: 'i-01', state: 'stale' }),
          ref({ value: 'i-02', state: 'stale' }),
          ref({ value: 'i-03', state: 'stale' }),
          ref({ value: 'i-04' }),
        ]),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('3 stale references');
    expect(screen.getByText('Checked 2 hours ago')).toBeTruthy();
  });

  it('re-check queues, polls until the re-check ran, then shows the new report', async () => {
    let pending = false;
    let polls = 0;
    const before = report([ref({ value: 'i-0dead', state: 'stale' })]);
    const after = report([ref({ value: 'i-0dead', state: 'verified' })], { lastCheckedAt: Date.now() });
    useBackend({
      getPageReport: (): PageReport => {
        if (!pending) return polls > 0 ? after : before;
        polls += 1;
        if (polls < 3) return { ...before, recheckPending: true };
        pending = false;
        return after;
      },
      recheckPage: ({ pageId }) => {
        pending = true;
        return { pageId, queued: true, recheckPending: true };
      },
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('1 stale reference');
    await userEvent.click(screen.getByRole('button', { name: /Re-check this page/ }));
    await screen.findByText('Re-check finished.');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('All 1 reference verified');
    expect(screen.getByText('Checked just now')).toBeTruthy();
    expect(polls).toBe(3);
    expect(calls.filter((c) => c.functionKey === 'recheckPage')).toHaveLength(1);
  });

  it('says a slow re-check is taking longer and stops polling until asked', async () => {
    useBackend({
      getPageReport: () => report([ref({ value: 'i-0dead', state: 'stale' })], { recheckPending: true }),
    });
    render(<App context={ON_PAGE} poll={{ pollMs: 5, maxWaitMs: 30 }} />);
    await screen.findByText('The re-check is taking longer than usual');
    const polled = calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length).toBe(polled);
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(calls.length).toBeGreaterThan(polled));
  });

  it('a re-check that fails says so with a retry', async () => {
    useBackend({
      getPageReport: () => report([ref({ value: 'i-0dead', state: 'stale' })]),
      recheckPage: () => failWith('RATE_LIMITED', 'Confluence is rate limiting requests; try again shortly.'),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    await userEvent.click(await screen.findByRole('button', { name: /Re-check this page/ }));
    expect(await screen.findByText('Confluence is busy')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('someone who cannot view the page gets a short neutral message, nothing about the page', async () => {
    useBackend({ getPageReport: () => failWith('FORBIDDEN', 'You cannot view this page.') });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(await screen.findByText('RunbookGuard has nothing to show you for this page.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a page with no references says so', async () => {
    useBackend({ getPageReport: () => report([]) });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(
      'No AWS references on this page',
    );
    expect(await screen.findByText(/There are no AWS references on this page/)).toBeTruthy();
  });

  it.each([
    ['no scan yet', () => report([], { lastCheckedAt: null })],
    ['not configured', () => failWith('NOT_CONFIGURED', 'Connect an AWS account first.')],
    ['stored but never matched', () => report([ref({ value: 'i-0new', state: 'not-checked' })])],
  ])('%s: RunbookGuard has not checked this page yet, with a hint for admins', async (_, answer) => {
    useBackend({ getPageReport: answer });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(await screen.findByText('RunbookGuard has not checked this page yet')).toBeTruthy();
    expect(screen.getByText(/Confluence admins: connect an AWS account/)).toBeTruthy();
  });

  it('other errors offer a retry that loads again', async () => {
    let fail = true;
    useBackend({
      getPageReport: () => (fail ? failWith('UPSTREAM_FAILED', 'Confluence did not answer.') : report([])),
    });
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(await screen.findByText('Confluence did not answer.')).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(
      'No AWS references on this page',
    );
  });

  it('a report prefetched at start-up is shown on the first render, not asked for again', async () => {
    useBackend({ getPageReport: () => report([ref({ value: 'i-0dead', state: 'stale' })]) });
    prefetchPageReport('1048577');
    await waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 0));
    render(<App context={ON_PAGE} poll={FAST} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('1 stale reference');
    expect(await screen.findByText('i-0dead')).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('outside a page (no content id) it says so and calls nothing', () => {
    useBackend({});
    render(<App context={{}} poll={FAST} />);
    expect(screen.getByText('Add the RunbookGuard page check to a page')).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
