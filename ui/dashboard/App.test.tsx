/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScanProgressView } from '../../src/shared/contract';
import { App } from './App';
import { ADMIN, ENGINEER, NEVER_SCANNED, SUMMARY, finding, list, progress } from './test-fixtures';
// Lazy parts, loaded up front so module compilation does not eat into the tests' timeouts.
import '../shared/findings-filters';
import './coverage-tab';
import './inventory-tab';

jest.setTimeout(20_000);
const SPACES = { spaces: [{ id: '98305', key: 'SRE', name: 'SRE' }] };
const SETTINGS_NONE = { externalId: 'rgExt4mpleId0123456789abcdef', accounts: [] };

describe('dashboard', () => {
  it('renders the summary numbers from getDashboardSummary', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
    });
    render(<App context={{}} />);
    const open = await screen.findByTestId('summary-open');
    expect(within(open).getByText('42')).toBeTruthy();
    expect(within(open).getByText('17')).toBeTruthy();
    expect(within(screen.getByTestId('summary-references')).getByText('1,234')).toBeTruthy();
    expect(within(screen.getByTestId('summary-references')).getByText('on 87 pages')).toBeTruthy();
    const kinds = screen.getByTestId('summary-kinds');
    expect(within(kinds).getByText('Not running').nextSibling?.textContent).toBe('9');
    expect(within(screen.getByTestId('summary-last-scan')).getByText('2 hours ago')).toBeTruthy();
    // Coverage: what was not scanned, and why.
    expect(
      screen.getByText(/AccessDeniedException: not authorized to perform eks:ListClusters/),
    ).toBeTruthy();
    expect(screen.getByText('Access denied (1)')).toBeTruthy();
    // The trend's text alternative.
    expect(
      screen.getByRole('img', { name: /Open findings went from 45 .* to 42 .* over 2 scans/ }),
    ).toBeTruthy();
    expect(await screen.findByText(finding(1).entity.value)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scan now' })).toBeTruthy();
  });

  it('someone who is not a site admin sees the last scan time and no Scan now', async () => {
    useBackend({
      getStatus: () => ENGINEER,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
    });
    render(<App context={{}} />);
    await screen.findByTestId('summary-open');
    expect(screen.queryByRole('button', { name: 'Scan now' })).toBeNull();
    expect(screen.getAllByText('2 hours ago').length).toBeGreaterThan(0);
  });

  it('no AWS account connected points a site admin to the settings', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => NEVER_SCANNED,
      getSettings: () => SETTINGS_NONE,
    });
    render(<App context={{}} />);
    expect(await screen.findByText('No AWS account connected yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open RunbookGuard settings' })).toBeTruthy();
    expect(calls.some((c) => c.functionKey === 'listFindings')).toBe(false);
  });

  it('connected but never scanned asks for the first scan; NOT_CONFIGURED from Scan now says to connect', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => NEVER_SCANNED,
      getSettings: () => ({
        ...SETTINGS_NONE,
        accounts: [
          {
            account: '210987654321',
            roleArn: 'arn:aws:iam::210987654321:role/RunbookGuardReadOnly',
            regions: null,
            connectedAt: 1,
          },
        ],
      }),
      startScan: () =>
        failWith('NOT_CONFIGURED', 'Connect an AWS account in the RunbookGuard settings first.'),
    });
    render(<App context={{}} />);
    expect(await screen.findByText('No scan yet')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Scan now' }));
    expect(await screen.findByText('No AWS account connected yet')).toBeTruthy();
  });

  it('Scan now polls the progress while running, then shows the result and refreshes', async () => {
    const answers: ScanProgressView[] = [
      progress({ phase: 'pages', pagesDone: 3, pagesTotal: 10 }),
      progress({ phase: 'match', pagesDone: 10, resources: 420, chunksTotal: 4, chunksDone: 2 }),
      progress({ state: 'succeeded', phase: 'done', pagesDone: 10, resources: 420, finishedAt: Date.now() }),
    ];
    let polls = 0;
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
      startScan: () => ({ scanId: 'scan-3' }),
      getScanProgress: () => answers[Math.min(polls++, answers.length - 1)] ?? { scan: null },
    });
    render(<App context={{}} />);
    await screen.findByTestId('summary-open');
    const summaries = () => calls.filter((c) => c.functionKey === 'getDashboardSummary').length;
    const before = summaries();
    await userEvent.click(screen.getByRole('button', { name: 'Scan now' }));
    expect(await screen.findByText('Reading runbook pages…')).toBeTruthy();
    expect(screen.getByText(/3 of 10 pages read/)).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    const first = Number(bar.getAttribute('aria-valuenow'));
    expect(
      await screen.findByText('Checking references against the inventory…', {}, { timeout: 3000 }),
    ).toBeTruthy();
    expect(Number(screen.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(first);
    expect(await screen.findByText('Scan finished', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText(/Checked 10 pages against 420 AWS resources/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(summaries()).toBeGreaterThan(before));
    const pollsWhenDone = polls;
    await act(() => new Promise((r) => setTimeout(r, 1500)));
    expect(polls).toBe(pollsWhenDone);
  });

  it('SCAN_IN_PROGRESS shows the running scan instead of an error', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
      startScan: () => failWith('SCAN_IN_PROGRESS', 'A scan is already running.'),
      getScanProgress: () => progress({ phase: 'inventory', pagesDone: 10, pagesTotal: 10, resources: 80 }),
    });
    render(<App context={{}} />);
    await screen.findByTestId('summary-open');
    await userEvent.click(screen.getByRole('button', { name: 'Scan now' }));
    expect(await screen.findByText('Reading the AWS inventory…')).toBeTruthy();
    expect(screen.queryByText('A scan is already running.')).toBeNull();
  });

  it('the coverage tab filters uncovered resources by tag', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
      listUncoveredResources: (p) => ({
        snapshotTakenAt: Date.now(),
        total: p.tag ? 1 : 2,
        nextCursor: null,
        items: [
          {
            kind: 'rds-instance',
            id: 'orders-prod',
            arn: null,
            name: null,
            account: '210987654321',
            region: 'eu-west-1',
            state: 'available',
            tags: { env: 'production' },
          },
          ...(p.tag
            ? []
            : [
                {
                  kind: 'rds-instance' as const,
                  id: 'orders-dev',
                  arn: null,
                  name: null,
                  account: '210987654321',
                  region: 'eu-west-1',
                  state: 'available',
                  tags: { env: 'dev' },
                },
              ]),
        ],
      }),
    });
    render(<App context={{}} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Coverage' }));
    expect(await screen.findByText('orders-dev')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Tag key'), 'env');
    await userEvent.type(screen.getByLabelText('Tag value'), 'production');
    const last = () => calls.filter((c) => c.functionKey === 'listUncoveredResources').at(-1)?.payload;
    await waitFor(
      () => expect(last()).toMatchObject({ tag: { key: 'env', value: 'production' }, limit: 25 }),
      {
        timeout: 2000,
      },
    );
    await waitFor(() => expect(screen.queryByText('orders-dev')).toBeNull());
    expect(screen.getByText('orders-prod')).toBeTruthy();
  });

  it('the inventory tab drills into one cell', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
      listInventory: (p) => ({
        snapshotTakenAt: Date.now(),
        cells: SUMMARY.coverage?.cells ?? [],
        resources:
          p.service === undefined
            ? null
            : {
                total: 1,
                nextCursor: null,
                items: [
                  {
                    kind: 'ec2-instance',
                    id: 'i-0123456789abcdef0',
                    arn: null,
                    name: 'web-1',
                    account: '210987654321',
                    region: 'eu-west-1',
                    state: 'running',
                    tags: {},
                  },
                ],
              },
      }),
    });
    render(<App context={{}} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Inventory' }));
    await userEvent.click(
      await screen.findByRole('button', { name: /40 resources: EC2 in 210987654321, eu-west-1/ }),
    );
    expect(await screen.findByText('web-1')).toBeTruthy();
    const last = calls.filter((c) => c.functionKey === 'listInventory').at(-1)?.payload;
    expect(last).toMatchObject({ account: '210987654321', region: 'eu-west-1', service: 'ec2' });
    // Back to the map; the denied cell says why instead of offering a number.
    await userEvent.click(screen.getByRole('button', { name: 'Back to the inventory' }));
    expect(await screen.findByTestId('inventory-304958672011')).toBeTruthy();
    expect(within(screen.getByTestId('inventory-304958672011')).getByText('Access denied')).toBeTruthy();
  });

  it('someone who is not a site admin gets no coverage or inventory tabs', async () => {
    useBackend({
      getStatus: () => ENGINEER,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
    });
    render(<App context={{}} />);
    expect(await screen.findByRole('tab', { name: 'Findings' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Inventory' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Coverage' })).toBeNull();
    await screen.findByText(finding(1).entity.value);
    expect(
      calls.some((c) => c.functionKey === 'listInventory' || c.functionKey === 'listUncoveredResources'),
    ).toBe(false);
  });

  it('a FORBIDDEN answer from a site-admin tab (rights revoked meanwhile) is said plainly', async () => {
    useBackend({
      getStatus: () => ADMIN,
      getDashboardSummary: () => SUMMARY,
      listSpaces: () => SPACES,
      listFindings: () => list([finding(1)]),
      listInventory: () => failWith('FORBIDDEN', 'Only Confluence site admins can see the AWS inventory.'),
    });
    render(<App context={{}} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Inventory' }));
    expect(await screen.findByText('You do not have access to this')).toBeTruthy();
    expect(screen.getByText('Only Confluence site admins can see the AWS inventory.')).toBeTruthy();
  });
});
