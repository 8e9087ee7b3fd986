import type { AppDeps, KeyValue } from '../../src/forge/deps';
import { DIGEST_KEYS } from '../../src/forge/digest/kvs-ports';
import { weeklyDigestOptions } from '../../src/forge/digest/forge';
import { runWeeklyDigest } from '../../src/forge/digest/run';
import { createLogger } from '../../src/forge/log';
import type { SqlValue } from '../../src/store/executor';

// The Forge collaborators, with the platform faked at its ports: what the weekly trigger builds.
function fakeDeps() {
  const data = new Map<string, unknown>();
  const executed: { sql: string; params: readonly SqlValue[] }[] = [];
  const kv: KeyValue = {
    get: (key) => Promise.resolve(data.get(key)),
    set: (key, value) => {
      data.set(key, value);
      return Promise.resolve();
    },
    setIfAbsent: (key, value) => {
      if (data.has(key)) return Promise.resolve(false);
      data.set(key, value);
      return Promise.resolve(true);
    },
  };
  const deps = {
    db: {
      // No snapshot pointer yet: the store is empty.
      query: () => Promise.resolve([]),
      execute: (sql: string, params: readonly SqlValue[] = []) => {
        executed.push({ sql, params });
        return Promise.resolve({ affectedRows: 1 });
      },
    },
    confluence: {
      asUser: () => () => Promise.reject(new Error('not used')),
      asApp: () => () =>
        Promise.resolve({
          status: 200,
          headers: { get: () => null },
          json: () => Promise.resolve({ results: [], _links: { base: 'https://acme.atlassian.net/wiki' } }),
          text: () => Promise.resolve(''),
        }),
    },
    kv,
    queue: { push: () => Promise.resolve() },
    log: createLogger(
      () => [],
      () => undefined,
    ),
    installId: 'install-1',
    now: () => Date.parse('2026-11-23T07:00:00Z'),
  } as unknown as AppDeps;
  return { deps, data, executed };
}

describe('weeklyDigestOptions (Forge wiring)', () => {
  it('takes the site from Confluence, makes a signing key once, and reads the key only from the env', async () => {
    const { deps, data } = fakeDeps();
    const without = await weeklyDigestOptions(deps, {});
    expect(without.installName).toBe('acme.atlassian.net');
    expect(without.dashboardUrl).toBe('https://acme.atlassian.net/wiki');
    expect(without.mailer).toBeNull();
    // Outside Forge there is no web trigger URL: nothing may be sent without an opt-out link.
    expect(without.optOutBaseUrl).toBeNull();
    const key = data.get(DIGEST_KEYS.signingKey);
    expect(typeof key).toBe('string');
    const withKey = await weeklyDigestOptions(deps, { RG_RESEND_API_KEY: 're_0123456789abcdefghij' });
    expect(withKey.mailer).not.toBeNull();
    expect(withKey.signingKey).toBe(key);
    expect(JSON.stringify(withKey)).not.toContain('re_0123456789abcdefghij');
  });

  it('runs to "no scan yet" on an empty store and writes that to the audit log', async () => {
    const { deps, executed } = fakeDeps();
    const result = await runWeeklyDigest(await weeklyDigestOptions(deps, {}));
    expect(result).toMatchObject({ status: 'no-scan-yet', week: '2026-W48' });
    expect(executed).toHaveLength(1);
    expect(executed[0]?.sql).toMatch(/^INSERT INTO rg_audit_log/);
    expect(executed[0]?.params).toEqual([
      Date.parse('2026-11-23T07:00:00Z'),
      null,
      'digest.skip',
      '2026-W48',
      'success',
      'no scan has finished yet',
    ]);
  });
});
