import type { CoverageOutcome } from '../core/inventory/snapshot';

export type AwsErrorKind =
  'access-denied' | 'region-disabled' | 'throttled' | 'timeout' | 'server' | 'failed';

/** An AWS call that failed, reduced to what the collector decides on. Never carries credentials. */
export class AwsApiError extends Error {
  constructor(
    readonly kind: AwsErrorKind,
    /** AWS error code (AccessDenied, AuthFailure…) or the transport error name. */
    readonly code: string,
    /** True when trying again later may succeed (throttling, timeouts, 5xx). */
    readonly retryable: boolean,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'AwsApiError';
  }

  get coverageOutcome(): CoverageOutcome {
    if (this.kind === 'access-denied' || this.kind === 'region-disabled') return this.kind;
    return 'failed';
  }
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'Forbidden',
]);
// What AWS answers in a region the account has not opted into (or the service is absent from).
const REGION_DISABLED = new Set([
  'AuthFailure',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'OptInRequired',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'BandwidthLimitExceeded',
]);
const TIMEOUT = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
]);

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function statusOf(e: ErrorFields): number | null {
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** The one place AWS errors become typed errors; everything else switches on `kind`. */
export function mapAwsError(error: unknown): AwsApiError {
  if (error instanceof AwsApiError) return error;
  const e: ErrorFields = typeof error === 'object' && error !== null ? error : {};
  // Transport errors carry a Node code (ECONNRESET); service errors carry the AWS code as name.
  const code = str(e.Code) ?? str(e.code) ?? str(e.name) ?? 'Unknown';
  const status = statusOf(e);
  const message = (str(e.message) ?? String(error)).slice(0, 300);
  const make = (kind: AwsErrorKind, retryable: boolean) =>
    new AwsApiError(kind, code, retryable, message, status);

  if (ACCESS_DENIED.has(code)) return make('access-denied', false);
  if (REGION_DISABLED.has(code)) return make('region-disabled', false);
  if (THROTTLED.has(code) || status === 429) return make('throttled', true);
  if (TIMEOUT.has(code) || TIMEOUT.has(str(e.name) ?? '')) return make('timeout', true);
  // REST services sometimes answer a denial with a bare 403 whose body the SDK cannot parse.
  if (status === 403) return make('access-denied', false);
  if ((status !== null && status >= 500) || e.$fault === 'server') return make('server', true);
  return make('failed', false);
}
