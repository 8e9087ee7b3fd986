/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SettingsView } from '../../src/shared/contract-settings';
import { ConnectWizard } from './wizard';
import { CONNECTED, EXTERNAL_ID, ROLE, SETUP, settingsView, TESTED } from './test-fixtures';

function renderWizard(connected: SettingsView['accounts'] = []) {
  const onSaved = jest.fn();
  render(<ConnectWizard connected={connected} onSaved={onSaved} />);
  return onSaved;
}

async function toStep2(): Promise<void> {
  await userEvent.click(await screen.findByRole('button', { name: 'Next: enter the role' }));
}

// jsdom's Blob has no text(); FileReader reads it as a browser would.
function readBlob(blob: Blob | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (blob === undefined) return reject(new Error('no blob'));
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

const invoked = (key: string) => calls.filter((c) => c.functionKey === key).map((c) => c.payload);

// Typing into Atlaskit fields in jsdom is slow on a shared machine; the default 5 s is not enough.
jest.setTimeout(30_000);

describe('connect AWS wizard', () => {
  it('step 1 shows the External ID, the quick-create link and what the role grants', async () => {
    useBackend({ getSetupInfo: () => SETUP });
    renderWizard();
    const field = await screen.findByLabelText<HTMLInputElement>('External ID for this Confluence site');
    expect(field.value).toBe(EXTERNAL_ID);
    expect(field.readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'Open the CloudFormation quick-create page' })).toBeTruthy();
    const actions = screen.getByRole('region', { name: 'IAM actions the role grants' });
    expect(
      within(actions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(SETUP.actions);
  });

  it('the template downloads as a Blob under its file name', async () => {
    useBackend({ getSetupInfo: () => SETUP });
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:template';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(`${this.download} ${this.href}`);
    });
    renderWizard();
    await userEvent.click(await screen.findByRole('button', { name: /Download the template/ }));
    expect(downloads).toEqual(['runbookguard-role.yaml blob:template']);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('application/x-yaml');
    expect(await readBlob(blobs[0])).toBe(SETUP.template.text);
    click.mockRestore();
  });

  it('without a quick-create link the reason shows and the download is the way', async () => {
    useBackend({
      getSetupInfo: () => ({
        ...SETUP,
        vendor: null,
        quickCreate: { available: false, reason: 'The app operator has not set RG_VENDOR_PRINCIPAL_ARN.' },
      }),
    });
    renderWizard();
    expect(await screen.findByText('The app operator has not set RG_VENDOR_PRINCIPAL_ARN.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open the CloudFormation quick-create page' })).toBeNull();
    expect(screen.getByRole('button', { name: /Download the template/ })).toBeTruthy();
  });

  it('a malformed role ARN is refused at the field before anything is sent', async () => {
    useBackend({ getSetupInfo: () => SETUP, testConnection: () => TESTED });
    renderWizard();
    await toStep2();
    const arn = screen.getByLabelText('Role ARN');
    await userEvent.type(arn, 'arn:aws:iam::12345:user/bob');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('not an IAM role ARN');
    expect(arn.getAttribute('aria-invalid')).toBe('true');
    expect(arn.getAttribute('aria-describedby')).toContain(error.id);
    expect(invoked('testConnection')).toEqual([]);
    // Nor can the wizard move on to saving with it.
    await userEvent.click(screen.getByRole('button', { name: 'Next: review and save' }));
    expect(screen.queryByRole('button', { name: 'Save and connect' })).toBeNull();
  });

  it('an account already connected is refused: one role per account', async () => {
    useBackend({ getSetupInfo: () => SETUP });
    renderWizard([CONNECTED]);
    await toStep2();
    await userEvent.type(screen.getByLabelText('Role ARN'), 'arn:aws:iam::304958672011:role/Other');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain('304958672011 is already connected');
  });

  it('the connection test shows each service and region: ok with counts, denied action, disabled, error, not tried', async () => {
    useBackend({ getSetupInfo: () => SETUP, testConnection: () => TESTED });
    renderWizard();
    await toStep2();
    await userEvent.type(screen.getByLabelText('Role ARN'), ` ${ROLE} `);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const table = await screen.findByRole('table', { name: 'Connection test by service and region' });
    expect(invoked('testConnection')).toEqual([{ roleArn: ROLE, regions: null }]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['EC2', 'eu-west-1', 'OK', '12 resources readable'],
      ['EC2', 'us-east-1', 'Region disabled', 'The account has not enabled this region'],
      ['EKS', 'eu-west-1', 'Denied', 'AWS refused eks:ListClusters'],
      ['Lambda', 'eu-west-1', 'Error', 'Throttled by AWS'],
      ['RDS', 'us-east-1', 'Not tried', 'Not checked: the test ran out of time'],
      ['S3', 'Global', 'OK', '50+ resources readable (first page)'],
    ]);
    expect(screen.getByText(/Not tried for lack of time: RDS \(us-east-1\)/)).toBeTruthy();
    expect(screen.getByText('Connected to account 210987654321, but some reads failed')).toBeTruthy();
  });

  it('chosen regions are sent as a list; a role refused by the test says why', async () => {
    useBackend({
      getSetupInfo: () => SETUP,
      testConnection: (p) => ({
        ...TESTED,
        regions: p.regions ?? [],
        role: {
          status: 'unguarded',
          message: 'The role can be assumed without the External ID. Add the sts:ExternalId condition.',
        },
        checks: [],
      }),
    });
    renderWizard();
    await toStep2();
    await userEvent.type(screen.getByLabelText('Role ARN'), ROLE);
    await userEvent.click(screen.getByRole('radio', { name: 'Only these regions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose at least one region');
    await userEvent.type(screen.getByLabelText('Regions'), 'eu-west-1');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(
      await screen.findByText('RunbookGuard refuses this role: others could make it read this account'),
    ).toBeTruthy();
    expect(invoked('testConnection')).toEqual([{ roleArn: ROLE, regions: ['eu-west-1'] }]);
  });

  it('a backend payload error shows at the role field', async () => {
    useBackend({
      getSetupInfo: () => SETUP,
      testConnection: () => failWith('INVALID_PAYLOAD', 'roleArn: not an IAM role ARN'),
    });
    renderWizard();
    await toStep2();
    await userEvent.type(screen.getByLabelText('Role ARN'), ROLE);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('roleArn: not an IAM role ARN');
    expect(screen.getByLabelText('Role ARN').getAttribute('aria-describedby')).toContain(error.id);
  });

  it('saving sends the accounts already connected plus the new one', async () => {
    const saved = settingsView([
      CONNECTED,
      { account: '210987654321', roleArn: ROLE, regions: null, connectedAt: 1 },
    ]);
    useBackend({ getSetupInfo: () => SETUP, saveSettings: () => saved });
    const onSaved = renderWizard([CONNECTED]);
    await toStep2();
    await userEvent.type(screen.getByLabelText('Role ARN'), ROLE);
    await userEvent.click(screen.getByRole('button', { name: 'Next: review and save' }));
    expect(screen.getByText('Not tested')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(invoked('saveSettings')).toEqual([
      {
        accounts: [
          { roleArn: CONNECTED.roleArn, regions: ['eu-west-1'] },
          { roleArn: ROLE, regions: null },
        ],
      },
    ]);
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('AWS_ROLE_REJECTED on save explains the missing External ID condition', async () => {
    useBackend({
      getSetupInfo: () => SETUP,
      saveSettings: () =>
        failWith(
          'AWS_ROLE_REJECTED',
          'The role can be assumed without the External ID. Add the sts:ExternalId condition from the RunbookGuard template.',
        ),
    });
    const onSaved = renderWizard();
    await toStep2();
    await userEvent.type(screen.getByLabelText('Role ARN'), ROLE);
    await userEvent.click(screen.getByRole('button', { name: 'Next: review and save' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(await screen.findByText('AWS refused this role')).toBeTruthy();
    expect(
      screen.getByText(/this role can be assumed without the External ID — add the condition/i),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('results are cleared when the role changes, so they never describe another role', async () => {
    useBackend({ getSetupInfo: () => SETUP, testConnection: () => TESTED });
    renderWizard();
    await toStep2();
    const arn = screen.getByLabelText('Role ARN');
    await userEvent.type(arn, ROLE);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByRole('table', { name: 'Connection test by service and region' });
    await userEvent.type(arn, 'X');
    expect(screen.queryByRole('table', { name: 'Connection test by service and region' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next: review and save' }));
    expect(screen.getByText('Not tested')).toBeTruthy();
  });
});
