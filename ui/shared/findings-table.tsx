import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { Fragment, Suspense, lazy, memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { FindingView } from '../../src/shared/contract-findings';
import type { ResolverRequest, SpaceView } from '../../src/shared/contract';
import { KindLozenge, SeverityLozenge, StatusLozenge } from './finding-lozenges';
import {
  exactTime,
  formatCount,
  relativeTime,
  type Kind,
  type ReferenceType,
  type Severity,
  type Status,
} from './format';
import { LinkButton, PageLink } from './links';
import { Empty, ErrorState, Loading } from './states';
import {
  cellStyle,
  codeStyle,
  fieldLabelStyle,
  groupCellStyle,
  headCellStyle,
  subtleTextStyle,
  tableStyle,
} from './table-styles';
import { Flags, useFlags } from './flags';
import { DEFAULT_STATUSES } from './finding-statuses';
import { usePager } from './pager';
import { useResolver } from './use-resolver';

// The detail dialog (modal, form, date picker) is a chunk of its own: loaded on the first click.
const FindingDetailModal = lazy(() => import('./finding-detail'));
// The filter selects (react-select) load just after the rows: the first rows do not wait for them.
const FindingFilters = lazy(() => import('./findings-filters'));

export { DEFAULT_STATUSES };
type Sort = 'severity' | 'page';

export interface Filters {
  statuses: Status[];
  kinds: Kind[];
  severities: Severity[];
  types: ReferenceType[];
  spaceId: string | null;
  query: string;
  sort: Sort;
}
export const NO_FILTERS: Filters = {
  statuses: DEFAULT_STATUSES,
  kinds: [],
  severities: [],
  types: [],
  spaceId: null,
  query: '',
  sort: 'severity',
};

export interface FindingsTableProps {
  /** A fixed space (the space page): no space filter is offered and every request carries it. */
  spaceId?: string;
  /** Offer Acknowledge/Suppress in the detail (the backend still checks space admin rights). */
  canTriage: boolean;
  /** Spaces for the space filter and for page links' keys; loaded with listSpaces when absent. */
  spaces?: SpaceView[];
  /** Change it to reload the current page of results (after a scan, say). */
  refreshToken?: number;
  pageSize?: number;
  /** Told when a triage action changed a finding (the summary's counts may have moved). */
  onFindingChanged?: (finding: FindingView) => void;
}

/** What the current filters ask listFindings for (empty choices mean "any" and are left out). */
export function findingsRequest(
  filters: Filters,
  fixedSpaceId: string | undefined,
  limit: number,
  cursor: string | undefined,
): ResolverRequest<'listFindings'> {
  const spaceId = fixedSpaceId ?? filters.spaceId ?? undefined;
  const query = filters.query.trim();
  return {
    sort: filters.sort,
    limit,
    ...(filters.statuses.length > 0 ? { statuses: filters.statuses } : {}),
    ...(filters.kinds.length > 0 ? { kinds: filters.kinds } : {}),
    ...(filters.severities.length > 0 ? { severities: filters.severities } : {}),
    ...(filters.types.length > 0 ? { types: filters.types } : {}),
    ...(query !== '' ? { query: query.slice(0, 200) } : {}),
    ...(spaceId !== undefined ? { spaceId } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  };
}

function sameFilters(a: Filters, b: Filters): boolean {
  return JSON.stringify({ ...a, query: a.query.trim() }) === JSON.stringify({ ...b, query: b.query.trim() });
}

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Findings the caller may see, filtered and paged by the server (keyset cursors: each page's cursor
 * is kept so Previous goes back without counting offsets). Reused by the space page with a fixed
 * space. A triage action updates its row in place; a finding that no longer matches the status
 * filter leaves the list.
 */
export function FindingsTable({
  spaceId: fixedSpaceId,
  canTriage,
  spaces: givenSpaces,
  refreshToken = 0,
  pageSize = 25,
  onFindingChanged,
}: FindingsTableProps) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const pager = usePager();
  const pageIndex = pager.index;
  const [changed, setChanged] = useState<Map<string, FindingView>>(new Map());
  const [open, setOpen] = useState<FindingView | null>(null);
  const flags = useFlags();
  const searchId = useId();

  const loadedSpaces = useResolver('listSpaces', {}, givenSpaces === undefined);
  const spaces = useMemo(
    () => givenSpaces ?? loadedSpaces.data?.spaces ?? [],
    [givenSpaces, loadedSpaces.data],
  );
  const spaceById = useMemo(() => new Map(spaces.map((s) => [s.id, s])), [spaces]);

  const { reset: resetPager } = pager;
  // Stable, so the (memoised) filter selects do not re-render when rows arrive.
  const update = useCallback(
    (next: Partial<Filters>) => {
      setFilters((f) => ({ ...f, ...next }));
      resetPager();
    },
    [resetPager],
  );
  useEffect(() => {
    if (search.trim() === filters.query.trim()) return;
    const timer = setTimeout(() => update({ query: search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.query]);

  const request = findingsRequest(filters, fixedSpaceId, pageSize, pager.cursor);
  const list = useResolver('listFindings', request);
  const { reload } = list;
  const [seenToken, setSeenToken] = useState(refreshToken);
  if (seenToken !== refreshToken) {
    setSeenToken(refreshToken);
    setChanged(new Map());
  }
  useEffect(() => {
    if (refreshToken !== 0) reload();
  }, [refreshToken, reload]);

  const statuses = filters.statuses.length > 0 ? filters.statuses : DEFAULT_STATUSES;
  const rows = (list.data?.items ?? [])
    .map((f) => changed.get(f.fingerprint) ?? f)
    .filter((f) => statuses.includes(f.status));
  const filtered = !sameFilters(filters, NO_FILTERS);

  const clearFilters = () => {
    setSearch('');
    update(NO_FILTERS);
  };
  const onChanged = (finding: FindingView, verb: string) => {
    setChanged((m) => new Map(m).set(finding.fingerprint, finding));
    setOpen(null);
    flags.show({ title: `Finding ${verb}`, description: finding.entity.value });
    onFindingChanged?.(finding);
  };
  const spaceFor = (f: FindingView) => spaceById.get(f.spaceId)?.key ?? f.spaceId;

  return (
    <Stack space="space.200">
      <Inline space="space.150" shouldWrap alignBlock="end">
        <div style={{ width: 240 }}>
          <label htmlFor={searchId} style={fieldLabelStyle}>
            Search
          </label>
          <Textfield
            id={searchId}
            isCompact
            placeholder="Resource, page title or message"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <Suspense fallback={<FiltersPlaceholder />}>
          <FindingFilters
            filters={filters}
            update={update}
            spaces={fixedSpaceId === undefined ? spaces : null}
          />
        </Suspense>
        {filtered && (
          <Button appearance="subtle" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </Inline>

      {list.state === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data === null ? (
        <Loading label="Loading findings" />
      ) : rows.length === 0 && pageIndex === 0 && list.data.nextCursor === null ? (
        filtered ? (
          <Empty
            header="No findings match these filters"
            description="Try other filters, or clear them to see every open finding."
            action={<Button onClick={clearFilters}>Clear filters</Button>}
          />
        ) : (
          <Empty
            header="No open findings"
            description="Every AWS reference RunbookGuard checked in your runbooks matches what it saw in AWS. Nice."
          />
        )
      ) : (
        <Box aria-busy={list.state === 'loading'} testId="findings-table">
          <div style={{ opacity: list.state === 'loading' ? 0.6 : 1, overflowX: 'auto' }}>
            <table style={tableStyle}>
              <caption
                style={{ ...subtleTextStyle, textAlign: 'start', captionSide: 'top', paddingBlockEnd: 4 }}
              >
                <span data-testid="findings-range">
                  {rangeText(
                    pager.offset,
                    rows.length,
                    list.data.total,
                    list.data.totalIsLowerBound,
                    list.data.nextCursor === null,
                  )}
                </span>
              </caption>
              <thead>
                <tr>
                  <th style={headCellStyle} scope="col">
                    Severity
                  </th>
                  <th style={headCellStyle} scope="col">
                    Finding
                  </th>
                  <th style={headCellStyle} scope="col">
                    Kind
                  </th>
                  {filters.sort === 'severity' && (
                    <th style={headCellStyle} scope="col">
                      Page
                    </th>
                  )}
                  <th style={headCellStyle} scope="col">
                    State
                  </th>
                  <th style={headCellStyle} scope="col">
                    Last seen
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f, i) => (
                  <Fragment key={f.fingerprint}>
                    {filters.sort === 'page' && rows[i - 1]?.pageId !== f.pageId && (
                      <tr>
                        <th colSpan={5} scope="colgroup" style={groupCellStyle}>
                          <PageLink pageId={f.pageId} space={spaceFor(f)}>
                            {f.pageTitle}
                          </PageLink>{' '}
                          <span style={subtleTextStyle}>{spaceById.get(f.spaceId)?.name ?? ''}</span>
                        </th>
                      </tr>
                    )}
                    <FindingRow
                      finding={f}
                      showPage={filters.sort === 'severity'}
                      spaceKey={spaceFor(f)}
                      spaceName={spaceById.get(f.spaceId)?.name ?? null}
                      onOpen={setOpen}
                    />
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <Inline space="space.100" alignBlock="center" spread="space-between">
            <Text color="color.text.subtle" size="small">
              {list.data.totalIsLowerBound
                ? 'Searching and type filters count up to a limit, so the total is a lower bound.'
                : 'Totals count findings on every page, including pages you cannot view.'}
            </Text>
            <Inline space="space.100">
              <Button isDisabled={pageIndex === 0} onClick={pager.previous}>
                Previous
              </Button>
              <Button
                isDisabled={list.data.nextCursor === null || list.state === 'loading'}
                onClick={() => {
                  const next = list.data?.nextCursor;
                  if (next === null || next === undefined) return;
                  pager.next(next, list.data?.items.length ?? 0);
                }}
              >
                Next
              </Button>
            </Inline>
          </Inline>
        </Box>
      )}
      {open !== null && (
        <Suspense fallback={null}>
          <FindingDetailModal
            finding={open}
            spaceKey={spaceFor(open)}
            canTriage={canTriage}
            onClose={() => setOpen(null)}
            onChanged={onChanged}
          />
        </Suspense>
      )}
      <Flags flags={flags} />
    </Stack>
  );
}

/** "1–25 of about 1,204": exact on the last page, a bound otherwise (the count is pre-permission). */
export function rangeText(
  offset: number,
  shown: number,
  total: number,
  lowerBound: boolean,
  lastPage: boolean,
): string {
  const range =
    shown === 0 ? 'No findings on this page' : `${formatCount(offset + 1)}–${formatCount(offset + shown)}`;
  if (lastPage) return `${range} of ${formatCount(offset + shown)}`;
  return `${range} of ${lowerBound ? 'at least' : 'about'} ${formatCount(Math.max(total, offset + shown))}`;
}

/** Memoised: a filter change re-renders the table while loading; unchanged rows are skipped. */
const FindingRow = memo(function FindingRow({
  finding: f,
  showPage,
  spaceKey,
  spaceName,
  onOpen,
}: {
  finding: FindingView;
  showPage: boolean;
  spaceKey: string;
  spaceName: string | null;
  onOpen: (finding: FindingView) => void;
}) {
  return (
    <tr data-fingerprint={f.fingerprint} data-kind={f.kind}>
      <td style={cellStyle}>
        <SeverityLozenge severity={f.severity} />
      </td>
      <td style={{ ...cellStyle, maxWidth: 420 }}>
        <Stack space="space.050">
          <LinkButton onClick={() => onOpen(f)} label={`Details of ${f.entity.value}: ${f.message}`}>
            <code style={codeStyle}>{f.entity.value}</code>
          </LinkButton>
          <Text size="small">{f.message}</Text>
        </Stack>
      </td>
      <td style={cellStyle}>
        <KindLozenge kind={f.kind} />
      </td>
      {showPage && (
        <td style={{ ...cellStyle, maxWidth: 260 }}>
          <Stack space="space.025">
            <PageLink pageId={f.pageId} space={spaceKey}>
              {f.pageTitle}
            </PageLink>
            {spaceName !== null && <span style={subtleTextStyle}>{spaceName}</span>}
          </Stack>
        </td>
      )}
      <td style={cellStyle}>
        <StatusLozenge status={f.status} reason={f.statusReason} />
      </td>
      <td style={{ ...cellStyle, whiteSpace: 'nowrap' }}>
        {/* A native title, not an Atlaskit tooltip per row: 25 tooltips cost a filter change ~20 ms. */}
        <time dateTime={new Date(f.lastSeen).toISOString()} title={exactTime(f.lastSeen)}>
          {relativeTime(f.lastSeen)}
        </time>
      </td>
    </tr>
  );
});

/** Keeps the filter row's height while its selects load (no jump under the user's pointer). */
function FiltersPlaceholder() {
  return <div style={{ height: 56, width: 400 }} aria-hidden="true" />;
}
