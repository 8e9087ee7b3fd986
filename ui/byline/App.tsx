import { Box, Stack, Text } from '@atlaskit/primitives';
import type { PageBadge } from '../../src/shared/contract-dashboard';
import { contentId, type HostContext } from '../shared/context';
import { relativeTime } from '../shared/format';
import { NotOnAPage, PageReportPanel } from '../shared/page-report-view';
import { usePageReport, type PollOptions } from '../shared/use-page-report';
import { useResolver } from '../shared/use-resolver';

/** What the badge alone can say (open findings), until the full report has arrived. */
export function badgeSummary(badge: PageBadge): string {
  if (badge.lastCheckedAt === null) return 'Not checked yet';
  const { total, bySeverity } = badge.open;
  if (total === 0) return 'No open problems on this page';
  const parts = [
    bySeverity.error > 0 ? `${bySeverity.error} error${bySeverity.error === 1 ? '' : 's'}` : null,
    bySeverity.warning > 0 ? `${bySeverity.warning} warning${bySeverity.warning === 1 ? '' : 's'}` : null,
  ].filter((p): p is string => p !== null);
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${total} open problem${total === 1 ? '' : 's'} on this page${detail}`;
}

function BylineReport({ pageId, poll }: { pageId: string; poll?: PollOptions }) {
  // The badge is one cheap count: it paints first while the full report is on its way.
  const badge = useResolver('getPageBadge', { pageId });
  const state = usePageReport(pageId, poll);
  if (state.report === null && state.error === null && badge.state === 'ready')
    return (
      <Stack space="space.100">
        <Text weight="bold">{badgeSummary(badge.data)}</Text>
        {badge.data.lastCheckedAt !== null ? (
          <Text
            size="small"
            color="color.text.subtle"
          >{`Checked ${relativeTime(badge.data.lastCheckedAt)}`}</Text>
        ) : null}
        <Text size="small" color="color.text.subtle" aria-live="polite">
          Loading the references…
        </Text>
      </Stack>
    );
  return <PageReportPanel state={state} loadingLabel="Loading RunbookGuard for this page" />;
}

/** The byline item's dialog: the page's summary, then the same report as the macro. */
export function App({ context, poll }: { context: HostContext; poll?: PollOptions }) {
  const pageId = contentId(context);
  return (
    <Box padding="space.200">
      {pageId === null ? (
        <NotOnAPage what="RunbookGuard" />
      ) : (
        <BylineReport pageId={pageId} {...(poll ? { poll } : {})} />
      )}
    </Box>
  );
}
