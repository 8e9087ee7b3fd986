import { awsError } from '../../test/support/fake-aws';
import { AwsApiError, mapAwsError } from './errors';

describe('mapAwsError', () => {
  it.each([
    ['AccessDenied', 403, 'access-denied', false],
    ['AccessDeniedException', 400, 'access-denied', false],
    ['UnauthorizedOperation', 403, 'access-denied', false],
    ['AuthFailure', 401, 'region-disabled', false],
    ['UnrecognizedClientException', 400, 'region-disabled', false],
    ['InvalidClientTokenId', 403, 'region-disabled', false],
    ['OptInRequired', 403, 'region-disabled', false],
    ['Throttling', 400, 'throttled', true],
    ['RequestLimitExceeded', 503, 'throttled', true],
    ['TooManyRequestsException', 429, 'throttled', true],
    ['SlowDown', 503, 'throttled', true],
    ['TimeoutError', 0, 'timeout', true],
    ['InternalError', 500, 'server', true],
    ['ValidationError', 400, 'failed', false],
  ] as const)('%s (%i) → %s, retryable %s', (code, status, kind, retryable) => {
    const e = mapAwsError(awsError(code, status));
    expect(e).toBeInstanceOf(AwsApiError);
    expect({ kind: e.kind, retryable: e.retryable, code: e.code }).toEqual({ kind, retryable, code });
  });

  it('treats a bare 403 the SDK could not parse (REST XML denial) as access denied', () => {
    const e = mapAwsError(
      Object.assign(new Error('Deserialization error'), { $metadata: { httpStatusCode: 403 } }),
    );
    expect(e.kind).toBe('access-denied');
  });

  it('maps transport errors by their Node code', () => {
    expect(mapAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind).toBe(
      'timeout',
    );
  });

  it('maps coverage outcomes: only denial and disabled regions are named, the rest failed', () => {
    expect(mapAwsError(awsError('AccessDenied', 403)).coverageOutcome).toBe('access-denied');
    expect(mapAwsError(awsError('AuthFailure', 401)).coverageOutcome).toBe('region-disabled');
    expect(mapAwsError(awsError('Throttling')).coverageOutcome).toBe('failed');
  });

  it('survives anything thrown', () => {
    expect(mapAwsError('a string').kind).toBe('failed');
    expect(mapAwsError(undefined).code).toBe('Unknown');
    const e = awsError('AccessDenied', 403);
    expect(mapAwsError(mapAwsError(e))).toEqual(mapAwsError(e));
  });
});
