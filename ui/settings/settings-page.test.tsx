/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
// The tabs load lazily; importing them here keeps module compilation out of each test's timeouts.
import './accounts-tab';
import './what-we-store-tab';
import { ADMIN, CONNECTED, EXTERNAL_ID, NOT_ADMIN, SETUP, settingsView } from './test-fixtures';

const REFUSAL = 'Only Confluence site admins can configure RunbookGuard';

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

describe('settings page access', () => {
  it('a user who is not a site admin sees only the refusal, and no settings are fetched', async () => {
    useBackend({
      getStatus: () => NOT_ADMIN,
      getSettings: () => settingsView([CONNECTED]),
      getSetupInfo: () => SETUP,
    });
    render(<App context={{}} />);
    expect(await screen.findByText(REFUSAL)).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(document.body.textContent).not.toContain(EXTERNAL_ID);
    expect(calls.map((c) => c.functionKey)).toEqual(['getStatus']);
  });

  it('a FORBIDDEN answer to the status check shows the refusal, not an error', async () => {
    useBackend({ getStatus: () => failWith('FORBIDDEN', 'Sign in to use RunbookGuard.') });
    render(<App context={{}} />);
    expect(await screen.findByText(REFUSAL)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('a FORBIDDEN answer from a tab replaces the whole page with the refusal', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getSettings: () => failWith('FORBIDDEN', 'Only Confluence site admins can do this.'),
      getSetupInfo: () => SETUP,
    });
    render(<App context={{}} />);
    expect(await screen.findByText(REFUSAL)).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(document.body.textContent).not.toContain(EXTERNAL_ID);
  });

  it('a site admin gets the five tabs, with the connected accounts first', async () => {
    useBackend({ getStatus: () => ADMIN, getSettings: () => settingsView([CONNECTED]) });
    render(<App context={{}} />);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'AWS accounts',
      'Weekly digest',
      'Scan scope',
      'Audit log',
      'What we store',
    ]);
    const table = await screen.findByRole('table', { name: 'Connected AWS accounts' });
    expect(within(table).getByText('304958672011')).toBeTruthy();
    expect(within(table).getByText('eu-west-1')).toBeTruthy();
  });

  it('"What we store" lists stored and never-stored items from the shared constant', async () => {
    useBackend({ getStatus: () => ADMIN, getSettings: () => settingsView([CONNECTED]) });
    render(<App context={{}} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'What we store' }));
    const stored = await screen.findByRole('table', { name: 'What RunbookGuard stores' });
    const never = screen.getByRole('table', { name: 'What RunbookGuard never stores' });
    expect(within(stored).getByText('External ID and connected role ARNs')).toBeTruthy();
    expect(within(never).getByText('AWS credentials')).toBeTruthy();
    expect(within(stored).queryByText('AWS credentials')).toBeNull();
  });
});
