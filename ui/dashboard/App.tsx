import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Suspense, lazy, useCallback, useState } from 'react';
import type { HostContext } from '../shared/context';
import { FindingsTable } from '../shared/findings-table';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { NotSetUp, ScanControl } from './scan-control';
import { LastScan, Summary } from './summary';

// Site-admin tabs most visits never open: their code loads when the tab is chosen.
const CoverageTab = lazy(() => import('./coverage-tab'));
const InventoryTab = lazy(() => import('./inventory-tab'));

/** The admin dashboard (confluence:globalPage): summary, Scan now, and the findings/coverage/inventory tabs. */
export function App(_props: { context: HostContext }) {
  const status = useResolver('getStatus', {});
  const summary = useResolver('getDashboardSummary', {});
  const isSiteAdmin = status.data?.isSiteAdmin ?? false;
  const neverScanned = summary.data !== null && summary.data.lastScan === null;
  const settings = useResolver('getSettings', {}, isSiteAdmin && neverScanned);
  const [notConfigured, setNotConfigured] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [tab, setTab] = useState(0);
  // A tab's resolver calls start when it is first opened, and its state survives switching away.
  const [visited, setVisited] = useState<ReadonlySet<number>>(new Set([0]));
  const choose = useCallback((index: number) => {
    setTab(index);
    setVisited((v) => new Set(v).add(index));
  }, []);
  const { reload: reloadSummary } = summary;
  const onScanFinished = useCallback(() => {
    setNotConfigured(false);
    reloadSummary();
    setRefresh((n) => n + 1);
  }, [reloadSummary]);

  if (status.state === 'error')
    return (
      <Frame>
        <ErrorState error={status.error} onRetry={status.reload} />
      </Frame>
    );
  if (summary.state === 'error' && summary.data === null)
    return (
      <Frame>
        <ErrorState error={summary.error} onRetry={summary.reload} />
      </Frame>
    );
  if (status.data === null || summary.data === null) return <Loading label="Loading RunbookGuard" />;

  const configured =
    !notConfigured && (!neverScanned || !isSiteAdmin || (settings.data?.accounts.length ?? 0) > 0);
  const data = summary.data;
  return (
    <Frame>
      <Stack space="space.300">
        <Inline space="space.200" spread="space-between" alignBlock="start" shouldWrap>
          <Stack space="space.050">
            <Heading size="large" as="h1">
              RunbookGuard
            </Heading>
            <Text color="color.text.subtle">
              Stale AWS references in your runbooks, checked against your AWS accounts.
            </Text>
          </Stack>
          {isSiteAdmin ? (
            <ScanControl
              isSiteAdmin
              running={data.lastScan?.state === 'running'}
              onFinished={onScanFinished}
              onNotConfigured={() => setNotConfigured(true)}
            />
          ) : (
            <Stack space="space.100" alignInline="end">
              <Inline space="space.100" alignBlock="center">
                <Text color="color.text.subtle">Last scan</Text>
                <LastScan lastScan={data.lastScan} />
              </Inline>
              {data.lastScan?.state === 'running' && (
                <ScanControl
                  isSiteAdmin={false}
                  running
                  onFinished={onScanFinished}
                  onNotConfigured={() => undefined}
                />
              )}
            </Stack>
          )}
        </Inline>
        {neverScanned || notConfigured ? (
          settings.state === 'loading' && isSiteAdmin && !notConfigured ? (
            <Loading label="Checking the settings" />
          ) : (
            <NotSetUp isSiteAdmin={isSiteAdmin} configured={configured} />
          )
        ) : (
          <>
            <Summary summary={data} />
            <Tabs id="dashboard-tabs" selected={tab} onChange={choose}>
              <TabList>
                <Tab>Findings</Tab>
                {/* The AWS inventory is for site admins only; others never get its tabs. */}
                {isSiteAdmin ? <Tab>Coverage</Tab> : null}
                {isSiteAdmin ? <Tab>Inventory</Tab> : null}
              </TabList>
              <TabPanel>
                <Box paddingBlockStart="space.200">
                  <FindingsTable canTriage refreshToken={refresh} onFindingChanged={reloadSummary} />
                </Box>
              </TabPanel>
              {isSiteAdmin ? (
                <TabPanel>
                  <Box paddingBlockStart="space.200">
                    {visited.has(1) && (
                      <Suspense fallback={<Loading label="Loading coverage" />}>
                        <CoverageTab key={refresh} cells={data.coverage?.cells ?? []} />
                      </Suspense>
                    )}
                  </Box>
                </TabPanel>
              ) : null}
              {isSiteAdmin ? (
                <TabPanel>
                  <Box paddingBlockStart="space.200">
                    {visited.has(2) && (
                      <Suspense fallback={<Loading label="Loading the inventory" />}>
                        <InventoryTab key={refresh} />
                      </Suspense>
                    )}
                  </Box>
                </TabPanel>
              ) : null}
            </Tabs>
          </>
        )}
      </Stack>
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <Box padding="space.300" as="main">
      {children}
    </Box>
  );
}
