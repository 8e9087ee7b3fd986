/** @jest-environment jsdom */
import { calls, useBackend } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditView } from '../../src/shared/contract';
import { AuditTab } from './audit-tab';

function entry(id: number, over: Partial<AuditView> = {}): AuditView {
  return {
    id,
    at: Date.UTC(2026, 10, 20, 12, 0) + id * 60_000,
    actor: 'local-admin',
    action: 'settings.save',
    target: null,
    outcome: 'success',
    detail: `accounts=${id}`,
    ...over,
  };
}

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

describe('audit log', () => {
  it('shows each entry and pages on with beforeId until there is no more', async () => {
    const pages: Record<string, { entries: AuditView[]; nextBeforeId: number | null }> = {
      first: {
        entries: [
          entry(9),
          entry(8, { action: 'getSettings', actor: 'engineer', outcome: 'denied', detail: null }),
        ],
        nextBeforeId: 8,
      },
      8: {
        entries: [
          entry(3, { action: 'settings.connect', target: 'arn:aws:iam::1:role/x', outcome: 'failed' }),
        ],
        nextBeforeId: null,
      },
    };
    useBackend({
      listAuditLog: (p) =>
        pages[p.beforeId === undefined ? 'first' : String(p.beforeId)] ?? { entries: [], nextBeforeId: null },
    });
    render(<AuditTab />);
    const table = await screen.findByRole('table', { name: 'Audit log entries' });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) =>
          within(r)
            .getAllByRole('cell')
            .slice(1)
            .map((c) => c.textContent),
        );
    expect(rows()).toEqual([
      ['local-admin', 'Saved AWS accountssettings.save', '—', 'Success', 'accounts=9'],
      ['engineer', 'getSettings', '—', 'Denied', ''],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('All 3 entries shown.')).toBeTruthy();
    expect(rows()[2]).toEqual([
      'local-admin',
      'Connected a rolesettings.connect',
      'arn:aws:iam::1:role/x',
      'Failed',
      'accounts=3',
    ]);
    expect(calls.map((c) => c.payload)).toEqual([{ limit: 50 }, { limit: 50, beforeId: 8 }]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('an empty log says so', async () => {
    useBackend({ listAuditLog: () => ({ entries: [], nextBeforeId: null }) });
    render(<AuditTab />);
    expect(await screen.findByText('Nothing in the audit log yet')).toBeTruthy();
  });
});
