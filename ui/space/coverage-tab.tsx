import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Badge from '@atlaskit/badge';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
import type { SpaceCoverageView } from '../../src/shared/contract-scope';
import { ApiError, call } from '../shared/api';
import { Empty, ErrorState } from '../shared/states';
import { ago, exact } from './format';

/** Which of the space's pages were checked, when, and how many references each holds. */
export function CoverageTab({ spaceId }: { spaceId: string }) {
  const [view, setView] = useState<SpaceCoverageView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  const load = async (after?: string) => {
    setLoading(true);
    try {
      const next = await call('getSpaceCoverage', {
        spaceId,
        limit: 50,
        ...(after === undefined ? {} : { afterPageId: after }),
      });
      setView((v) =>
        after === undefined || v === null ? next : { ...next, pages: [...v.pages, ...next.pages] },
      );
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', String(e)));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
  }, [spaceId, attempt]);

  if (error !== null) return <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  const rows = (view?.pages ?? []).map((p) => ({
    key: p.pageId,
    cells: [
      {
        key: 'page',
        content: (
          <a href={p.pageUrl} target="_blank" rel="noreferrer">
            {p.title}
          </a>
        ),
      },
      { key: 'checked', content: <span title={exact(p.checkedAt)}>{ago(p.checkedAt)}</span> },
      { key: 'refs', content: <Badge>{p.references}</Badge> },
      {
        key: 'open',
        content: <Badge appearance={p.openFindings > 0 ? 'important' : 'default'}>{p.openFindings}</Badge>,
      },
      { key: 'owner', content: <Text>{p.owner?.displayName ?? 'Unknown'}</Text> },
      { key: 'editor', content: <Text>{p.lastEditor?.displayName ?? 'Unknown'}</Text> },
    ],
  }));
  return (
    <Stack space="space.200">
      {view !== null && (
        <Text color="color.text.subtle">
          {view.totalPages} {view.totalPages === 1 ? 'page' : 'pages'} of this space checked by RunbookGuard
        </Text>
      )}
      <DynamicTable
        caption="Runbooks checked in this space"
        head={{
          cells: [
            { key: 'page', content: 'Runbook', width: 34 },
            { key: 'checked', content: 'Checked', width: 14 },
            { key: 'refs', content: 'References', width: 10 },
            { key: 'open', content: 'Open findings', width: 12 },
            { key: 'owner', content: 'Owner', width: 15 },
            { key: 'editor', content: 'Last editor', width: 15 },
          ],
        }}
        rows={rows}
        isLoading={loading}
        emptyView={
          <Empty
            header="No page checked yet"
            description="Pages of this space appear here after the next scan, if they are in scope."
          />
        }
      />
      {view?.nextAfterPageId != null && (
        <Box>
          <Button onClick={() => void load(view.nextAfterPageId ?? undefined)} isDisabled={loading}>
            Show more pages
          </Button>
        </Box>
      )}
    </Stack>
  );
}
