import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SpaceFindingList, SpaceFindingView } from '../../src/shared/contract-scope';
import { ApiError, call } from '../shared/api';
import { Empty, ErrorState, Loading } from '../shared/states';
import { SeverityLozenge, StatusLozenge } from '../shared/finding-lozenges';
import { typeName } from '../shared/format';
import { NativeSelect } from './native-select';
import { VisuallyHiddenText } from './visually-hidden';
import { FieldRow } from '../shared/field';

type Severity = SpaceFindingView['severity'];
type Status = SpaceFindingView['status'];
const SEVERITIES = [
  { label: 'All severities', value: 'all' },
  { label: 'Errors', value: 'error' },
  { label: 'Warnings', value: 'warning' },
  { label: 'Info', value: 'info' },
] as const;
const STATUSES = [
  { label: 'Needs attention', value: 'active' },
  { label: 'Suppressed', value: 'suppressed' },
  { label: 'Resolved or out of scope', value: 'resolved' },
] as const;
const STATUS_SETS: Record<(typeof STATUSES)[number]['value'], Status[]> = {
  active: ['open', 'reopened', 'acknowledged'],
  suppressed: ['suppressed'],
  resolved: ['resolved'],
};
const PAGE_SIZE = 25;
// The detail dialog (modal, text area, evidence) loads on the first "Details".
const FindingModal = lazy(() => import('./finding-modal').then((m) => ({ default: m.FindingModal })));

const valueStyle = xcss({ fontFamily: 'font.family.code', wordBreak: 'break-all' });

interface Filters {
  severity: Severity | 'all';
  status: keyof typeof STATUS_SETS;
  query: string;
}

/** The space's findings: the dashboard's filters, a page at a time, each opening its detail. */
export function FindingsTab({ spaceId }: { spaceId: string }) {
  const [filters, setFilters] = useState<Filters>({ severity: 'all', status: 'active', query: '' });
  const [query, setQuery] = useState('');
  const [list, setList] = useState<SpaceFindingList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<SpaceFindingView | null>(null);
  const [attempt, setAttempt] = useState(0);

  // The free-text filter waits for a pause in typing.
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => ({ ...f, query: query.trim() })), 300);
    return () => clearTimeout(t);
  }, [query]);

  const payload = (cursor?: string) => ({
    spaceId,
    limit: PAGE_SIZE,
    statuses: STATUS_SETS[filters.status],
    ...(filters.severity !== 'all' ? { severities: [filters.severity] } : {}),
    ...(filters.query !== '' ? { query: filters.query } : {}),
    ...(cursor === undefined ? {} : { cursor }),
  });

  useEffect(() => {
    let live = true;
    setLoading(true);
    call('listSpaceFindings', payload()).then(
      (answer) => {
        if (!live) return;
        setList(answer);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiError ? e : new ApiError('INTERNAL', String(e)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [spaceId, filters, attempt]);

  const more = async () => {
    if (list?.nextCursor == null) return;
    setLoading(true);
    try {
      const next = await call('listSpaceFindings', payload(list.nextCursor));
      setList({ ...next, items: [...list.items, ...next.items] });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', String(e)));
    } finally {
      setLoading(false);
    }
  };

  const replace = (updated: SpaceFindingView) => {
    setList((l) =>
      l === null
        ? l
        : { ...l, items: l.items.map((f) => (f.fingerprint === updated.fingerprint ? updated : f)) },
    );
    setOpen(updated);
  };

  const head = {
    cells: [
      { key: 'severity', content: 'Severity', width: 8 },
      { key: 'reference', content: 'Reference', width: 20 },
      { key: 'page', content: 'Runbook', width: 18 },
      { key: 'problem', content: 'Problem', width: 24 },
      { key: 'people', content: 'Owner · last editor', width: 13 },
      { key: 'status', content: 'Status', width: 9 },
      { key: 'actions', content: <VisuallyHiddenText>Actions</VisuallyHiddenText>, width: 8 },
    ],
  };
  const rows = (list?.items ?? []).map((f) => ({
    key: f.fingerprint,
    cells: [
      { key: 'severity', content: <SeverityLozenge severity={f.severity} /> },
      {
        key: 'reference',
        content: (
          <Stack space="space.050">
            <Box xcss={valueStyle}>{f.entity.value}</Box>
            <Text size="small" color="color.text.subtlest">
              {typeName(f.entity.type)}
              {f.entity.region === null ? '' : ` · ${f.entity.region}`}
            </Text>
          </Stack>
        ),
      },
      {
        key: 'page',
        content: (
          <a href={f.pageUrl} target="_blank" rel="noreferrer">
            {f.pageTitle}
          </a>
        ),
      },
      { key: 'problem', content: <Text>{f.message}</Text> },
      {
        key: 'people',
        content: (
          <Stack space="space.050">
            <Text>{f.owner?.displayName ?? 'Unknown owner'}</Text>
            <Text size="small" color="color.text.subtlest">
              {f.lastEditor === null ? '' : `edited by ${f.lastEditor.displayName}`}
            </Text>
          </Stack>
        ),
      },
      { key: 'status', content: <StatusLozenge status={f.status} reason={f.statusReason} /> },
      {
        key: 'actions',
        content: (
          <Button
            spacing="compact"
            onClick={() => setOpen(f)}
            aria-label={`Details of ${f.entity.value} on ${f.pageTitle}`}
          >
            Details
          </Button>
        ),
      },
    ],
  }));

  return (
    <Stack space="space.200">
      <Inline space="space.150" shouldWrap alignBlock="end">
        <Box xcss={xcss({ width: '240px' })}>
          <FieldRow id="space-search" label="Search">
            <Textfield
              id="space-search"
              placeholder="Reference, runbook or message"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
          </FieldRow>
        </Box>
        <Box xcss={xcss({ width: '200px' })}>
          <FieldRow id="space-severity" label="Severity">
            <NativeSelect
              id="space-severity"
              value={filters.severity}
              options={SEVERITIES}
              onChange={(v) => setFilters((f) => ({ ...f, severity: v }))}
            />
          </FieldRow>
        </Box>
        <Box xcss={xcss({ width: '240px' })}>
          <FieldRow id="space-status" label="Status">
            <NativeSelect
              id="space-status"
              value={filters.status}
              options={STATUSES}
              onChange={(v) => setFilters((f) => ({ ...f, status: v }))}
            />
          </FieldRow>
        </Box>
      </Inline>
      {error !== null ? (
        <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          {list !== null && (
            <Text color="color.text.subtle" aria-live="polite">
              {list.items.length} shown
              {list.total > list.items.length ? ` of up to ${list.total}` : ''}
            </Text>
          )}
          <div style={{ color: token('color.text') }}>
            <DynamicTable
              caption="Findings in this space"
              head={head}
              rows={rows}
              isLoading={loading}
              emptyView={
                <Empty
                  header="No findings here"
                  description="No runbook in this space names a stale AWS resource with these filters."
                />
              }
            />
          </div>
          {list?.nextCursor != null && (
            <Box>
              <Button onClick={() => void more()} isDisabled={loading}>
                Show more findings
              </Button>
            </Box>
          )}
        </>
      )}
      {open !== null && (
        <Suspense fallback={<Loading label="Loading the finding" />}>
          <FindingModal finding={open} onClose={() => setOpen(null)} onChanged={replace} />
        </Suspense>
      )}
    </Stack>
  );
}
