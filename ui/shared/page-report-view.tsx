import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { lazy, Suspense, useDeferredValue, type ReactNode } from 'react';
import type { PageReport } from '../../src/shared/contract-dashboard';
import { pageSummary } from '../../src/shared/page-summary';
import type { ApiError } from './api';
import { relativeTime } from './format';
import { groupReferences } from './page-report-model';
import { ErrorState, Loading } from './states';
import { usePageReport, type PageReportState, type PollOptions, type RecheckPhase } from './use-page-report';

/**
 * The runbook page's report as the macro and the byline dialog show it: a one-line summary with the
 * last check and "Re-check this page", the re-check's progress, then the references by state.
 */

/** The list's code (Lozenge, Tooltip) is its own chunk; prefetchForHostPage requests it at start-up. */
const loadRows = () => import('./page-report-rows');
const ReferenceGroupView = lazy(() => loadRows().then((m) => ({ default: m.ReferenceGroupView })));

export function NotCheckedYet({ children }: { children?: ReactNode }) {
  return (
    <SectionMessage appearance="information" title="RunbookGuard has not checked this page yet">
      <Stack space="space.100">
        <Text>
          Confluence admins: connect an AWS account and run the first scan in Confluence settings → Apps →
          RunbookGuard. After that, pages are checked every day and whenever they are edited.
        </Text>
        {children}
      </Stack>
    </SectionMessage>
  );
}

/** Someone who cannot view the page sees nothing about it, not even that it has findings. */
export function NothingToShow() {
  return (
    <Box padding="space.100">
      <Text color="color.text.subtle">RunbookGuard has nothing to show you for this page.</Text>
    </Box>
  );
}

export function NotOnAPage({ what }: { what: string }) {
  return (
    <SectionMessage appearance="information" title={`Add ${what} to a page`}>
      <Text>RunbookGuard checks the AWS references on the Confluence page it is placed on.</Text>
    </SectionMessage>
  );
}

function RecheckProgress({ state }: { state: PageReportState }) {
  const { phase } = state;
  // One live region that is always there, so screen readers hear each change of the re-check.
  return (
    <div role="status" aria-live="polite">
      {phase.kind === 'starting' || phase.kind === 'waiting' ? (
        <Inline space="space.100" alignBlock="center">
          <Spinner size="small" label="Re-checking" />
          <Text color="color.text.subtle">Re-checking this page against the latest AWS inventory…</Text>
        </Inline>
      ) : null}
      {phase.kind === 'slow' ? (
        <SectionMessage
          appearance="warning"
          title="The re-check is taking longer than usual"
          actions={[
            <Button key="wait" onClick={state.keepWaiting}>
              Check again
            </Button>,
          ]}
        >
          <Text>It is still queued. The results will show here once it has run.</Text>
        </SectionMessage>
      ) : null}
      {phase.kind === 'done' ? <Text color="color.text.subtle">Re-check finished.</Text> : null}
    </div>
  );
}

const busy = (phase: RecheckPhase): boolean => phase.kind === 'starting' || phase.kind === 'waiting';

export function ReportHeader({ report, state }: { report: PageReport; state: PageReportState }) {
  return (
    <Inline space="space.200" alignBlock="center" spread="space-between" shouldWrap>
      <Stack space="space.025">
        <Heading size="small" as="h2">
          {pageSummary(report.counts, report.lastCheckedAt)}
        </Heading>
        {report.lastCheckedAt !== null ? (
          <Text size="small" color="color.text.subtle">
            {`Checked ${relativeTime(report.lastCheckedAt)}`}
          </Text>
        ) : null}
      </Stack>
      <Button onClick={state.recheck} isLoading={busy(state.phase)} isDisabled={busy(state.phase)}>
        Re-check this page
      </Button>
    </Inline>
  );
}

export function ReportBody({ report }: { report: PageReport }) {
  const groups = groupReferences(report);
  if (report.references.length === 0) {
    if (report.lastCheckedAt === null) return <NotCheckedYet />;
    return (
      <Text color="color.text.subtle">
        There are no AWS references on this page: no instance ids, ARNs, hostnames or other resource names.
      </Text>
    );
  }
  // Never matched (no scan yet, or no AWS account to match against): say so above the list.
  const unmatched = report.references.every((r) => r.state === 'not-checked' || r.state === 'placeholder');
  return (
    <Stack space="space.200">
      {report.lastCheckedAt === null || unmatched ? <NotCheckedYet /> : null}
      <Suspense fallback={<Text color="color.text.subtle">Loading the references…</Text>}>
        {groups.map((g) => (
          <ReferenceGroupView key={g.state} group={g} />
        ))}
      </Suspense>
    </Stack>
  );
}

/** Errors that are about the install, not this call: shown as their state, not as a failure. */
function LoadFailure({ error, retry }: { error: ApiError; retry: () => void }) {
  if (error.code === 'FORBIDDEN') return <NothingToShow />;
  if (error.code === 'NOT_CONFIGURED') return <NotCheckedYet />;
  return <ErrorState error={error} onRetry={retry} />;
}

export function PageReportPanel({ state, loadingLabel }: { state: PageReportState; loadingLabel: string }) {
  const { report, error } = state;
  // The summary paints first; the (longer) list of references follows in a second, deferred render.
  const listed = useDeferredValue(report, null);
  if (report === null) {
    if (error !== null) return <LoadFailure error={error} retry={state.reload} />;
    return <Loading label={loadingLabel} />;
  }
  return (
    <Stack space="space.200">
      <ReportHeader report={report} state={state} />
      <RecheckProgress state={state} />
      {state.phase.kind === 'failed' ? <LoadFailure error={state.phase.error} retry={state.recheck} /> : null}
      {error !== null ? <ErrorState error={error} onRetry={state.reload} /> : null}
      {listed !== null ? <ReportBody report={listed} /> : null}
    </Stack>
  );
}

/** The whole report for one page, loaded here. */
export function PageReportScreen({
  pageId,
  poll,
  loadingLabel = 'Checking this page’s AWS references',
}: {
  pageId: string;
  poll?: PollOptions;
  loadingLabel?: string;
}) {
  const state = usePageReport(pageId, poll);
  return <PageReportPanel state={state} loadingLabel={loadingLabel} />;
}
