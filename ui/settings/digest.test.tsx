/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DigestPreviewView } from '../../src/shared/contract-settings';
import { DigestTab } from './digest-tab';
import { DIGEST } from './test-fixtures';

const invoked = (key: string) => calls.filter((c) => c.functionKey === key).map((c) => c.payload);

const PREVIEW: DigestPreviewView = {
  status: 'ready',
  subject: 'RunbookGuard: 3 new stale references',
  html: '<html><body><h1>Weekly digest</h1><script>parent.hacked = true</script></body></html>',
  text: 'Weekly digest',
  quiet: false,
  wouldSend: true,
  week: '2026-W48',
  nextSendDate: '2026-11-23',
};

async function addRecipient(address: string): Promise<void> {
  const field = screen.getByLabelText('Add a recipient');
  await userEvent.clear(field);
  await userEvent.type(field, address);
  await userEvent.click(screen.getByRole('button', { name: 'Add' }));
}

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

describe('weekly digest settings', () => {
  it('recipients are validated before they are added, and the saved payload is exactly what is shown', async () => {
    useBackend({
      getDigestSettings: () => DIGEST,
      saveDigestSettings: (p) => ({ ...DIGEST, ...p, recipients: [...p.recipients].sort() }),
    });
    render(<DigestTab />);
    await screen.findByRole('list', { name: 'Recipients' });

    await addRecipient('not-an-address');
    expect((await screen.findByRole('alert')).textContent).toBe('not-an-address is not an e-mail address.');
    await addRecipient('OPS@example.com');
    expect(screen.getByRole('alert').textContent).toBe('ops@example.com is already a recipient.');
    await addRecipient(' Dev.Lead@Example.com ');
    expect(screen.queryByRole('alert')).toBeNull();

    const list = screen.getByRole('list', { name: 'Recipients' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ops@example.comRemove', 'dev.lead@example.comRemove']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove ops@example.com' }));

    await userEvent.click(screen.getByLabelText('Send on'));
    await userEvent.click(await screen.findByText('Friday'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Send even when the week is quiet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save digest settings' }));

    expect(await screen.findByText('Digest settings saved.')).toBeTruthy();
    expect(invoked('saveDigestSettings')).toEqual([
      { recipients: ['dev.lead@example.com'], weekday: 'friday', sendWhenQuiet: true },
    ]);
  });

  it('opted-out recipients are marked, and a missing mail service is said plainly', async () => {
    useBackend({
      getDigestSettings: () => ({ ...DIGEST, optedOut: ['ops@example.com'], mailConfigured: false }),
    });
    render(<DigestTab />);
    expect(await screen.findByText('Unsubscribed')).toBeTruthy();
    expect(screen.getByText('E-mail is not set up for this app')).toBeTruthy();
  });

  it('the preview renders in an iframe with an empty sandbox, with its subject and whether it would send', async () => {
    useBackend({ getDigestSettings: () => DIGEST, previewDigest: () => PREVIEW });
    render(<DigestTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show preview' }));
    const frame = await screen.findByTitle<HTMLIFrameElement>(`Digest preview: ${PREVIEW.subject}`);
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(PREVIEW.html);
    expect(frame.getAttribute('src')).toBeNull();
    expect(screen.getByText(PREVIEW.subject)).toBeTruthy();
    expect(screen.getByText('Would send')).toBeTruthy();
    expect(screen.getByText('2026-11-23 (week 2026-W48)')).toBeTruthy();
  });

  it('before the first scan the preview says there is nothing yet', async () => {
    useBackend({ getDigestSettings: () => DIGEST, previewDigest: () => ({ status: 'no-scan-yet' }) });
    render(<DigestTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show preview' }));
    expect(await screen.findByText('No scan yet')).toBeTruthy();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('a test digest goes to a validated address; a rate limit is shown plainly', async () => {
    let first = true;
    useBackend({
      getDigestSettings: () => DIGEST,
      sendTestDigest: (p) => {
        if (!first) return failWith('RATE_LIMITED', 'One test digest per minute; try again in 42 s.');
        first = false;
        return { status: 'sent', to: p.to, subject: '[Test] RunbookGuard weekly digest' };
      },
    });
    render(<DigestTab />);
    const to = await screen.findByLabelText('Send to');
    await userEvent.type(to, 'me@');
    await userEvent.click(screen.getByRole('button', { name: 'Send test digest' }));
    expect((await screen.findByRole('alert')).textContent).toBe('me@ is not an e-mail address.');
    expect(invoked('sendTestDigest')).toEqual([]);

    await userEvent.type(to, 'example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send test digest' }));
    expect(await screen.findByText('Test digest sent to me@example.com')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Send test digest' }));
    expect(await screen.findByText('Too soon for another test')).toBeTruthy();
    expect(screen.getByText('One test digest per minute; try again in 42 s.')).toBeTruthy();
    expect(invoked('sendTestDigest')).toEqual([{ to: 'me@example.com' }, { to: 'me@example.com' }]);
  });
});
