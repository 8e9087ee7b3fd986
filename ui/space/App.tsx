import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives';
import type { HostContext } from '../shared/context';

/** The space page (confluence:spacePage): replaced by the space view below. */
export function App({ context }: { context: HostContext }) {
  return (
    <Box padding="space.200">
      <Heading size="large">RunbookGuard · {context.extension?.space?.key ?? 'this space'}</Heading>
    </Box>
  );
}
