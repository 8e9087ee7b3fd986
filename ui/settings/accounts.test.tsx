/** @jest-environment jsdom */
import { calls, useBackend } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ResolverRequest } from '../../src/shared/contract';
import { AccountsTab } from './accounts-tab';
import { CONNECTED, ROLE, SETUP, settingsView } from './test-fixtures';

const SECOND = { account: '210987654321', roleArn: ROLE, regions: null, connectedAt: Date.UTC(2026, 10, 2) };
const invoked = (key: string) => calls.filter((c) => c.functionKey === key).map((c) => c.payload);
const echo = (p: ResolverRequest<'saveSettings'>) =>
  settingsView(
    p.accounts.map((a) => ({
      ...[CONNECTED, SECOND].find((c) => c.roleArn === a.roleArn)!,
      regions: a.regions ?? null,
    })),
  );

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

describe('connected AWS accounts', () => {
  it('with nothing connected, the tab is the first-run wizard', async () => {
    useBackend({ getSettings: () => settingsView([]), getSetupInfo: () => SETUP });
    render(<AccountsTab />);
    expect(await screen.findByRole('heading', { name: 'Connect your first AWS account' })).toBeTruthy();
  });

  it('removing an account asks first, then saves the others', async () => {
    useBackend({ getSettings: () => settingsView([CONNECTED, SECOND]), saveSettings: echo });
    render(<AccountsTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove account 304958672011' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove account 304958672011?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(invoked('saveSettings')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Remove account 304958672011' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove account' }));
    expect(await screen.findByText('AWS account 304958672011 removed.')).toBeTruthy();
    expect(invoked('saveSettings')).toEqual([{ accounts: [{ roleArn: ROLE, regions: null }] }]);
    const table = screen.getByRole('table', { name: 'Connected AWS accounts' });
    expect(within(table).queryByText('304958672011')).toBeNull();
  });

  it("editing an account's regions saves them and keeps the other account as it was", async () => {
    useBackend({ getSettings: () => settingsView([CONNECTED, SECOND]), saveSettings: echo });
    render(<AccountsTab />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit regions of account 210987654321' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Regions of account 210987654321' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Only these regions' }));
    await userEvent.type(within(dialog).getByLabelText('Regions'), 'us-east-1');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save regions' }));
    expect(await screen.findByText('Regions of account 210987654321 saved.')).toBeTruthy();
    expect(invoked('saveSettings')).toEqual([
      {
        accounts: [
          { roleArn: CONNECTED.roleArn, regions: ['eu-west-1'] },
          { roleArn: ROLE, regions: ['us-east-1'] },
        ],
      },
    ]);
  });
});
