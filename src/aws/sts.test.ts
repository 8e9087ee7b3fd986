import { awsError } from '../../test/support/fake-aws';
import {
  accountOfRoleArn,
  AssumeRoleError,
  ConfusedDeputyError,
  connectRole,
  roleCredentials,
  sessionNameFor,
  type AssumeRoleRequest,
  type RoleAssumer,
} from './sts';

const ROLE = 'arn:aws:iam::123456789012:role/runbookguard';
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
  it('first tries without the External ID, then connects with it', async () => {
    const sts = fakeSts();
    const provider = await connectRole(sts.assumer, {
      roleArn: ROLE,
      externalId: EXTERNAL_ID,
      sessionName: 's',
    });
    expect(sts.requests.map((r) => r.externalId)).toEqual([undefined, EXTERNAL_ID]);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'ASIAFAKE' });
  });

  it('refuses a role whose trust policy does not require the External ID', async () => {
    const sts = fakeSts({ unguarded: true });
    await expect(
      connectRole(sts.assumer, { roleArn: ROLE, externalId: EXTERNAL_ID, sessionName: 's' }),
    ).rejects.toBeInstanceOf(ConfusedDeputyError);
    expect(sts.requests).toHaveLength(1);
  });

  it('does not connect when the check itself cannot run, and never echoes secrets', async () => {
    const sts = fakeSts({ failWith: awsError('InternalFailure', 500) });
    const error = await connectRole(sts.assumer, {
      roleArn: ROLE,
      externalId: EXTERNAL_ID,
      sessionName: 's',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssumeRoleError);
    expect(String(error)).not.toContain(EXTERNAL_ID);
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
