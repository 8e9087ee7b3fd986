/** @jest-environment jsdom */
import { calls, useBackend } from '../test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PageChoice, SpaceScopeView } from '../../src/shared/contract-scope';
import { ScopeTab } from './scope-tab';

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

const PAGES: PageChoice[] = [
  { id: '1048577', title: 'Orders DB — Aurora failover runbook' },
  { id: '1048602', title: 'Incident response — public API 5xx spike' },
];
/** Saved earlier, but Confluence names it for nobody here (restricted or deleted). */
const HIDDEN = '1048999';
const scope: SpaceScopeView = {
  space: { id: '98305', key: 'PAY', name: 'Payments' },
  covered: true,
  paused: false,
  rule: { allPages: false, labels: ['runbook'], parentPageIds: ['1048577', HIDDEN] },
  siteRule: { allPages: false, labels: ['runbook'], parentPageIds: [] },
  pages: 2,
  description: '2 pages in scope: pages labelled runbook, or in 2 page trees',
  updatedBy: null,
  updatedAt: null,
};

test('a space admin picks a parent page by title; the saved rule holds page ids', async () => {
  let saved: unknown = null;
  useBackend({
    getMySubscriptions: () => ({ subscriptions: [] }),
    searchPages: (p) => {
      expect(p.spaceId).toBe('98305');
      if (p.ids !== undefined) return { pages: PAGES.filter((x) => p.ids?.includes(x.id)) };
      const q = (p.query ?? '').toLowerCase();
      return { pages: PAGES.filter((x) => x.title.toLowerCase().includes(q)) };
    },
    saveSpaceScope: (p) => {
      saved = p;
      return scope;
    },
  });
  const user = userEvent.setup();
  render(<ScopeTab scope={scope} onSaved={() => undefined} />);
  // Saved ids show as titles, and a page this user cannot see by its id alone.
  expect(await screen.findByText('Orders DB — Aurora failover runbook')).toBeTruthy();
  expect(screen.getByText(`Page ${HIDDEN}`)).toBeTruthy();
  const input = screen.getByLabelText('Page trees (the page and all below it)');
  await user.type(input, 'incid');
  await user.click(await screen.findByText('Incident response — public API 5xx spike'));
  expect(
    calls.some((c) => c.functionKey === 'searchPages' && (c.payload as { query?: string }).query === 'incid'),
  ).toBe(true);
  await user.type(input, 'nothing like it');
  expect(await screen.findByText('No page title matches “nothing like it”')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Save scope' }));
  await screen.findByText(/Saved:/);
  expect(saved).toEqual({
    spaceId: '98305',
    paused: false,
    rule: { allPages: false, labels: ['runbook'], parentPageIds: ['1048577', HIDDEN, '1048602'] },
  });
});
