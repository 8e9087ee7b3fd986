import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { Component, type ReactNode } from 'react';
import type { ApiError } from './api';

/** Shown while the first answer is on its way: never a blank frame. */
export function Loading({ label }: { label: string }) {
  return (
    <Box padding="space.400" role="status" aria-live="polite">
      <Stack space="space.100" alignInline="center">
        <Spinner size="large" label={label} />
        <Text color="color.text.subtle">{label}</Text>
      </Stack>
    </Box>
  );
}

const TITLES: Partial<Record<ApiError['code'], string>> = {
  FORBIDDEN: 'You do not have access to this',
  NOT_CONFIGURED: 'No AWS account connected yet',
  RATE_LIMITED: 'Confluence is busy',
  UPSTREAM_FAILED: 'RunbookGuard could not be reached',
  NOT_FOUND: 'Not found',
};

/** A failed call, said plainly, with a way to try again where trying again can help. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const retryable = error.code !== 'FORBIDDEN' && error.code !== 'NOT_FOUND';
  return (
    <SectionMessage
      appearance={error.code === 'FORBIDDEN' ? 'warning' : 'error'}
      title={TITLES[error.code] ?? 'Something went wrong'}
      actions={
        onRetry && retryable
          ? [
              <Button key="retry" onClick={onRetry}>
                Try again
              </Button>,
            ]
          : undefined
      }
    >
      <Text>{error.message}</Text>
    </SectionMessage>
  );
}

export function Empty({
  header,
  description,
  action,
}: {
  header: string;
  description: string;
  action?: ReactNode;
}) {
  return <EmptyState header={header} description={description} headingLevel={2} primaryAction={action} />;
}

/** Last line of defence: a render error shows a message instead of an empty iframe. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <SectionMessage appearance="error" title="RunbookGuard hit a problem">
        <Text>Reload the page to try again. If it keeps happening, tell your Confluence admin.</Text>
      </SectionMessage>
    );
  }
}
