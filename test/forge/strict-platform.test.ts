import { confluenceService, newConfluenceModel, type LocalPage } from '../../src/local/confluence-service';
import { egressMeterService } from '../../src/local/egress-meter';
import { kvsService, newKvsStore } from '../../src/local/kvs-service';
import { FORGE_LIMITS } from '../../src/local/limits';
import { ForgeLimitError, LocalPlatform } from '../../src/local/platform';
import { LocalQueue } from '../../src/local/queue-service';
import type { ServiceHandler } from '../../src/local/runtime';

/**
 * The strict local platform refuses what Forge refuses, with the errors the real SDKs raise: each
 * limit is driven over its edge here through the unmodified @forge/* packages.
 */
const pages: LocalPage[] = Array.from({ length: 30 }, (_, i) => ({
  id: String(100 + i),
  title: `Page ${i}`,
  spaceId: '1',
  version: { number: 1 },
  body: { storage: { value: `<p>page ${i}</p>` } },
}));

let platform: LocalPlatform;
let queue: LocalQueue;
let services: ServiceHandler[];
const kvsStore = newKvsStore();

beforeEach(() => {
  platform = new LocalPlatform({ pointsPerHour: 100 });
  queue = new LocalQueue({}, platform.clock);
  services = [
    egressMeterService(),
    kvsService(kvsStore),
    queue.service(),
    platform.points.meter('install-1', confluenceService(newConfluenceModel(pages))),
  ];
});
afterEach(() => platform.close());

const run = <T>(functionKey: string, fn: () => Promise<T>, rootId?: string) =>
  platform.invoke(
    { installationId: 'install-1', services, functionKey, accountId: null, ...(rootId ? { rootId } : {}) },
    fn,
  );

describe('async events', () => {
  test('a push chain past 1,000 requests from one root raises InvocationLimitReachedError', async () => {
    const { Queue, InvocationLimitReachedError } = await import('@forge/events');
    const q = new Queue({ key: 'chain' });
    let hops = 0;
    let failure: unknown = null;
    queue.consume('chain', (_event, delivery) =>
      run(
        'scan-worker',
        async () => {
          hops += 1;
          try {
            await q.push([{ body: { hop: hops } }]);
          } catch (error) {
            failure = error;
          }
        },
        delivery.rootId,
      ).catch(() => undefined),
    );
    // A fresh minute every hop, so only the chain limit can stop it.
    const original = queue.service();
    services[2] = (target, path, init) => {
      platform.clock.advance(200);
      return original(target, path, init);
    };
    await run('resolver', () => q.push([{ body: { hop: 0 } }]));
    await queue.drain();
    expect(failure).toBeInstanceOf(InvocationLimitReachedError);
    expect(queue.maxPushesFromRoot).toBe(FORGE_LIMITS.pushesPerRoot + 1);
    expect(hops).toBe(FORGE_LIMITS.pushesPerRoot);
  });

  test('more than 500 events pushed in a minute raises RateLimitError; the next minute has room', async () => {
    const { Queue, RateLimitError } = await import('@forge/events');
    const q = new Queue({ key: 'rate' });
    const batch = Array.from({ length: 50 }, (_, i) => ({ body: { i } }));
    for (let i = 0; i < 10; i++) await run('resolver', () => q.push(batch));
    await expect(run('resolver', () => q.push([{ body: { one: 'more' } }]))).rejects.toBeInstanceOf(
      RateLimitError,
    );
    platform.clock.advance(60_000);
    await expect(run('resolver', () => q.push([{ body: { one: 'more' } }]))).resolves.toBeDefined();
    expect(queue.eventsPerMinute.peak).toBe(500);
  });

  test('an event over 100 KB for a consumer with a timeout over 55 s is refused', async () => {
    const { Queue, PayloadTooBigError } = await import('@forge/events');
    queue.consume('long', () => Promise.resolve(), { timeoutSeconds: 900 });
    const big = { body: { text: 'x'.repeat(110 * 1024) } };
    await expect(run('resolver', () => new Queue({ key: 'long' }).push([big]))).rejects.toBeInstanceOf(
      PayloadTooBigError,
    );
  });

  test('events without a concurrency key are delivered several at a time; a keyed one never over its limit', async () => {
    const { Queue } = await import('@forge/events');
    let inFlight = 0;
    let peak = 0;
    const keyedPeak = { now: 0, max: 0 };
    queue.consume('par', async (event) => {
      const keyed = event.body.keyed === true;
      inFlight += 1;
      if (keyed) keyedPeak.max = Math.max(keyedPeak.max, ++keyedPeak.now);
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      if (keyed) keyedPeak.now -= 1;
    });
    const q = new Queue({ key: 'par' });
    await run('resolver', () => q.push(Array.from({ length: 8 }, (_, i) => ({ body: { i } }))));
    await run('resolver', () =>
      q.push(
        Array.from({ length: 4 }, (_, i) => ({
          body: { i, keyed: true },
          concurrency: { key: 'k', limit: 1 },
        })),
      ),
    );
    await queue.drain();
    expect(peak).toBeGreaterThan(1);
    expect(keyedPeak.max).toBe(1);
  });

  test('a failing event is redelivered with retryContext until its 24 h retention ends', async () => {
    const { Queue, InvocationError, InvocationErrorCode } = await import('@forge/events');
    const retries: number[] = [];
    queue.consume('retry', (event) => {
      retries.push(event.retryContext?.retryCount ?? 0);
      return Promise.resolve(
        new InvocationError({ retryAfter: 700, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }),
      );
    });
    await run('resolver', () => new Queue({ key: 'retry' }).push([{ body: {} }]));
    await queue.drain();
    // 24 h at one retry per 700 s: deliveries at 0, 700 s, … 123 × 700 s; the next would be past 24 h.
    expect(retries.length).toBe(124);
    expect(retries.slice(0, 3)).toEqual([0, 1, 2]);
    expect(queue.expired).toHaveLength(1);
  });
});

