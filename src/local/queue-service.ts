import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { newLocalClock, type LocalClock } from './clock';
import { FORGE_LIMITS } from './limits';
import { InvocationRateLimitError } from './limit-errors';
import { bodyText, currentScope, jsonResponse, type ServiceHandler } from './runtime';
import { SlidingWindow } from './window';

/**
 * Forge async events, in process. @forge/events' `Queue.push` POSTs to the app's stargate proxy at
 * /webhook/queue/publish/…, `{queueName, jobId, payload: [{body, delayInSeconds?}]}`, and expects
 * 201. Here each event joins an in-memory queue that `drain()` delivers to the consumer registered
 * for its queue: at least once, retried when the consumer throws (up to `maxAttempts`), with hooks
 * that let tests duplicate a delivery or "crash" the process (every pending event is lost, as an
 * in-process queue would lose them; the job's outbox must bring them back).
 */
export interface QueuedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  attempt: number;
  notBefore: number;
  /** When it was first pushed: Forge keeps an event (and its retries) for 24 h from then. */
  pushedAt: number;
  /** The root invocation whose push chain this event belongs to. */
  rootId: string;
  concurrency?: { key: string; limit: number };
}

export type Consumer = (
  event: {
    queueName: string;
    jobId: string;
    eventId: string;
    body: Record<string, unknown>;
    retryContext?: { retryCount: number; retryReason: string };
  },
  delivery: { rootId: string },
) => Promise<unknown>;

/** What to do with the next delivery: run it, run it twice (a duplicate), or crash before it. */
export type DeliveryFault = 'none' | 'duplicate' | 'crash';

export class QueueCrashed extends Error {
  constructor() {
    super('local queue: simulated crash, pending events lost');
    this.name = 'QueueCrashed';
  }
}

export interface LocalQueueOptions {
  /** Deliveries before an event is given up on; default: until its 24 h retention ends, as on Forge. */
  maxAttempts?: number;
  /** Decides per delivery; default: no faults. */
  fault?: (event: QueuedEvent, delivered: number) => DeliveryFault;
  /** Real milliseconds slept per requested delay second (0 in tests: time only moves on the clock). */
  msPerDelaySecond?: number;
  /** Events without a concurrency key delivered at once (Forge runs them in parallel); default 4. */
  parallelism?: number;
  /** Called with each consumer invocation's duration (the bench's longest invocation). */
  onInvocation?: (event: QueuedEvent, ms: number, failed: boolean) => void;
}

interface ConsumerEntry {
  consumer: Consumer;
  /** Over 55 s, each event may carry at most 100 KB (limits-async-events). */
  timeoutSeconds: number;
}

const pushSchema = z.object({
  queueName: z.string(),
  jobId: z.string(),
  payload: z.array(
    z.object({
      body: z.record(z.string(), z.unknown()),
      delayInSeconds: z.number().optional(),
      concurrency: z.object({ key: z.string(), limit: z.number().int().positive() }).optional(),
    }),
  ),
});

/**
 * One installation's async events, on the platform clock. Pushes are refused the way Forge's
 * events service refuses them, with the status @forge/events maps to its errors: 413 over 50
 * events or 200 KB (PayloadTooBigError; 100 KB per event for a consumer over 55 s), 429 over 500
 * events pushed in a minute (RateLimitError), 405 once 1,000 push requests descend from one root
 * invocation (InvocationLimitReachedError). Delivery is at least once and several at a time.
 */
export class LocalQueue {
  readonly pending: QueuedEvent[] = [];
  readonly consumers = new Map<string, ConsumerEntry>();
  delivered = 0;
  pushes = 0;
  largestPushBytes = 0;
  largestPushEvents = 0;
  largestEventBytes = 0;
  readonly requestedDelays: number[] = [];
  readonly deadLetters: QueuedEvent[] = [];
  /** Events dropped because their 24 h retention ended while they were still being retried. */
  readonly expired: QueuedEvent[] = [];
  /** Push requests refused, by the limit that refused them. */
  readonly refused = { size: 0, rate: 0, chain: 0 };
  readonly eventsPerMinute = new SlidingWindow(60_000);
  readonly pushesByRoot = new Map<string, number>();
  /** The most deliveries that ran at once. */
  peakParallel = 0;
  private readonly clock: LocalClock;

