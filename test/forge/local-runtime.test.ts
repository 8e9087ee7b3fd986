import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { confluenceService, newConfluenceModel, type LocalPage } from '../../src/local/confluence-service';
import { kvsService, newKvsStore } from '../../src/local/kvs-service';
import { LocalQueue, QueueCrashed } from '../../src/local/queue-service';
import { installLocalRuntime, runAs } from '../../src/local/runtime';

// The globals go in before @forge/* is loaded (@forge/kvs reads __forge_runtime__ at import time).
const file = path.join(mkdtempSync(path.join(tmpdir(), 'rg-kvs-')), 'kvs.json');
const store = newKvsStore(file);
const pages: LocalPage[] = Array.from({ length: 7 }, (_, i) => ({
  id: String(100 + i),
  title: `Page ${i}`,
  spaceId: i < 4 ? '1' : '2',
  version: { number: 1 },
  body: { storage: { value: `<p>page ${i}</p>` } },
}));
const model = newConfluenceModel(pages, { alice: { siteAdmin: true, spaceAdmin: ['1'] }, bob: {} });
model.restrictions['106'] = ['alice'];
const queue = new LocalQueue({ maxAttempts: 3 });
const uninstall = installLocalRuntime({
  services: [kvsService(store, file), queue.service(), confluenceService(model)],
});
/* eslint-disable @typescript-eslint/no-require-imports -- loaded after the globals, on purpose */
const { kvs } = require('@forge/kvs') as typeof import('@forge/kvs');
const { Queue } = require('@forge/events') as typeof import('@forge/events');
const { default: api, route } = require('@forge/api') as typeof import('@forge/api');
/* eslint-enable @typescript-eslint/no-require-imports */
afterAll(() => uninstall());

describe('KVS', () => {
  test('set, get, delete through @forge/kvs; a missing key is undefined; the file keeps values', async () => {
    expect(await kvs.get('nothing')).toBeUndefined();
    await kvs.set('settings', { accounts: [1, 2] });
    expect(await kvs.get('settings')).toEqual({ accounts: [1, 2] });
    expect(newKvsStore(file).values.get('settings')).toEqual({ accounts: [1, 2] });
    await kvs.delete('settings');
    expect(await kvs.get('settings')).toBeUndefined();
  });

  test('secrets are kept apart and never written to the file', async () => {
    await kvs.setSecret('token', 's3cr3t-value');
    expect(await kvs.getSecret('token')).toBe('s3cr3t-value');
    expect(await kvs.get('token')).toBeUndefined();
    await kvs.set('other', 1);
    expect(JSON.stringify(newKvsStore(file).values.get('token') ?? null)).toBe('null');
  });
});

