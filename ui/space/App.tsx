import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SpaceScopeView } from '../../src/shared/contract-scope';
import type { HostContext } from '../shared/context';
import { Empty, ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { FindingsTab } from './findings-tab';

// The other tabs load when opened: the findings table is what the page is for.
const CoverageTab = lazy(() => import('./coverage-tab').then((m) => ({ default: m.CoverageTab })));
const ScopeTab = lazy(() => import('./scope-tab').then((m) => ({ default: m.ScopeTab })));

/** The space id the host put into the space page's context, if it is one. */
export function spaceIdOf(context: HostContext): string | null {
  const id = context.extension?.space?.id;
  return id !== undefined && /^\d{1,32}$/.test(id) ? id : null;
}

/**
 * RunbookGuard in a space's sidebar (confluence:spacePage), for that space's admins: its findings,
 * the coverage of its pages, and its scope. The first call (the space's scope) is also the
 * permission check: anyone else sees why, not an empty page.
 */
export function App({ context }: { context: HostContext }) {
  const spaceId = spaceIdOf(context);
  if (spaceId === null)
    return (
      <Empty header="No space" description="Open RunbookGuard from a space's sidebar to see that space." />
    );
  return <SpacePage spaceId={spaceId} />;
}

function SpacePage({ spaceId }: { spaceId: string }) {
  const loaded = useResolver('getSpaceScope', { spaceId });
  const [scope, setScope] = useState<SpaceScopeView | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setScope(loaded.data);
  }, [loaded]);
  if (loaded.state === 'loading' && scope === null)
    return <Loading label="Loading RunbookGuard for this space" />;
  if (loaded.state === 'error' && scope === null)
    return (
      <Box padding="space.300">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </Box>
    );
  const view = scope ?? (loaded.state === 'ready' ? loaded.data : null);
  if (view === null) return <Loading label="Loading RunbookGuard for this space" />;
  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="large" as="h1">
            RunbookGuard · {view.space.name}
          </Heading>
          <Text color="color.text.subtle">{view.description}</Text>
        </Stack>
        <Tabs id="space-tabs">
          <TabList>
            <Tab>Findings</Tab>
            <Tab>Coverage</Tab>
            <Tab>Scope and digest</Tab>
          </TabList>
          <TabPanel>
            <Box paddingBlockStart="space.200" style={{ width: '100%' }}>
              <FindingsTab spaceId={spaceId} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlockStart="space.200" style={{ width: '100%' }}>
              <Suspense fallback={<Loading label="Loading coverage" />}>
                <CoverageTab spaceId={spaceId} />
              </Suspense>
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlockStart="space.200" style={{ width: '100%' }}>
              <Suspense fallback={<Loading label="Loading scope" />}>
                <ScopeTab scope={view} onSaved={setScope} />
              </Suspense>
            </Box>
          </TabPanel>
        </Tabs>
      </Stack>
    </Box>
  );
}