  constructor(
    private readonly options: LocalQueueOptions = {},
    clock?: LocalClock,
  ) {
    this.clock = clock ?? newLocalClock();
  }

  consume(queueName: string, consumer: Consumer, options: { timeoutSeconds?: number } = {}): void {
    this.consumers.set(queueName, {
      consumer,
      timeoutSeconds: options.timeoutSeconds ?? FORGE_LIMITS.defaultLongTimeoutSeconds,
    });
  }

  get maxPushesFromRoot(): number {
    return Math.max(0, ...this.pushesByRoot.values());
  }

  service(): ServiceHandler {
    return (target, path, init) => {
      if (target.type !== 'fpp' || target.remote !== 'stargate' || !path.startsWith('/webhook/queue/'))
        return null;
      if (!path.startsWith('/webhook/queue/publish/'))
        return Promise.resolve(jsonResponse(501, { message: `local queue: ${path} is not emulated` }));
      return Promise.resolve(this.publish(bodyText(init)));
    };
  }

  private publish(text: string): Response {
    const parsed = pushSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return jsonResponse(400, { message: 'malformed push request' });
    const request = parsed.data;
    const now = this.clock.now();
    const bytes = Buffer.byteLength(JSON.stringify(request.payload));
    this.largestPushBytes = Math.max(this.largestPushBytes, bytes);
    this.largestPushEvents = Math.max(this.largestPushEvents, request.payload.length);
    const consumerTimeout = this.consumers.get(request.queueName)?.timeoutSeconds ?? 0;
    const eventBytes = Math.max(0, ...request.payload.map((e) => Buffer.byteLength(JSON.stringify(e))));
    this.largestEventBytes = Math.max(this.largestEventBytes, eventBytes);
    if (
      request.payload.length > FORGE_LIMITS.eventsPerPush ||
      bytes > FORGE_LIMITS.pushBytes ||
      (consumerTimeout > 55 && eventBytes > FORGE_LIMITS.longRunningEventBytes)
    ) {
      this.refused.size += 1;
      return jsonResponse(413, { errorMessage: 'push over 50 events, 200 KB, or 100 KB per event' });
    }
    const rootId = currentScope()?.meter?.rootId ?? 'outside-any-invocation';
    const chain = (this.pushesByRoot.get(rootId) ?? 0) + 1;
    this.pushesByRoot.set(rootId, chain);
    if (chain > FORGE_LIMITS.pushesPerRoot) {
      this.refused.chain += 1;
      return jsonResponse(405, { message: 'cyclic invocation limit reached' });
    }
    if (!this.eventsPerMinute.fits(now, request.payload.length, FORGE_LIMITS.eventsPushedPerMinute)) {
      this.refused.rate += 1;
      return jsonResponse(429, { message: 'too many events pushed in a minute' });
    }
    this.pushes += 1;
    this.eventsPerMinute.add(now, request.payload.length);
    for (const e of request.payload) {
      const delay = e.delayInSeconds ?? 0;
      if (delay > 0) this.requestedDelays.push(delay);
      this.pending.push({
        queueName: request.queueName,
        jobId: request.jobId,
        eventId: randomUUID(),
        body: e.body,
        attempt: 0,
        notBefore: now + delay * 1000,
        pushedAt: now,
        rootId,
        ...(e.concurrency ? { concurrency: e.concurrency } : {}),
      });
    }
    return jsonResponse(201, {});
  }

