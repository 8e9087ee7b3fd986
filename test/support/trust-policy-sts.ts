import type { AssumeRoleRequest, RoleAssumer } from '../../src/aws/sts';
import { awsError } from './fake-aws';

/**
 * An STS that evaluates a trust policy's sts:ExternalId condition the way AWS documents it, where
 * moto does not (it passes a MISSING value, see test/integration/least-privilege.test.ts):
 * - StringEquals / StringLike against a key the request lacks are false (no ...IfExists here);
 * - StringLike takes * and ? wildcards;
 * - Null {"sts:ExternalId": "false"} is true exactly when the request carries a value.
 * Every block must hold for the role to be assumed.
 */
export type ExternalIdCondition =
  | { StringEquals: { 'sts:ExternalId': string } }
  | { StringLike: { 'sts:ExternalId': string } }
  | { Null: { 'sts:ExternalId': 'true' | 'false' } }
  | Record<string, never>;

function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function conditionHolds(condition: ExternalIdCondition, externalId: string | undefined): boolean {
  if ('StringEquals' in condition) return externalId === condition.StringEquals['sts:ExternalId'];
  if ('StringLike' in condition)
    return externalId !== undefined && wildcard(condition.StringLike['sts:ExternalId']).test(externalId);
  if ('Null' in condition)
    return (externalId === undefined) === (condition.Null['sts:ExternalId'] === 'true');
  return true;
}

export function trustPolicySts(
  condition: ExternalIdCondition,
): RoleAssumer & { requests: AssumeRoleRequest[] } {
  const requests: AssumeRoleRequest[] = [];
  return {
    requests,
    assumeRole(request) {
      requests.push(request);
      if (!conditionHolds(condition, request.externalId))
        return Promise.reject(awsError('AccessDenied', 403));
      return Promise.resolve({
        accessKeyId: 'ASIAFAKE',
        secretAccessKey: 'very-secret',
        sessionToken: 'token',
        expiration: new Date(Date.now() + 3600_000),
      });
    },
  };
}
