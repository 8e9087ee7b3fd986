import { Box } from '@atlaskit/primitives';
import { contentId, type HostContext } from '../shared/context';
import { NotOnAPage, PageReportScreen } from '../shared/page-report-view';
import type { PollOptions } from '../shared/use-page-report';

/** The page-check macro: every AWS reference on the page it sits on, problems first. */
export function App({ context, poll }: { context: HostContext; poll?: PollOptions }) {
  const pageId = contentId(context);
  return (
    <Box padding="space.200">
      {pageId === null ? (
        <NotOnAPage what="the RunbookGuard page check" />
      ) : (
        <PageReportScreen pageId={pageId} {...(poll ? { poll } : {})} />
      )}
    </Box>
  );
}
