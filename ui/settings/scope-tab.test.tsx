/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScopeView, SpaceChoice } from '../../src/shared/contract-scope';
import { ScopeTab } from './scope-tab';
import { loadSpaceOptions } from './space-picker';

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

const SPACES: SpaceChoice[] = [
  { id: '98305', key: 'PAY', name: 'Payments' },
  { id: '131073', key: 'PLAT', name: 'Platform' },
  { id: '163841', key: 'NET', name: 'Networking' },
];
const scope: ScopeView = {
  configured: true,
  spaces: [{ id: '131073', key: 'PLAT' }],
  rule: { allPages: true, labels: [], parentPageIds: [] },
  defaultLabels: ['runbook', 'playbook'],
  overrides: [],
  updatedBy: null,
  updatedAt: null,
};
const matching = (q: string | undefined): SpaceChoice[] =>
  SPACES.filter((s) => q === undefined || `${s.name} ${s.key}`.toLowerCase().includes(q.toLowerCase()));

test('a site admin picks any space by name; the saved scope holds its id', async () => {
  let saved: unknown = null;
  useBackend({
    getScope: () => scope,
    // The app knows no space yet (no findings): the picker alone names them.
    listSpaces: () => ({ spaces: [] }),
    previewScope: () => ({ pages: 3, spaces: 2, description: '3 pages in 2 spaces: every page' }),
    searchSpaces: (p) => ({ spaces: matching(p.query), nextCursor: null }),
    saveSiteScope: (p) => {
      saved = p;
      return scope;
    },
  });
  const user = userEvent.setup();
  render(<ScopeTab />);
  const input = await screen.findByLabelText('Spaces to check');
  // The saved space shows by its key until a search names it.
  expect(screen.getByText('PLAT')).toBeTruthy();
  await user.type(input, 'paym');
  await user.click(await screen.findByText('Payments (PAY)'));
  expect(
    calls.some((c) => c.functionKey === 'searchSpaces' && JSON.stringify(c.payload) === '{"query":"paym"}'),
  ).toBe(true);
  await user.click(screen.getByRole('button', { name: 'Save scope' }));
  await screen.findByText(/Saved\./);
  expect(saved).toEqual({ spaces: ['131073', '98305'], rule: { allPages: true } });
});

test('no match, and a failed search, are said in the menu', async () => {
  useBackend({
    getScope: () => scope,
    listSpaces: () => ({ spaces: [] }),
    previewScope: () => ({ pages: 3, spaces: 1, description: '3 pages in 1 spaces: every page' }),
    searchSpaces: (p) =>
      p.query === 'boom'
        ? failWith('FORBIDDEN', 'Only Confluence site admins can do this.')
        : { spaces: matching(p.query), nextCursor: null },
  });
  const user = userEvent.setup();
  render(<ScopeTab />);
  const input = await screen.findByLabelText('Spaces to check');
  await user.type(input, 'zzz');
  expect(await screen.findByText('No space matches “zzz”')).toBeTruthy();
  await user.clear(input);
  await user.type(input, 'boom');
  expect(
    await screen.findByText('Could not search spaces: Only Confluence site admins can do this.'),
  ).toBeTruthy();
});

test('a search follows the cursor while the answers hold too few matches, at most five calls', async () => {
  let n = 0;
  useBackend({
    searchSpaces: (p) => {
      n += 1;
      // Matches only on the third answer; the cursor names the answer it continues from.
      const at = p.cursor === undefined ? 0 : Number(p.cursor);
      return { spaces: at === 2 ? SPACES.slice(0, 1) : [], nextCursor: String(at + 1) };
    },
  });
  const options = await loadSpaceOptions('pay');
  expect(options).toEqual([{ value: '98305', label: 'Payments (PAY)' }]);
  expect(n).toBe(5);
  n = 0;
  // Without a query, the first answer is enough.
  expect(await loadSpaceOptions('  ')).toEqual([]);
  expect(n).toBe(1);
});
