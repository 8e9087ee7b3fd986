import { awsError } from '../../test/support/fake-aws';
import { trustPolicySts } from '../../test/support/trust-policy-sts';
import {
  accountOfRoleArn,
  AssumeRoleError,
  ConfusedDeputyError,
  connectRole,
  roleCredentials,
  samePrincipal,
  sessionNameFor,
  type AssumeRoleRequest,
  type RoleAssumer,
} from './sts';

const ROLE = 'arn:aws:iam::123456789012:role/runbookguard';
const VENDOR_ACCOUNT = '999988887777';
const EXTERNAL_ID = 'A'.repeat(32);
const CREDS = { accessKeyId: 'ASIAFAKE', secretAccessKey: 'very-secret', sessionToken: 'token' };

/** An STS that honours (or, when unguarded, ignores) the External ID condition. */
function fakeSts(options: { unguarded?: boolean; failWith?: Error; expiresInMs?: number } = {}) {
  const requests: AssumeRoleRequest[] = [];
  const assumer: RoleAssumer = {
    assumeRole: (request) => {
      requests.push(request);
      if (options.failWith) return Promise.reject(options.failWith);
      if (request.externalId !== EXTERNAL_ID && !options.unguarded)
        return Promise.reject(awsError('AccessDenied', 403));
      const expiration = new Date(Date.now() + (options.expiresInMs ?? 3600_000));
      return Promise.resolve({ ...CREDS, expiration });
    },
  };
  return { assumer, requests };
}

describe('connectRole (confused-deputy guidance)', () => {
  const request = { roleArn: ROLE, externalId: EXTERNAL_ID, sessionName: 's' };

  it('tries without the External ID, then with a wrong one, then connects with the right one', async () => {
    const sts = trustPolicySts({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } });
    const provider = await connectRole(sts, request, VENDOR_ACCOUNT);
    const [none, wrong, right] = sts.requests.map((r) => r.externalId);
    expect(none).toBeUndefined();
    expect(wrong).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(wrong).not.toBe(EXTERNAL_ID);
    expect(right).toBe(EXTERNAL_ID);
    expect(sts.requests).toHaveLength(3);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'ASIAFAKE' });
  });

  it('refuses a role whose trust policy does not require the External ID', async () => {
    const sts = trustPolicySts({});
    await expect(connectRole(sts, request, VENDOR_ACCOUNT)).rejects.toMatchObject({
      name: 'ConfusedDeputyError',
      reason: 'no-external-id',
    });
    expect(sts.requests).toHaveLength(1);
  });

  // Issue 14 item 5: both policies pass the no-External-ID probe, so the previous check connected them.
  it.each([
    ['StringLike "*"', { StringLike: { 'sts:ExternalId': '*' } }],
    ['Null "false"', { Null: { 'sts:ExternalId': 'false' } }],
  ] as const)('refuses a trust policy any External ID passes: %s', async (_, condition) => {
    const sts = trustPolicySts(condition);
    const error = await connectRole(sts, request, VENDOR_ACCOUNT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfusedDeputyError);
    expect(error).toMatchObject({ reason: 'any-external-id' });
    // Never connected with the real ID: the wrong one was the last thing tried.
    expect(sts.requests.map((r) => r.externalId)).not.toContain(EXTERNAL_ID);
  });

  it('the wrong External ID is fresh and never the right one, even if the source repeats it', async () => {
    const sts = trustPolicySts({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } });
    const draws = [EXTERNAL_ID, EXTERNAL_ID, 'B'.repeat(32)];
    await connectRole(sts, request, VENDOR_ACCOUNT, () => draws.shift() ?? 'C'.repeat(32));
    expect(sts.requests[1]?.externalId).toBe('B'.repeat(32));
  });

  it("refuses a role in the vendor's own account before calling STS", async () => {
    const sts = trustPolicySts({ StringEquals: { 'sts:ExternalId': EXTERNAL_ID } });
    await expect(
      connectRole(sts, { ...request, roleArn: `arn:aws:iam::${VENDOR_ACCOUNT}:role/x` }, VENDOR_ACCOUNT),
    ).rejects.toMatchObject({ reason: 'vendor-account' });
    expect(sts.requests).toHaveLength(0);
  });

  it('does not connect when the check itself cannot run, and never echoes secrets', async () => {
    const sts = fakeSts({ failWith: awsError('InternalFailure', 500) });
    const error = await connectRole(sts.assumer, request, VENDOR_ACCOUNT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssumeRoleError);
    expect(String(error)).not.toContain(EXTERNAL_ID);
  });
});

describe('samePrincipal', () => {
  it('matches a user by ARN and a role by its assumed-role session ARN', () => {
    const user = 'arn:aws:iam::999988887777:user/runbookguard-vendor';
    expect(samePrincipal(user, user)).toBe(true);
    expect(samePrincipal('arn:aws:iam::999988887777:user/other', user)).toBe(false);
    const role = 'arn:aws:iam::999988887777:role/path/rg-vendor';
    expect(samePrincipal('arn:aws:sts::999988887777:assumed-role/rg-vendor/session-1', role)).toBe(true);
    expect(samePrincipal('arn:aws:sts::111122223333:assumed-role/rg-vendor/session-1', role)).toBe(false);
    expect(samePrincipal('arn:aws:sts::999988887777:assumed-role/rg-vendor2/s', role)).toBe(false);
  });
});

describe('roleCredentials', () => {
  it('assumes once and reuses the session until it nears expiry', async () => {
    let now = Date.now();
    const sts = fakeSts({ expiresInMs: 3600_000 });
    const provider = roleCredentials(
      sts.assumer,
      { roleArn: ROLE, externalId: EXTERNAL_ID, sessionName: 's' },
      () => now,
    );
    await provider();
    await provider();
    expect(sts.requests).toHaveLength(1);
    now += 56 * 60_000;
    await provider();
    expect(sts.requests).toHaveLength(2);
  });
});

describe('helpers', () => {
  it('session names keep to STS characters and length', () => {
    expect(sessionNameFor('acme corp/prod:1')).toBe('runbookguard-acme-corp-prod-1');
    expect(sessionNameFor('x'.repeat(100))).toHaveLength(64);
    expect(sessionNameFor('ok')).toMatch(/^[\w+=,.@-]{2,64}$/);
  });

  it('reads the account from a role ARN', () => {
    expect(accountOfRoleArn(ROLE)).toBe('123456789012');
    expect(() => accountOfRoleArn('arn:aws:iam::123:user/x')).toThrow();
  });
});
