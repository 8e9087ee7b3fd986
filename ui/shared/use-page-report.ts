import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageReport } from '../../src/shared/contract-dashboard';
import { ApiError, call } from './api';
import { peekPrefetchedReport, takePrefetchedReport } from './page-report-prefetch';

/**
 * One page's report and its re-check. A re-check is queued work: after recheckPage the report is
 * polled until recheckPending is false; past `maxWaitMs` polling stops and the view says it is
 * taking longer, with a way to look again. A report that arrives already pending (someone else's
 * re-check, a page edit) is followed the same way.
 */
export type RecheckPhase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'waiting'; since: number }
  | { kind: 'slow' }
  | { kind: 'done' }
  | { kind: 'failed'; error: ApiError };

export interface PageReportState {
  report: PageReport | null;
  /** The last load's failure; the report shown (if any) is then the previous one. */
  error: ApiError | null;
  loading: boolean;
  phase: RecheckPhase;
  reload: () => void;
  recheck: () => void;
  /** After a slow re-check: follow it for another `maxWaitMs`. */
  keepWaiting: () => void;
}

export interface PollOptions {
  pollMs?: number;
  maxWaitMs?: number;
}

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError('INTERNAL', String(e));

export function usePageReport(pageId: string, o: PollOptions = {}): PageReportState {
  const pollMs = o.pollMs ?? 1000;
  const maxWaitMs = o.maxWaitMs ?? 30_000;
  const [report, setReport] = useState<PageReport | null>(() => peekPrefetchedReport(pageId));
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(report === null);
  const [phase, setPhase] = useState<RecheckPhase>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    (takePrefetchedReport(pageId) ?? call('getPageReport', { pageId })).then(
      (r) => {
        if (ticket !== latest.current) return;
        setReport(r);
        setError(null);
        setLoading(false);
        if (r.recheckPending)
          setPhase((p) => (p.kind === 'idle' ? { kind: 'waiting', since: Date.now() } : p));
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(asApiError(e));
        setLoading(false);
      },
    );
  }, [pageId, attempt]);

  // One poll per waiting step; each answer either ends the wait or schedules the next step.
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (phase.kind !== 'waiting') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      call('getPageReport', { pageId }).then(
        (r) => {
          if (cancelled) return;
          setReport(r);
          if (!r.recheckPending) setPhase({ kind: 'done' });
          else if (Date.now() - phase.since >= maxWaitMs) setPhase({ kind: 'slow' });
          else setStep((n) => n + 1);
        },
        (e: unknown) => {
          if (!cancelled) setPhase({ kind: 'failed', error: asApiError(e) });
        },
      );
    }, pollMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [phase, step, pageId, pollMs, maxWaitMs]);

  const recheck = useCallback(() => {
    setPhase({ kind: 'starting' });
    call('recheckPage', { pageId }).then(
      () => setPhase({ kind: 'waiting', since: Date.now() }),
      (e: unknown) => setPhase({ kind: 'failed', error: asApiError(e) }),
    );
  }, [pageId]);
  const keepWaiting = useCallback(() => setPhase({ kind: 'waiting', since: Date.now() }), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { report, error, loading, phase, reload, recheck, keepWaiting };
}