  /**
   * Delivers events until none is left (or `limit` deliveries), several at once: up to
   * `parallelism`, and never more than an event's concurrency limit for its key. A delayed event
   * moves the clock to its time. Throws QueueCrashed when the fault hook asks for a crash; every
   * pending event is gone then, as after a real kill.
   */
  async drain(limit = Number.POSITIVE_INFINITY): Promise<number> {
    const parallelism = Math.max(1, this.options.parallelism ?? 4);
    const running = new Map<Promise<void>, QueuedEvent>();
    let started = 0;
    let crash = false;
    for (;;) {
      while (!crash && started < limit && running.size < parallelism) {
        const next = this.nextReady(running);
        if (next === null) break;
        const fault = this.options.fault?.(next, this.delivered) ?? 'none';
        if (fault === 'crash') {
          crash = true;
          break;
        }
        this.pending.splice(this.pending.indexOf(next), 1);
        started += 1;
        const run = (async () => {
          await this.deliver(next);
          if (fault === 'duplicate') await this.deliver({ ...next });
        })();
        running.set(run, next);
        this.peakParallel = Math.max(this.peakParallel, running.size);
        run.finally(() => running.delete(run)).catch(() => undefined);
      }
      if (running.size > 0) {
        await Promise.race(running.keys());
        continue;
      }
      if (crash) {
        this.pending.length = 0;
        throw new QueueCrashed();
      }
      if (started >= limit || this.pending.length === 0) return started;
      // Nothing ready: time moves to the earliest delayed event.
      const earliest = Math.min(...this.pending.map((e) => e.notBefore));
      const waitMs = earliest - this.clock.now();
      const msPerSecond = this.options.msPerDelaySecond ?? 0;
      if (waitMs > 0 && msPerSecond > 0)
        await new Promise((r) => setTimeout(r, (waitMs / 1000) * msPerSecond));
      this.clock.advanceTo(earliest);
    }
  }

  private nextReady(running: ReadonlyMap<Promise<void>, QueuedEvent>): QueuedEvent | null {
    const now = this.clock.now();
    const inFlight = new Map<string, number>();
    for (const e of running.values())
      if (e.concurrency) inFlight.set(e.concurrency.key, (inFlight.get(e.concurrency.key) ?? 0) + 1);
    let best: QueuedEvent | null = null;
    for (const e of this.pending) {
      if (e.notBefore > now) continue;
      if (e.concurrency && (inFlight.get(e.concurrency.key) ?? 0) >= e.concurrency.limit) continue;
      if (best === null || e.notBefore < best.notBefore) best = e;
    }
    return best;
  }

  private async deliver(event: QueuedEvent): Promise<void> {
    const entry = this.consumers.get(event.queueName);
    if (entry === undefined) throw new Error(`local queue: no consumer for ${event.queueName}`);
    this.delivered += 1;
    const started = Date.now();
    let retryAfterSeconds: number | null = null;
    try {
      const answer = await entry.consumer(
        {
          queueName: event.queueName,
          jobId: event.jobId,
          eventId: event.eventId,
          body: structuredClone(event.body),
          ...(event.attempt > 0
            ? { retryContext: { retryCount: event.attempt, retryReason: 'FUNCTION_ERROR' } }
            : {}),
        },
        { rootId: event.rootId },
      );
      // An InvocationError answer (@forge/events) asks for a retry after `retryAfter` seconds.
      retryAfterSeconds = retryRequested(answer);
      this.options.onInvocation?.(event, Date.now() - started, retryAfterSeconds !== null);
    } catch (error) {
      this.options.onInvocation?.(event, Date.now() - started, true);
      if (error instanceof QueueCrashed) throw error;
      if (error instanceof InvocationRateLimitError) {
        // Refused before it ran: delivered again once the minute has room, not a failed attempt.
        this.pending.push({ ...event, notBefore: this.clock.now() + Math.max(1000, error.retryAfterMs) });
        return;
      }
      retryAfterSeconds = Math.min(FORGE_LIMITS.maxDelaySeconds, 2 ** (event.attempt + 1));
    }
    if (retryAfterSeconds === null) return;
    const attempt = event.attempt + 1;
    const notBefore = this.clock.now() + retryAfterSeconds * 1000;
    if (notBefore > event.pushedAt + FORGE_LIMITS.eventRetentionMs) this.expired.push(event);
    else if (attempt >= (this.options.maxAttempts ?? Number.POSITIVE_INFINITY)) this.deadLetters.push(event);
    else this.pending.push({ ...event, attempt, notBefore });
  }
}

function retryRequested(answer: unknown): number | null {
  if (typeof answer !== 'object' || answer === null) return null;
  // InvocationError's constructor returns its JSON form: {_retry: true, retryOptions}.
  const json = (
    'toJSON' in answer && typeof answer.toJSON === 'function' ? (answer.toJSON as () => unknown)() : answer
  ) as { _retry?: unknown; retryOptions?: { retryAfter?: unknown } };
  if (json._retry !== true) return null;
  const after = Number(json.retryOptions?.retryAfter ?? 1);
  return Number.isFinite(after) && after > 0 ? after : 1;
}