describe('invocations', () => {
  test('more outbound requests than the cap fail the invocation (FETCH_LIMIT_EXCEEDED)', async () => {
    const { default: api, route } = await import('@forge/api');
    platform = new LocalPlatform();
    services[3] = platform.points.meter('install-1', confluenceService(newConfluenceModel(pages)));
    let refused: unknown = null;
    await expect(
      run('resolver', async () => {
        for (let i = 0; i <= 100; i++) {
          try {
            await api.asApp().requestConfluence(route`/wiki/api/v2/pages/${String(100 + (i % 30))}`);
          } catch (error) {
            refused = error;
          }
        }
      }),
    ).rejects.toBeInstanceOf(ForgeLimitError);
    expect(refused).toMatchObject({ status: 429, errorCode: 'FETCH_LIMIT_EXCEEDED' });
    expect(platform.handlers.get('resolver')?.maxEgress).toBe(101);
  });

  test('a consumer declared at 900 s may make 15 times as many requests as a resolver', async () => {
    const { default: api, route } = await import('@forge/api');
    await run('scan-worker', async () => {
      for (let i = 0; i < 150; i++) await api.asApp().requestConfluence(route`/wiki/api/v2/pages/100`);
    }).catch(() => undefined); // the 100-point test budget runs out; the egress cap does not
    expect(platform.handlers.get('scan-worker')?.maxEgress).toBe(150);
    expect(platform.violations.filter((v) => v.message.startsWith('egress'))).toEqual([]);
  });

  test('more log lines than 100 per started minute of the timeout fail the invocation', async () => {
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      platform.close();
      platform = new LocalPlatform();
      await expect(
        run('resolver', () => {
          for (let i = 0; i < 101; i++) console.log(`line ${i}`);
          return Promise.resolve();
        }),
      ).rejects.toThrow(/log lines/);
    } finally {
      quiet.mockRestore();
    }
  });

  test('an invocation that runs past its declared timeout fails', async () => {
    await expect(
      run('resolver', () => {
        platform.clock.advance(26_000);
        return Promise.resolve('late');
      }),
    ).rejects.toThrow(/past its 25 s/);
  });

  test('a scheduled trigger must answer {statusCode}', async () => {
    await expect(run('daily-scan', () => Promise.resolve(undefined))).rejects.toThrow(/statusCode/);
    await expect(run('daily-scan', () => Promise.resolve({ statusCode: 204 }))).resolves.toEqual({
      statusCode: 204,
    });
  });

  test('over 1,200 invocations in a minute for one installation are refused', async () => {
    for (let i = 0; i < FORGE_LIMITS.invocationsPerMinutePerInstall; i++)
      await run('resolver', () => Promise.resolve());
    await expect(run('resolver', () => Promise.resolve())).rejects.toThrow('invocation rate limit');
    platform.clock.advance(60_000);
    await expect(run('resolver', () => Promise.resolve(1))).resolves.toBe(1);
  });
});

describe('KVS', () => {
  test('a value over 240 KiB and a key over 500 bytes are refused', async () => {
    const { kvs } = await import('@forge/kvs');
    await run('resolver', () => kvs.set('fits', 'x'.repeat(200 * 1024)));
    await expect(run('resolver', () => kvs.set('big', 'x'.repeat(241 * 1024)))).rejects.toThrow();
    await expect(run('resolver', () => kvs.set('k'.repeat(501), 1))).rejects.toThrow();
    expect(kvsStore.refused).toBe(2);
  });
});

describe('Confluence points', () => {
  test('a GET costs 1 plus the objects it returns; a spent hour answers 429 with Retry-After until it resets', async () => {
    const { default: api, route } = await import('@forge/api');
    const list = await run('resolver', () =>
      api.asApp().requestConfluence(route`/wiki/api/v2/pages?limit=25`),
    );
    expect(list.status).toBe(200);
    expect(platform.points.total).toBe(26);
    await run('resolver', () => api.asApp().requestConfluence(route`/wiki/api/v2/pages/100`));
    expect(platform.points.total).toBe(28);
    // 28 of 100 spent: three more lists spend the hour.
    for (let i = 0; i < 3; i++)
      await run('resolver', () => api.asApp().requestConfluence(route`/wiki/api/v2/pages?limit=25`));
    const refused = await run('resolver', () => api.asApp().requestConfluence(route`/wiki/api/v2/pages/100`));
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    platform.clock.advance(wait * 1000);
    const again = await run('resolver', () => api.asApp().requestConfluence(route`/wiki/api/v2/pages/100`));
    expect(again.status).toBe(200);
    expect(platform.points.of('install-1').refused).toBe(1);
  });
});