describe('queue', () => {
  test('delivers pushed events at least once, retrying a consumer that throws', async () => {
    const seen: unknown[] = [];
    let failures = 1;
    queue.consume('q-retry', (event) => {
      seen.push(event.body);
      if (failures-- > 0) return Promise.reject(new Error('transient'));
      return Promise.resolve();
    });
    await new Queue({ key: 'q-retry' }).push([{ body: { n: 1 } }]);
    await queue.drain();
    expect(seen).toEqual([{ n: 1 }, { n: 1 }]);
    expect(queue.deadLetters).toEqual([]);
  });

  test('an InvocationError answer (the documented retry request) is delivered again with its retry context', async () => {
    const { InvocationError, InvocationErrorCode } = await import('@forge/events');
    const seen: (number | undefined)[] = [];
    queue.consume('q-invocation-error', (event) => {
      seen.push(event.retryContext?.retryCount);
      return Promise.resolve(
        seen.length === 1
          ? new InvocationError({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
          : undefined,
      );
    });
    await new Queue({ key: 'q-invocation-error' }).push([{ body: { n: 1 } }]);
    await queue.drain();
    expect(seen).toEqual([undefined, 1]);
  });

  test('Forge limits: @forge/events refuses more than 50 events per push', async () => {
    const events = Array.from({ length: 51 }, (_, i) => ({ body: { i } }));
    await expect(new Queue({ key: 'q-limit' }).push(events)).rejects.toThrow();
  });

  test('faults: a duplicate delivers twice; a crash loses every pending event', async () => {
    const seen: number[] = [];
    // One at a time, so "the third delivery" is well defined.
    const faulty = new LocalQueue({
      parallelism: 1,
      fault: (_e, n) => (n === 0 ? 'duplicate' : n === 2 ? 'crash' : 'none'),
    });
    faulty.consume('q', (e) => {
      seen.push(e.body.n as number);
      return Promise.resolve();
    });
    const restore = installLocalRuntime({ services: [faulty.service()] });
    try {
      await new Queue({ key: 'q' }).push([{ body: { n: 1 } }, { body: { n: 2 } }, { body: { n: 3 } }]);
      await expect(faulty.drain()).rejects.toBeInstanceOf(QueueCrashed);
      expect(seen).toEqual([1, 1]);
      expect(faulty.pending).toEqual([]);
    } finally {
      restore();
      installLocalRuntime({ services: [kvsService(store, file), queue.service(), confluenceService(model)] });
    }
  });
});

describe('Confluence', () => {
  const list = async (
    as: string,
    ids: string,
  ): Promise<{ results: { id: string }[]; _links: { next?: string } }> => {
    const r = await runAs(as, () => api.asUser().requestConfluence(route`/wiki/api/v2/pages?id=${ids}`));
    return (await r.json()) as { results: { id: string }[]; _links: { next?: string } };
  };

  test('the page list pages with cursors and carries storage bodies only when asked', async () => {
    const first = await api
      .asApp()
      .requestConfluence(route`/wiki/api/v2/pages?body-format=storage&limit=${5}`);
    const body = (await first.json()) as {
      results: { id: string; body?: unknown }[];
      _links: { next?: string };
    };
    expect(body.results.map((p) => p.id)).toEqual(['100', '101', '102', '103', '104']);
    expect(body.results[0]?.body).toEqual({ storage: { value: '<p>page 0</p>', representation: 'storage' } });
    const cursor = new URL(body._links.next ?? '', 'http://x').searchParams.get('cursor') ?? '';
    const second = await api
      .asApp()
      .requestConfluence(route`/wiki/api/v2/pages?body-format=storage&limit=${5}&cursor=${cursor}`);
    const rest = (await second.json()) as { results: { id: string }[]; _links: { next?: string } };
    expect(rest.results.map((p) => p.id)).toEqual(['105', '106']);
    expect(rest._links.next).toBeUndefined();
  });

  test('asUser sees only what the user may view; unknown users see nothing', async () => {
    expect((await list('alice', '105,106')).results.map((p) => p.id)).toEqual(['105', '106']);
    expect((await list('bob', '105,106')).results.map((p) => p.id)).toEqual(['105']);
    expect((await list('mallory', '105,106')).results).toEqual([]);
  });

  test('site and space admin operations follow the user model', async () => {
    const ops = async (who: string, path: ReturnType<typeof route>) =>
      (await (await runAs(who, () => api.asUser().requestConfluence(path))).json()) as {
        operations: unknown[];
      };
    expect((await ops('alice', route`/wiki/rest/api/user/current?expand=operations`)).operations).toEqual([
      { operation: 'administer', targetType: 'application' },
    ]);
    expect((await ops('bob', route`/wiki/rest/api/user/current?expand=operations`)).operations).toEqual([]);
    expect((await ops('alice', route`/wiki/api/v2/spaces/${'1'}/operations`)).operations).toContainEqual({
      operation: 'administer',
      targetType: 'space',
    });
    expect((await ops('alice', route`/wiki/api/v2/spaces/${'2'}/operations`)).operations).not.toContainEqual({
      operation: 'administer',
      targetType: 'space',
    });
  });

  test('throttling answers 429 with Retry-After', async () => {
    model.throttle = { remaining: 1, retryAfterSeconds: 7 };
    const r = await api.asApp().requestConfluence(route`/wiki/api/v2/pages/${'100'}`);
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe('7');
    expect((await api.asApp().requestConfluence(route`/wiki/api/v2/pages/${'100'}`)).status).toBe(200);
  });
});
