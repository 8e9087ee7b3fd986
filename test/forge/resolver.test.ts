import type { Route } from '@forge/api';
import type { ConfluenceFetch, ConfluenceResponse } from '../../src/confluence/client';
import type { AppDeps } from '../../src/forge/deps';
import { AppError } from '../../src/forge/errors';
import { createLogger, redact } from '../../src/forge/log';
import { buildResolver, type ResolverImpls } from '../../src/forge/resolvers/dispatch';
import { resolverImpls } from '../../src/forge/resolvers/impls';
import type { SqlExecutor, SqlValue } from '../../src/store/executor';
import { LATEST_MIGRATION } from '../../src/store/migrations';

/** A Confluence that answers by path, recording every path it was asked. */
function fakeConfluence(answers: Record<string, unknown>, seen: string[]): ConfluenceFetch {
  return (path: Route): Promise<ConfluenceResponse> => {
    seen.push(path.value);
    const key = Object.keys(answers).find((k) => path.value.startsWith(k));
    const body = key === undefined ? null : answers[key];
    return Promise.resolve({
      status: key === undefined ? 404 : 200,
      headers: { get: () => null },
      json: () => Promise.resolve(body),
      text: () => Promise.resolve(JSON.stringify(body)),
    });
  };
}

function fakeDeps(options: {
  siteAdmin: boolean;
  lines?: string[];
  statements?: [string, readonly SqlValue[]][];
}) {
  const seen: string[] = [];
  const statements = options.statements ?? [];
  const db: SqlExecutor = {
    query: () => Promise.resolve([]),
    execute: (sql, params = []) => {
      statements.push([sql, params]);
      return Promise.resolve({ affectedRows: 1 });
    },
  };
  const operations = options.siteAdmin ? [{ operation: 'administer', targetType: 'application' }] : [];
  const confluence = fakeConfluence({ '/wiki/rest/api/user/current': { operations } }, seen);
  const deps: AppDeps = {
    db,
    confluence: { asUser: () => confluence, asApp: () => confluence },
    kv: {
      get: () => Promise.resolve(LATEST_MIGRATION),
      set: () => Promise.resolve(),
      setIfAbsent: () => Promise.resolve(false),
    },
    queue: { push: () => Promise.resolve() },
    log: createLogger(
      () => ['super-secret-value-123'],
      (l) => options.lines?.push(l),
    ),
    aws: {
      connect: () => Promise.resolve(),
      collect: () => Promise.reject(new Error('no AWS here')),
      testConnection: () => Promise.reject(new Error('no AWS here')),
    },
    installId: 'test-install',
    now: () => 42,
  };
  return { deps, seen, statements };
}

function invoke(
  handler: ReturnType<typeof buildResolver>,
  functionKey: string,
  payload: unknown,
  accountId = 'u-1',
) {
  return handler({ call: { functionKey, payload }, context: {} }, { principal: { accountId } });
}

test('getStatus answers in the envelope, with the admin check made as the user', async () => {
  const { deps, seen } = fakeDeps({ siteAdmin: true });
  const handler = buildResolver(resolverImpls, () => deps);
  expect(await invoke(handler, 'getStatus', {})).toEqual({
    ok: true,
    data: { isSiteAdmin: true, schemaVersion: LATEST_MIGRATION, schemaCurrent: true },
  });
  expect(seen).toEqual(['/wiki/rest/api/user/current?expand=operations']);
});

test('payloads are validated: unknown fields are INVALID_PAYLOAD, not ignored', async () => {
  const handler = buildResolver(resolverImpls, () => fakeDeps({ siteAdmin: true }).deps);
  expect(await invoke(handler, 'getStatus', { extra: 1 })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_PAYLOAD' },
  });
});

test('an unknown function answers UNKNOWN_FUNCTION instead of throwing', async () => {
  const handler = buildResolver(resolverImpls, () => fakeDeps({ siteAdmin: true }).deps);
  expect(await invoke(handler, 'dropTables', {})).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_FUNCTION' },
  });
});

test('a denied call is answered FORBIDDEN and written to the audit log', async () => {
  const statements: [string, readonly SqlValue[]][] = [];
  const { deps } = fakeDeps({ siteAdmin: false, statements });
  const impls: ResolverImpls = {
    ...resolverImpls,
    getStatus: () => Promise.reject(new AppError('FORBIDDEN', 'site admins only')),
  };
  expect(
    await invoke(
      buildResolver(impls, () => deps),
      'getStatus',
      {},
      'u-9',
    ),
  ).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: 'site admins only' },
  });
  expect(statements).toHaveLength(1);
  expect(statements[0]?.[0]).toMatch(/^INSERT INTO rg_audit_log/);
  expect(statements[0]?.[1]).toEqual([42, 'u-9', 'getStatus', null, 'denied', null]);
});

test('unexpected errors are INTERNAL with no details, and the log line is redacted', async () => {
  const lines: string[] = [];
  const { deps } = fakeDeps({ siteAdmin: true, lines });
  const impls: ResolverImpls = {
    ...resolverImpls,
    getStatus: () => Promise.reject(new Error('boom with super-secret-value-123 and AKIAABCDEFGHIJKLMNOP')),
  };
  const answer = await invoke(
    buildResolver(impls, () => deps),
    'getStatus',
    {},
  );
  expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) as string } });
  expect(JSON.stringify(answer)).not.toContain('boom');
  expect(lines.join('\n')).toContain('boom');
  expect(lines.join('\n')).not.toMatch(/super-secret-value-123|AKIAABCDEFGHIJKLMNOP/);
});

test('redact masks known secrets and AWS/Resend key shapes', () => {
  expect(redact('k=AKIAABCDEFGHIJKLMNOP r=re_abcdefghijklmnop1234 s=topsecret!', ['topsecret!'])).toBe(
    'k=[redacted] r=[redacted] s=[redacted]',
  );
});
