import type { PageReferenceView, PageReport } from '../../src/shared/contract-dashboard';
import { PROBLEM_STATES, STATE_ORDER, type ReferenceState } from '../../src/shared/page-summary';

/**
 * What the runbook page's views (macro, byline dialog) show for each reference state: the
 * lozenge's words and colour (words always, colour never alone), and the group's heading.
 */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

export interface StateMeta {
  label: string;
  appearance: LozengeAppearance;
  heading: string;
  description: string;
}

export const STATE_META: Record<ReferenceState, StateMeta> = {
  stale: {
    label: 'Stale',
    appearance: 'removed',
    heading: 'Stale',
    description: 'Not found in any AWS account or region RunbookGuard could see.',
  },
  dangling: {
    label: 'Dangling',
    appearance: 'removed',
    heading: 'Dangling',
    description: 'A DNS name that points at something that no longer exists.',
  },
  'wrong-region': {
    label: 'Wrong region',
    appearance: 'moved',
    heading: 'Wrong region',
    description: 'It exists, but not in the region or account the page says.',
  },
  'not-running': {
    label: 'Not running',
    appearance: 'moved',
    heading: 'Not running',
    description: 'It exists, but is stopped or not serving.',
  },
  unverifiable: {
    label: 'Unverifiable',
    appearance: 'default',
    heading: 'Unverifiable',
    description: 'RunbookGuard could not see enough of AWS to confirm or refute these.',
  },
  'not-checked': {
    label: 'Not checked',
    appearance: 'new',
    heading: 'Not checked yet',
    description: 'Found on the page, but not matched against AWS yet.',
  },
  placeholder: {
    label: 'Placeholder',
    appearance: 'default',
    heading: 'Placeholders',
    description: 'Documentation examples such as i-1234567890abcdef0; never checked.',
  },
  verified: {
    label: 'Verified',
    appearance: 'success',
    heading: 'Verified',
    description: 'Found in AWS as written.',
  },
};

export interface ReferenceGroup {
  state: ReferenceState;
  references: PageReferenceView[];
  /** Problems and undecided states are open; verified and placeholders start folded into a count. */
  collapsed: boolean;
}

/** The references grouped by state, problems first, empty groups left out. */
export function groupReferences(report: Pick<PageReport, 'references'>): ReferenceGroup[] {
  return STATE_ORDER.map((state) => ({
    state,
    references: report.references.filter((r) => r.state === state),
    collapsed: state === 'verified' || state === 'placeholder',
  })).filter((g) => g.references.length > 0);
}

export const isProblem = (state: ReferenceState): boolean => PROBLEM_STATES.includes(state);

/** Where the reference sits: "eu-west-1 · 123456789012", or null when the page names neither. */
export function scopeOf(r: Pick<PageReferenceView, 'region' | 'account'>): string | null {
  const parts = [r.region, r.account].filter((p): p is string => p !== null && p !== '');
  return parts.length > 0 ? parts.join(' · ') : null;
}
