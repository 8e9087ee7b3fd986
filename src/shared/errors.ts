/**
 * Error codes every resolver may answer with. Shared with the Custom UI (src/shared has no
 * platform imports), so the UI can branch on a code instead of parsing messages. Never rename one.
 */
export const ERROR_CODES = [
  /** The payload failed its schema; the message names the first offending field. */
  'INVALID_PAYLOAD',
  /** The caller lacks the permission this function needs (site admin, space admin, page view). */
  'FORBIDDEN',
  'NOT_FOUND',
  /** A scan is already running for this install; the UI should show its progress instead. */
  'SCAN_IN_PROGRESS',
  /** The app has no AWS account connected yet. */
  'NOT_CONFIGURED',
  /** Confluence or AWS answered 429 or throttled; retry later. */
  'RATE_LIMITED',
  /** Confluence or AWS failed in a way that is not the caller's fault. */
  'UPSTREAM_FAILED',
  /** The resolver asked for does not exist (UI and backend out of step). */
  'UNKNOWN_FUNCTION',
  /** The AWS role was refused: assumable without the External ID (confused deputy) or not at all. */
  'AWS_ROLE_REJECTED',
  /** Anything else; details are logged server-side, never returned. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
