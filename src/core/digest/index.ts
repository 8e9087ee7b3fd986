/** The weekly digest as data: pure, no mail or rendering code (src/email renders it). */
export { buildDigest, ITEMS_PER_SPACE, MOST_AFFECTED_PAGES, SPACES_SHOWN } from './model';
export { MAX_UNREFERENCED_KEYS, parseDigestState } from './state';
export { subjectOf } from './subject';
export { resourceKey, unreferencedResources } from './unreferenced';
export * from './types';
export { isoWeek } from './week';
