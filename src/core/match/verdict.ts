import type { Resource } from '../inventory/snapshot';
import type { CoverageGap, ReferenceStatus, Suggestion, Verdict } from './types';

const NO_GAPS: CoverageGap[] = [];
const NO_CHAIN: string[] = [];

/** The common case, allocated once: matching throughput depends on it. */
export const OK: Verdict = Object.freeze({
  status: 'ok',
  message: null,
  resource: null,
  suggestion: null,
  gaps: NO_GAPS,
  dnsChain: NO_CHAIN,
});

export const PLACEHOLDER: Verdict = Object.freeze({ ...OK, status: 'placeholder' });

export function ok(resource: Resource | null): Verdict {
  if (resource === null) return OK;
  // A literal, not a spread: this runs for most references.
  return { status: 'ok', message: null, resource, suggestion: null, gaps: NO_GAPS, dnsChain: NO_CHAIN };
}

export function verdict(
  status: ReferenceStatus,
  message: string,
  extra: {
    resource?: Resource | null;
    suggestion?: Suggestion | null;
    gaps?: CoverageGap[];
    dnsChain?: string[];
  } = {},
): Verdict {
  return {
    status,
    message,
    resource: extra.resource ?? null,
    suggestion: extra.suggestion ?? null,
    gaps: extra.gaps ?? NO_GAPS,
    dnsChain: extra.dnsChain ?? NO_CHAIN,
  };
}

/** "i-0abc (eu-west-1, account 111122223333)" */
export function where(r: Resource): string {
  return r.region === null ? `account ${r.account}` : `${r.region}, account ${r.account}`;
}

/** "is stopped" / "is in state 'failed'" */
export function stateWords(r: Resource): string {
  const s = (r.state ?? '').toLowerCase();
  return s === 'stopped' || s === 'stopping' || s === 'terminated'
    ? `is ${s}`
    : `is in state '${r.state ?? ''}'`;
}
