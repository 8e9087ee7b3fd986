import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
import type { AuditView } from '../../src/shared/contract';
import { call, type ApiError } from '../shared/api';
import { Empty, ErrorState, Loading } from '../shared/states';
import { asApiError, useForbiddenReport } from './forbidden';
import { formatTime } from './format';
import { SimpleTable } from './table';

const PAGE = 50;

const OUTCOME: Record<AuditView['outcome'], { label: string; appearance: 'success' | 'moved' | 'removed' }> =
  {
    success: { label: 'Success', appearance: 'success' },
    denied: { label: 'Denied', appearance: 'moved' },
    failed: { label: 'Failed', appearance: 'removed' },
  };

/** Actions as the log stores them, said in words; unknown ones are shown as stored. */
const ACTIONS: Record<string, string> = {
  'app.installed': 'App installed',
  'app.upgraded': 'App upgraded',
  'settings.save': 'Saved AWS accounts',
  'settings.connect': 'Connected a role',
  'settings.test-connection': 'Tested a role',
  'digest.settings': 'Saved digest settings',
  'digest.test-send': 'Sent a test digest',
  'digest.send': 'Sent the weekly digest',
  'digest.skip': 'Skipped a quiet digest',
  'digest.opt-out': 'Unsubscribed from the digest',
  'scan.start': 'Started a scan',
  'scan.finished': 'Scan finished',
  'scan.failed': 'Scan failed',
  'page.recheck': 'Re-checked a page',
  'finding.suppress': 'Suppressed a finding',
  'finding.acknowledge': 'Acknowledged a finding',
};

/** The audit log, newest first, a page at a time ("Load more" pages on with beforeId). */
export function AuditTab() {
  const forbidden = useForbiddenReport();
  const [entries, setEntries] = useState<AuditView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [state, setState] = useState<
    { state: 'loading' | 'more' | 'ready' } | { state: 'error'; error: ApiError; first: boolean }
  >({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const load = async (beforeId: number | null): Promise<void> => {
    setState({ state: beforeId === null ? 'loading' : 'more' });
    try {
      const page = await call('listAuditLog', { limit: PAGE, ...(beforeId === null ? {} : { beforeId }) });
      setEntries((old) => (beforeId === null ? page.entries : [...old, ...page.entries]));
      setNext(page.nextBeforeId);
      setState({ state: 'ready' });
    } catch (e) {
      if (forbidden(e)) return;
      setState({ state: 'error', error: asApiError(e), first: beforeId === null });
    }
  };

  useEffect(() => {
    void load(null);
    // Loads the first page on mount and on "Try again".
  }, [attempt]);

  if (state.state === 'loading') return <Loading label="Loading the audit log" />;
  if (state.state === 'error' && state.first)
    return <ErrorState error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (entries.length === 0)
    return (
      <Empty
        header="Nothing in the audit log yet"
        description="Configuration changes, scans, suppressions and refused attempts show here, newest first."
      />
    );
  return (
    <Stack space="space.200">
      <Stack space="space.050">
        <Heading size="medium" as="h2">
          Audit log
        </Heading>
        <Text color="color.text.subtle">Who changed what and when, newest first. Kept for 400 days.</Text>
      </Stack>
      <SimpleTable<AuditView>
        caption="Audit log entries"
        rowKey={(e) => String(e.id)}
        rows={entries}
        columns={[
          {
            key: 'at',
            header: 'Time',
            render: (e) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(e.at)}</span>,
          },
          { key: 'actor', header: 'Who', render: (e) => e.actor ?? 'RunbookGuard' },
          {
            key: 'action',
            header: 'Action',
            render: (e) => (
              <Stack>
                <Text>{ACTIONS[e.action] ?? e.action}</Text>
                {ACTIONS[e.action] !== undefined && (
                  <Text size="small" color="color.text.subtle">
                    {e.action}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'target',
            header: 'Target',
            width: '22%',
            render: (e) =>
              e.target === null ? '—' : <code style={{ wordBreak: 'break-all' }}>{e.target}</code>,
          },
          {
            key: 'outcome',
            header: 'Outcome',
            render: (e) => (
              <Lozenge appearance={OUTCOME[e.outcome].appearance}>{OUTCOME[e.outcome].label}</Lozenge>
            ),
          },
          {
            key: 'detail',
            header: 'Detail',
            width: '26%',
            render: (e) => <span style={{ wordBreak: 'break-word' }}>{e.detail ?? ''}</span>,
          },
        ]}
      />
      {state.state === 'error' && <ErrorState error={state.error} onRetry={() => void load(next)} />}
      <Inline space="space.100" alignBlock="center">
        {next !== null ? (
          <Button onClick={() => void load(next)} isLoading={state.state === 'more'}>
            Load more
          </Button>
        ) : (
          <Text color="color.text.subtle">{`All ${entries.length} entries shown.`}</Text>
        )}
      </Inline>
    </Stack>
  );
}
