import type { ReferenceType } from '../types';

/** One reference found in a block of text, before page-level merging. */
export interface Candidate {
  type: ReferenceType;
  value: string;
  /** Span of the text this candidate claims; lower-priority rules may not match inside it. */
  start: number;
  end: number;
  /** Region stated on the reference itself (ARN, endpoint, URL), else null. */
  region: string | null;
  account: string | null;
  /** Another spelling of the same resource (the endpoint or DNS name). */
  alias: string | null;
  placeholder: boolean;
  /**
   * False for references whose region must come from the reference itself (S3 buckets ignore
   * `--region`; accounts and hostnames never carry a region).
   */
  acceptsCommandRegion: boolean;
  acceptsContextRegion: boolean;
  /** Claims its span (so no later rule reads it) without being a reference: sqs/ecr hosts, AWS web sites. */
  claimOnly: boolean;
  /**
   * Hostnames only: whether the text around it uses the name as a host (a command, a port, a DNS
   * record) or merely mentions it. The page decides from this which domains are the organisation's.
   */
  hostEvidence: 'operational' | 'mention' | null;
}

/** A region that applies to every candidate inside [start, end) (console URLs). */
export interface RegionScope {
  start: number;
  end: number;
  region: string;
}

export interface RuleOutput {
  candidates: Candidate[];
  scopes: RegionScope[];
}

export interface RuleExample {
  text: string;
  expect: Array<{ type: ReferenceType; value: string; region?: string | null; placeholder?: boolean }>;
}

/**
 * An extraction rule is data: what it recognises, the cheap substrings that must be present for
 * it to run at all (most text has none), and examples that double as its unit tests.
 */
export interface ExtractionRule {
  id: string;
  types: readonly ReferenceType[];
  description: string;
  /** A cheap test: the rule runs only on blocks it matches (most text has nothing for most rules). */
  gate: RegExp;
  find(text: string, out: RuleOutput): void;
  examples: { positive: readonly RuleExample[]; negative: readonly string[] };
}

export function candidate(
  fields: Pick<Candidate, 'type' | 'value' | 'start' | 'end'> & Partial<Candidate>,
): Candidate {
  // Spelled out rather than spread over defaults: this runs for every match, and a literal
  // with a fixed shape is much cheaper for V8 than an object spread.
  return {
    type: fields.type,
    value: fields.value,
    start: fields.start,
    end: fields.end,
    region: fields.region ?? null,
    account: fields.account ?? null,
    alias: fields.alias ?? null,
    placeholder: fields.placeholder ?? false,
    acceptsCommandRegion: fields.acceptsCommandRegion ?? true,
    acceptsContextRegion: fields.acceptsContextRegion ?? true,
    claimOnly: fields.claimOnly ?? false,
    hostEvidence: fields.hostEvidence ?? null,
  };
}

/** Characters that may trail a token in prose but never end an identifier. */
export function trimTrailingPunctuation(text: string, start: number, end: number): number {
  while (end > start && '.,;:!?)]}\'"`*'.includes(text[end - 1] ?? '')) end--;
  return end;
}

/** A span no later rule may read, producing no reference. */
export function claim(start: number, end: number): Candidate {
  return candidate({ type: 'hostname', value: '', start, end, claimOnly: true });
}
