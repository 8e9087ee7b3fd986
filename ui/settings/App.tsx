import Heading from '@atlaskit/heading';
import { Box, Text } from '@atlaskit/primitives';
import type { HostContext } from '../shared/context';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';

export function App({ context }: { context: HostContext }) {
  const status = useResolver('getStatus', {});
  if (status.state === 'loading') return <Loading label="Loading RunbookGuard" />;
  if (status.state === 'error') return <ErrorState error={status.error} onRetry={status.reload} />;
  return (
    <Box padding="space.200">
      <Heading size="large">RunbookGuard</Heading>
      <Text>
        {context.moduleKey ?? 'unknown module'}: schema {status.data.schemaVersion ?? 'not migrated'}
      </Text>
    </Box>
  );
}
