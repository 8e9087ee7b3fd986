import EmptyState from '@atlaskit/empty-state';
import { Box } from '@atlaskit/primitives';

/** What a user who is not a Confluence site admin sees instead of the settings: nothing else. */
export function Refusal() {
  return (
    <Box as="main" padding="space.400">
      <EmptyState
        headingLevel={1}
        header="Only Confluence site admins can configure RunbookGuard"
        description="Ask a site admin to connect AWS accounts or change the weekly digest. You can still see findings for the pages you can view on the RunbookGuard dashboard."
      />
    </Box>
  );
}
