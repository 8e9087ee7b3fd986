import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, useState } from 'react';
import type { ScanProgressView } from '../../src/shared/contract';
import { ApiError, call } from '../shared/api';
import { PHASE_LABELS, formatCount, plural } from '../shared/format';
import { openSettings } from '../shared/navigate';
import { ErrorState } from '../shared/states';

type Scan = NonNullable<ScanProgressView['scan']>;
export const POLL_MS = 1000;
/** Polls that may fail in a row (a dropped request) before the progress says so. */
const POLL_FAILURES = 3;

/**
 * How far along a scan is, 0–1: the share of its work chunks done (pages, inventory per account,
 * matching, finalize); before the first chunk is queued, a sliver for the pages read.
 */
export function scanFraction(scan: Scan): number {
  if (scan.state !== 'running') return 1;
  if (scan.chunksTotal > 0) return Math.min(0.98, scan.chunksDone / scan.chunksTotal);
  if (scan.pagesTotal > 0) return 0.1 * (scan.pagesDone / scan.pagesTotal);
  return 0;
}

export function useScanProgress(initiallyRunning: boolean, onFinished: (scan: Scan) => void) {
  const [polling, setPolling] = useState(initiallyRunning);
  const [scan, setScan] = useState<Scan | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const startedId = useRef<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!polling) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const tick = async () => {
      try {
        const { scan: latest } = await call('getScanProgress', {});
        if (stopped) return;
        failures = 0;
        setError(null);
        // Until the scan we started shows up, an older finished one is not our result.
        const ours = startedId.current === null || latest?.scanId === startedId.current;
        if (latest !== null && ours) {
          setScan(latest);
          if (latest.state !== 'running') {
            setPolling(false);
            finished.current(latest);
            return;
          }
        }
      } catch (e) {
        if (stopped) return;
        failures += 1;
        if (failures >= POLL_FAILURES)
          setError(
            e instanceof ApiError ? e : new ApiError('INTERNAL', 'The scan progress could not be read.'),
          );
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling]);

  const start = async (): Promise<ApiError | null> => {
    setError(null);
    try {
      const { scanId } = await call('startScan', {});
      startedId.current = scanId;
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('INTERNAL', String(e));
      // One is already running: show that one's progress instead.
      if (apiError.code !== 'SCAN_IN_PROGRESS') return apiError;
      startedId.current = null;
    }
    setScan(null);
    setPolling(true);
    return null;
  };
  return { polling, scan, error, start };
}

/**
 * "Scan now" for site admins, and the running scan's progress for everyone (polled about once a
 * second). When the scan ends it says how it went and tells the dashboard to refresh.
 */
export function ScanControl({
  isSiteAdmin,
  running,
  onFinished,
  onNotConfigured,
}: {
  isSiteAdmin: boolean;
  running: boolean;
  onFinished: () => void;
  onNotConfigured: () => void;
}) {
  const [result, setResult] = useState<Scan | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const progress = useScanProgress(running, (scan) => {
    setResult(scan);
    onFinished();
  });

  const scanNow = async () => {
    setResult(null);
    setStartError(null);
    const error = await progress.start();
    if (error?.code === 'NOT_CONFIGURED') onNotConfigured();
    else if (error !== null) setStartError(error);
  };

  return (
    <Stack space="space.150">
      {isSiteAdmin && (
        <Inline space="space.100" alignInline="end">
          <Button appearance="primary" onClick={() => void scanNow()} isDisabled={progress.polling}>
            {progress.polling ? 'Scanning…' : 'Scan now'}
          </Button>
        </Inline>
      )}
      {progress.polling && <Progress scan={progress.scan} />}
      {progress.error !== null && <ErrorState error={progress.error} />}
      {startError !== null && <ErrorState error={startError} />}
      {result !== null && !progress.polling && <ScanResult scan={result} onDismiss={() => setResult(null)} />}
    </Stack>
  );
}

function Progress({ scan }: { scan: Scan | null }) {
  const phase = scan === null ? 'Starting the scan' : PHASE_LABELS[scan.phase];
  // Chunks are queued as the scan goes, so the share can dip; the bar never moves backwards.
  const highest = useRef(0);
  highest.current = Math.max(highest.current, scan === null ? 0 : scanFraction(scan));
  const value = highest.current;
  return (
    <Stack space="space.100" testId="scan-progress">
      <div role="status" aria-live="polite">
        <Text weight="semibold">{phase}…</Text>
      </div>
      <ProgressBar ariaLabel={`Scan progress: ${phase}`} value={value} />
      {scan !== null && (
        <Text size="small" color="color.text.subtle">
          {scan.pagesTotal > 0
            ? `${formatCount(scan.pagesDone)} of ${plural(scan.pagesTotal, 'page')} read · `
            : ''}
          {plural(scan.resources, 'AWS resource')}
          {scan.chunksTotal > 0
            ? ` · ${formatCount(scan.chunksDone)} of ${plural(scan.chunksTotal, 'step')} done`
            : ''}
        </Text>
      )}
    </Stack>
  );
}

function ScanResult({ scan, onDismiss }: { scan: Scan; onDismiss: () => void }) {
  const ok = scan.state === 'succeeded';
  return (
    <div role="status" data-testid="scan-result">
      <SectionMessage
        appearance={ok ? 'success' : 'error'}
        title={ok ? 'Scan finished' : 'The scan failed'}
        actions={[
          <Button key="ok" appearance="subtle" spacing="compact" onClick={onDismiss}>
            Dismiss
          </Button>,
        ]}
      >
        <Text>
          {ok
            ? `Checked ${plural(scan.pagesDone, 'page')} against ${plural(scan.resources, 'AWS resource')}. The numbers and findings below are up to date.`
            : 'RunbookGuard could not finish this scan; the findings below are from the previous one. Try again, or check the audit log in settings.'}
        </Text>
      </SectionMessage>
    </div>
  );
}

/** No AWS account connected, or connected and never scanned: where to go next. */
export function NotSetUp({ isSiteAdmin, configured }: { isSiteAdmin: boolean; configured: boolean }) {
  return (
    <SectionMessage
      appearance="information"
      title={configured ? 'No scan yet' : 'No AWS account connected yet'}
      actions={
        isSiteAdmin && !configured
          ? [
              <Button key="settings" onClick={() => void openSettings()}>
                Open RunbookGuard settings
              </Button>,
            ]
          : undefined
      }
    >
      <Text>
        {configured
          ? isSiteAdmin
            ? 'Press Scan now to check your runbooks against AWS. The first scan takes a few minutes.'
            : 'RunbookGuard has not checked your runbooks yet. A site admin can start the first scan.'
          : isSiteAdmin
            ? 'Connect a read-only AWS role in the RunbookGuard settings, then run the first scan.'
            : 'A Confluence site admin needs to connect an AWS account in the RunbookGuard settings.'}
      </Text>
    </SectionMessage>
  );
}
