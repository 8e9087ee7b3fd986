import type { Status } from './format';

/** What "open" means on the findings table: the server's default status filter. */
export const DEFAULT_STATUSES: Status[] = ['open', 'acknowledged', 'reopened'];
