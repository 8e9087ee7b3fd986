/** @jest-environment jsdom */
import { calls, failWith, useBackend } from '../test-support/fake-bridge';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ResolverRequest } from '../../src/shared/contract';
import { detail, finding, list } from '../dashboard/test-fixtures';
import { FindingsTable } from './findings-table';
// Lazy parts, loaded up front so module compilation does not eat into the tests' timeouts.
import './finding-detail';
import './findings-filters';

jest.setTimeout(20_000);

type ListRequest = ResolverRequest<'listFindings'>;
const listCalls = () =>
  calls.filter((c) => c.functionKey === 'listFindings').map((c) => c.payload as ListRequest);
const SPACES = { spaces: [{ id: '98305', key: 'SRE', name: 'SRE' }] };

describe('findings table', () => {
  it('a kind filter sends kinds to listFindings and shows the new rows', async () => {
    const missing = finding(1);
    const dangling = finding(2, {
      kind: 'dangling',
      entity: { ...finding(2).entity, value: 'old-lb.example.com' },
    });
    useBackend({
      listSpaces: () => SPACES,
      listFindings: (p) => (p.kinds?.includes('dangling') ? list([dangling]) : list([missing, dangling])),
    });
    render(<FindingsTable canTriage />);
    expect(await screen.findByText(missing.entity.value)).toBeTruthy();
    await userEvent.click(await screen.findByLabelText('Kind'));
    await userEvent.click(
      await screen.findByText('Dangling', { selector: '[role="option"] *, [role="option"]' }),
    );
    await waitFor(() => expect(screen.queryByText(missing.entity.value)).toBeNull());
    expect(screen.getByText('old-lb.example.com')).toBeTruthy();
    const last = listCalls().at(-1);
    expect(last).toMatchObject({ kinds: ['dangling'], sort: 'severity', limit: 25 });
    expect(last?.cursor).toBeUndefined();
  });

  it('pages forward with the cursor and back again, counting rows', async () => {
    const first = Array.from({ length: 25 }, (_, i) => finding(i));
    const second = [finding(100), finding(101)];
    useBackend({
      listSpaces: () => SPACES,
      listFindings: (p) =>
        p.cursor === 'page2' ? list(second, { total: 27 }) : list(first, { total: 27, nextCursor: 'page2' }),
    });
    render(<FindingsTable canTriage />);
    expect(await screen.findByText('1–25 of about 27')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('26–27 of 27')).toBeTruthy();
    expect(screen.getByText(second[0]!.entity.value)).toBeTruthy();
    expect(listCalls().at(-1)?.cursor).toBe('page2');
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('1–25 of about 27')).toBeTruthy();
    expect(listCalls().at(-1)?.cursor).toBeUndefined();
  });

  it('says "at least" when the resolver counted a lower bound, and searches after typing stops', async () => {
    useBackend({
      listSpaces: () => SPACES,
      listFindings: (p) =>
        list([finding(1)], { total: 500, totalIsLowerBound: true, nextCursor: p.query ? null : 'c2' }),
    });
    render(<FindingsTable canTriage />);
    expect(await screen.findByText('1–1 of at least 500')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Search'), 'orders');
    await waitFor(() => expect(listCalls().at(-1)?.query).toBe('orders'), { timeout: 2000 });
    // Debounced: one request for the whole word, not one per key.
    expect(listCalls().filter((c) => c.query !== undefined)).toHaveLength(1);
  });

  it('a fixed space sends spaceId with every request and offers no space filter', async () => {
    useBackend({ listFindings: () => list([finding(1)]) });
    render(<FindingsTable canTriage={false} spaceId="98305" spaces={SPACES.spaces} />);
    expect(await screen.findByText(finding(1).entity.value)).toBeTruthy();
    expect(listCalls()[0]).toMatchObject({ spaceId: '98305' });
    await screen.findByLabelText('Kind');
    expect(screen.queryByLabelText('Space')).toBeNull();
    expect(calls.some((c) => c.functionKey === 'listSpaces')).toBe(false);
  });

  it('no findings at all is good news; no results for filters offers to clear them', async () => {
    useBackend({ listSpaces: () => SPACES, listFindings: () => list([]) });
    const { unmount } = render(<FindingsTable canTriage />);
    expect(await screen.findByText('No open findings')).toBeTruthy();
    unmount();
    useBackend({ listSpaces: () => SPACES, listFindings: (p) => (p.query ? list([]) : list([finding(1)])) });
    render(<FindingsTable canTriage />);
    await screen.findByText(finding(1).entity.value);
    await userEvent.type(screen.getByLabelText('Search'), 'nothing-like-this');
    expect(await screen.findByText('No findings match these filters', {}, { timeout: 2000 })).toBeTruthy();
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1) as HTMLElement);
    expect(await screen.findByText(finding(1).entity.value)).toBeTruthy();
    expect(listCalls().at(-1)?.query).toBeUndefined();
  });

  it('the detail shows evidence, suggestions and history', async () => {
    const f = finding(1);
    useBackend({
      listSpaces: () => SPACES,
      listFindings: () => list([f]),
      getFindingDetail: () => detail(f),
    });
    render(<FindingsTable canTriage />);
    await userEvent.click(await screen.findByRole('button', { name: /Details of/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/Fail over by restarting/)).toBeTruthy();
    expect(
      within(dialog).getByText(/Under Failover › Step 2, in the text, 2 times on the page/),
    ).toBeTruthy();
    expect(within(dialog).getByText('i-0abc000000000009')).toBeTruthy();
    expect(within(dialog).getByText(/finding acknowledge/)).toBeTruthy();
  });

  it('suppress needs a reason, sends until, updates the row away and shows a flag', async () => {
    const f = finding(1);
    const other = finding(2);
    useBackend({
      listSpaces: () => SPACES,
      listFindings: () => list([f, other]),
      getFindingDetail: () => detail(f),
      suppressFinding: (p) => ({
        ...f,
        status: 'suppressed',
        statusReason: p.reason,
        suppressedUntil: p.until ?? null,
      }),
    });
    render(<FindingsTable canTriage />);
    await userEvent.click(
      await screen.findByRole('button', { name: `Details of ${f.entity.value}: ${f.message}` }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suppress' }));
    const submit = () => within(dialog).getAllByRole('button', { name: 'Suppress' }).at(-1)!;
    await userEvent.click(submit());
    expect(await within(dialog).findByText(/a reason is required/)).toBeTruthy();
    expect(calls.some((c) => c.functionKey === 'suppressFinding')).toBe(false);

    await userEvent.type(within(dialog).getByLabelText('Reason (required)'), 'Retired in Q3');
    const next = new Date();
    next.setDate(next.getDate() + 10);
    const day = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
    const picker = within(dialog).getByLabelText('Until (optional)');
    await userEvent.type(picker, `${next.getMonth() + 1}/${next.getDate()}/${next.getFullYear()}{enter}`);
    await userEvent.click(submit());
    await waitFor(() => expect(calls.some((c) => c.functionKey === 'suppressFinding')).toBe(true));
    const sent = calls.find((c) => c.functionKey === 'suppressFinding')
      ?.payload as ResolverRequest<'suppressFinding'>;
    expect(sent.reason).toBe('Retired in Q3');
    const [y, m, d] = day.split('-').map(Number);
    expect(sent.until).toBe(new Date(y!, m! - 1, d).getTime());
    expect(await screen.findByText('Finding suppressed')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByTestId('findings-table');
    expect(within(table).queryByText(f.entity.value)).toBeNull();
    expect(within(table).getByText(other.entity.value)).toBeTruthy();
  });

  it('acknowledging updates the row in place (it stays open on the list) and shows a flag', async () => {
    const f = finding(1);
    useBackend({
      listSpaces: () => SPACES,
      listFindings: () => list([f]),
      getFindingDetail: () => detail(f),
      acknowledgeFinding: (p) => ({ ...f, status: 'acknowledged', statusReason: p.reason }),
    });
    render(<FindingsTable canTriage />);
    await userEvent.click(await screen.findByRole('button', { name: /Details of/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await userEvent.type(within(dialog).getByLabelText('Reason (required)'), 'known, fix planned');
    await userEvent.click(
      within(dialog).getAllByRole('button', { name: 'Acknowledge' }).at(-1) as HTMLElement,
    );
    expect(await screen.findByText('Finding acknowledged')).toBeTruthy();
    const row = screen.getByTestId('findings-table').querySelector(`tr[data-fingerprint="${f.fingerprint}"]`);
    expect(row?.textContent).toContain('Acknowledged');
    expect(calls.filter((c) => c.functionKey === 'listFindings')).toHaveLength(1);
  });

  it('a FORBIDDEN refusal is shown in the dialog and the row stays', async () => {
    const f = finding(1);
    useBackend({
      listSpaces: () => SPACES,
      listFindings: () => list([f]),
      getFindingDetail: () => detail(f),
      acknowledgeFinding: () =>
        failWith('FORBIDDEN', 'Only space admins of this page can triage its findings.'),
    });
    render(<FindingsTable canTriage />);
    await userEvent.click(await screen.findByRole('button', { name: /Details of/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await userEvent.type(within(dialog).getByLabelText('Reason (required)'), 'known');
    await act(async () => {
      await userEvent.click(
        within(dialog).getAllByRole('button', { name: 'Acknowledge' }).at(-1) as HTMLElement,
      );
    });
    expect(await within(dialog).findByText('You do not have access to this')).toBeTruthy();
    expect(within(dialog).getByText('Only space admins of this page can triage its findings.')).toBeTruthy();
    expect(screen.getAllByText(f.entity.value).length).toBeGreaterThan(0);
  });
});
