import type { PageReport } from './contract-dashboard';

/**
 * The words for one page's check, shared by the macro, the byline dialog and the byline title
 * (src/forge/entry/byline-properties.ts) so all three say the same thing. Zod-free: the Custom UI
 * bundles this module.
 */
export type ReferenceState = keyof PageReport['counts'];
export type StateCounts = PageReport['counts'];

/** Problems first (worst first), then what could not be decided, then the fine and the ignored. */
export const STATE_ORDER = [
  'stale',
  'dangling',
  'wrong-region',
  'not-running',
  'unverifiable',
  'not-checked',
  'placeholder',
  'verified',
] as const satisfies readonly ReferenceState[];

/** States a runbook author must fix: the reference is wrong as written. */
export const PROBLEM_STATES: readonly ReferenceState[] = ['stale', 'dangling', 'wrong-region', 'not-running'];

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** One kind of problem, said whole: "3 stale references", "1 reference in the wrong region". */
const PHRASE: Record<Exclude<ReferenceState, 'verified' | 'placeholder'>, (n: number) => string> = {
  stale: (n) => plural(n, 'stale reference', 'stale references'),
  dangling: (n) => plural(n, 'dangling reference', 'dangling references'),
  'wrong-region': (n) => `${plural(n, 'reference', 'references')} in the wrong region`,
  'not-running': (n) => `${plural(n, 'reference', 'references')} to something not running`,
  unverifiable: (n) => plural(n, 'unverifiable reference', 'unverifiable references'),
  'not-checked': (n) => `${plural(n, 'reference', 'references')} not checked yet`,
};

/** The same kinds, short, for a list: "3 stale, 1 wrong region". */
const SHORT: Record<keyof typeof PHRASE, string> = {
  stale: 'stale',
  dangling: 'dangling',
  'wrong-region': 'wrong region',
  'not-running': 'not running',
  unverifiable: 'unverifiable',
  'not-checked': 'not checked',
};

const ATTENTION = [...STATE_ORDER].filter(
  (s): s is keyof typeof PHRASE => s !== 'verified' && s !== 'placeholder',
);

/**
 * The page's state in one line: "3 stale references", "All 12 references verified",
 * "4 references need attention: 3 stale, 1 wrong region". Placeholders are never counted.
 */
export function pageSummary(counts: StateCounts, lastCheckedAt: number | null): string {
  const checkable = ATTENTION.reduce((n, s) => n + counts[s], counts.verified);
  if (lastCheckedAt === null && counts.verified === 0) return 'Not checked yet';
  if (checkable === 0) return 'No AWS references on this page';
  const kinds = ATTENTION.filter((s) => counts[s] > 0);
  const [only] = kinds;
  if (only === undefined) return `All ${plural(counts.verified, 'reference', 'references')} verified`;
  if (kinds.length === 1) return PHRASE[only](counts[only]);
  const total = kinds.reduce((n, s) => n + counts[s], 0);
  const detail = kinds.map((s) => `${counts[s]} ${SHORT[s]}`).join(', ');
  return `${plural(total, 'reference needs', 'references need')} attention: ${detail}`;
}

/** The byline item's title: short, the worst news first ("RunbookGuard: 3 stale"). */
export function bylineTitle(counts: StateCounts, lastCheckedAt: number | null): string {
  if (lastCheckedAt === null) return 'RunbookGuard';
  const problems = PROBLEM_STATES.filter((s) => counts[s] > 0);
  const [only] = problems;
  if (only !== undefined) {
    if (problems.length === 1) return `RunbookGuard: ${counts[only]} ${SHORT[only as keyof typeof SHORT]}`;
    const total = problems.reduce((n, s) => n + counts[s], 0);
    return `RunbookGuard: ${plural(total, 'problem', 'problems')}`;
  }
  if (counts.unverifiable > 0) return `RunbookGuard: ${counts.unverifiable} unverifiable`;
  if (counts.verified > 0 && counts['not-checked'] === 0) return 'RunbookGuard: all verified';
  return 'RunbookGuard';
}
