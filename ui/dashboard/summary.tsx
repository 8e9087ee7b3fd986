import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { useState, type ReactNode } from 'react';
import type { CoverageCellView, DashboardSummary } from '../../src/shared/contract';
import { CoverageLozenge, SeverityLozenge } from '../shared/finding-lozenges';
import {
  COVERAGE_STATE_LABELS,
  KIND_LABELS,
  SERVICE_LABELS,
  SEVERITY_LABELS,
  exactTime,
  formatCount,
  keysOf,
  plural,
  regionLabel,
  relativeTime,
  type CoverageState,
} from '../shared/format';
import { TrendChart } from './trend-chart';

const card = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.200',
  backgroundColor: 'elevation.surface.raised',
  flexGrow: 1,
  minWidth: '180px',
});

function Card({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box xcss={card} testId={testId}>
      <Stack space="space.100">
        <Heading size="xxsmall" as="h2">
          {label}
        </Heading>
        {children}
      </Stack>
    </Box>
  );
}

function BigNumber({ children }: { children: ReactNode }) {
  return <span style={{ font: token('font.heading.xlarge'), color: token('color.text') }}>{children}</span>;
}

/** The numbers above the tabs: counts over every checked page (numbers only, no titles). */
export function Summary({ summary }: { summary: DashboardSummary }) {
  const open = summary.openFindings;
  return (
    <Stack space="space.200">
      <Inline space="space.200" shouldWrap alignBlock="stretch">
        <Card label="Open findings" testId="summary-open">
          <BigNumber>{formatCount(open.total)}</BigNumber>
          <Inline space="space.100" shouldWrap>
            {keysOf(SEVERITY_LABELS).map((s) => (
              <Inline key={s} space="space.050" alignBlock="center">
                <SeverityLozenge severity={s} />
                <Text size="small">{formatCount(open.bySeverity[s])}</Text>
              </Inline>
            ))}
          </Inline>
        </Card>
        <Card label="References checked" testId="summary-references">
          <BigNumber>{formatCount(summary.referencesChecked)}</BigNumber>
          <Text size="small" color="color.text.subtle">
            on {plural(summary.pagesChecked, 'page')}
          </Text>
        </Card>
        <Card label="By kind" testId="summary-kinds">
          <Stack space="space.025">
            {keysOf(KIND_LABELS).map((k) => (
              <Inline key={k} space="space.200" spread="space-between">
                <Text size="small" color="color.text.subtle">
                  {KIND_LABELS[k]}
                </Text>
                <Text size="small">{formatCount(open.byKind[k])}</Text>
              </Inline>
            ))}
          </Stack>
        </Card>
        <Card label="Last scan" testId="summary-last-scan">
          <LastScan lastScan={summary.lastScan} />
          <Text size="small" color="color.text.subtle">
            {plural(summary.pagesChecked, 'page')} checked
          </Text>
        </Card>
      </Inline>
      <Inline space="space.200" shouldWrap alignBlock="stretch">
        <Card label="Open findings over recent scans">
          <TrendChart trend={summary.trend} />
        </Card>
        <Card label="AWS coverage">
          <Coverage coverage={summary.coverage} />
        </Card>
      </Inline>
    </Stack>
  );
}

export function LastScan({ lastScan }: { lastScan: DashboardSummary['lastScan'] }) {
  if (lastScan === null) return <Text>Never</Text>;
  if (lastScan.state === 'running' || lastScan.finishedAt === null) return <Text>Running now</Text>;
  return (
    <Inline space="space.100" alignBlock="center">
      <Tooltip content={exactTime(lastScan.finishedAt)} tag="span">
        <span
          tabIndex={0}
          style={{ font: token('font.heading.small') }}
          aria-label={`${relativeTime(lastScan.finishedAt)}, ${exactTime(lastScan.finishedAt)}`}
        >
          {relativeTime(lastScan.finishedAt)}
        </span>
      </Tooltip>
      {lastScan.state === 'failed' && <Text color="color.text.danger">failed</Text>}
    </Inline>
  );
}

const NOT_SCANNED: CoverageState[] = ['denied', 'failed', 'disabled', 'not-selected'];
const SHOWN = 4;

function cellWhere(c: CoverageCellView): string {
  return `${SERVICE_LABELS[c.service]} · ${c.account} · ${regionLabel(c.region)}`;
}

/** What was scanned and, grouped by why, what was not. */
function Coverage({ coverage }: { coverage: DashboardSummary['coverage'] }) {
  const [expanded, setExpanded] = useState<CoverageState | null>(null);
  if (coverage === null)
    return (
      <Text color="color.text.subtle" size="small">
        No inventory yet: it is read by the first scan.
      </Text>
    );
  const total = coverage.cells.length;
  return (
    <Stack space="space.150">
      <Text size="small">
        {formatCount(coverage.counts.scanned)} of {plural(total, 'service/region')} scanned, inventory of{' '}
        <Tooltip content={exactTime(coverage.snapshotTakenAt)} tag="span">
          <span tabIndex={0}>{relativeTime(coverage.snapshotTakenAt)}</span>
        </Tooltip>
        .
      </Text>
      <Inline space="space.100" shouldWrap>
        {(['scanned', ...NOT_SCANNED] as const).map((s) => (
          <Inline key={s} space="space.050" alignBlock="center">
            <CoverageLozenge state={s} />
            <Text size="small">{formatCount(coverage.counts[s])}</Text>
          </Inline>
        ))}
      </Inline>
      {NOT_SCANNED.map((state) => {
        const cells = coverage.cells.filter((c) => c.state === state);
        if (cells.length === 0) return null;
        const shown = expanded === state ? cells : cells.slice(0, SHOWN);
        return (
          <Stack key={state} space="space.050">
            <Heading size="xxsmall" as="h3">
              {COVERAGE_STATE_LABELS[state]} ({formatCount(cells.length)})
            </Heading>
            <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
              {shown.map((c) => (
                <li key={`${c.account}/${c.service}/${c.region ?? ''}`}>
                  <Text size="small">
                    {cellWhere(c)}
                    {c.reason !== null ? (
                      <Text color="color.text.subtle" size="small">
                        : {c.reason}
                      </Text>
                    ) : null}
                  </Text>
                </li>
              ))}
            </ul>
            {cells.length > SHOWN && (
              <Box>
                <Button
                  appearance="subtle"
                  spacing="compact"
                  onClick={() => setExpanded(expanded === state ? null : state)}
                >
                  {expanded === state ? 'Show fewer' : `Show all ${formatCount(cells.length)}`}
                </Button>
              </Box>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
