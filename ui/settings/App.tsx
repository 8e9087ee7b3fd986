import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import type { HostContext } from '../shared/context';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { ForbiddenProvider } from './forbidden';
import { Refusal } from './refusal';

// Each tab loads when first opened: a refused user and the first paint download only the shell.
const AccountsTab = lazy(() => import('./accounts-tab').then((m) => ({ default: m.AccountsTab })));
const DigestTab = lazy(() => import('./digest-tab').then((m) => ({ default: m.DigestTab })));
const AuditTab = lazy(() => import('./audit-tab').then((m) => ({ default: m.AuditTab })));
const ScopeTab = lazy(() => import('./scope-tab').then((m) => ({ default: m.ScopeTab })));
const WhatWeStoreTab = lazy(() => import('./what-we-store-tab').then((m) => ({ default: m.WhatWeStoreTab })));

/**
 * The settings page (confluence:globalSettings). Only site admins may configure; everyone else
 * sees one refusal and no settings data at all. The backend checks again on every call, so a
 * FORBIDDEN from any tab also turns the whole page into the refusal.
 */
export function App(_props: { context: HostContext }) {
  const status = useResolver('getStatus', {});
  const [refused, setRefused] = useState(false);
  if (refused) return <Refusal />;
  if (status.state === 'loading') return <Loading label="Loading RunbookGuard settings" />;
  if (status.state === 'error')
    return status.error.code === 'FORBIDDEN' ? (
      <Refusal />
    ) : (
      <Box padding="space.300">
        <ErrorState error={status.error} onRetry={status.reload} />
      </Box>
    );
  if (!status.data.isSiteAdmin) return <Refusal />;
  return (
    <ForbiddenProvider onForbidden={() => setRefused(true)}>
      <SettingsPage />
    </ForbiddenProvider>
  );
}

function SettingsPage() {
  return (
    <Box as="main" padding="space.300">
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="large" as="h1">
            RunbookGuard settings
          </Heading>
          <Text color="color.text.subtle">
            Connect the AWS accounts your runbooks describe, choose who gets the weekly digest, and see who
            changed what.
          </Text>
        </Stack>
        <Tabs id="rg-settings-tabs" shouldUnmountTabPanelOnChange>
          <TabList>
            <Tab>AWS accounts</Tab>
            <Tab>Weekly digest</Tab>
            <Tab>Scan scope</Tab>
            <Tab>Audit log</Tab>
            <Tab>What we store</Tab>
          </TabList>
          <TabPanel>
            <Panel>
              <AccountsTab />
            </Panel>
          </TabPanel>
          <TabPanel>
            <Panel>
              <DigestTab />
            </Panel>
          </TabPanel>
          <TabPanel>
            <Panel>
              <ScopeTab />
            </Panel>
          </TabPanel>
          <TabPanel>
            <Panel>
              <AuditTab />
            </Panel>
          </TabPanel>
          <TabPanel>
            <Panel>
              <WhatWeStoreTab />
            </Panel>
          </TabPanel>
        </Tabs>
      </Stack>
    </Box>
  );
}

const panelStyles = xcss({ width: '100%', maxWidth: '1000px' });

function Panel({ children }: { children: ReactNode }) {
  return (
    <Box paddingBlockStart="space.300" xcss={panelStyles}>
      <Suspense fallback={<Loading label="Loading" />}>{children}</Suspense>
    </Box>
  );
}
