import { z } from 'zod';

/** Value sets and field schemas that every part of the resolver contract shares. */
export const fingerprint = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a finding fingerprint');
export const pageId = z
  .string()
  .max(32)
  .regex(/^\d{1,32}$/, 'not a page id');
export const reason = z.string().trim().min(1, 'a reason is required').max(1000);
export const FINDING_STATUS_VALUES = ['open', 'acknowledged', 'suppressed', 'resolved', 'reopened'] as const;
export const FINDING_KIND_VALUES = [
  'missing',
  'wrong-region',
  'not-running',
  'dangling',
  'unverifiable',
] as const;
export const SEVERITY_VALUES = ['error', 'warning', 'info'] as const;
export { REGION, ROLE_ARN } from './settings-values';
