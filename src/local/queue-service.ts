import { randomUUID } from 'node:crypto';
import { bodyText, jsonResponse, type ServiceHandler } from './runtime';

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
}

export type Consumer = (event: {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  retryContext?: { retryCount: number; retryReason: string };
}) => Promise<unknown>;

/** What to do with the next delivery: run it, run it twice (a duplicate), or crash before it. */
export type DeliveryFault = 'none' | 'duplicate' | 'crash';

export class QueueCrashed extends Error {
  constructor() {
    super('local queue: simulated crash, pending events lost');
    this.name = 'QueueCrashed';
  }
}

export interface LocalQueueOptions {
  maxAttempts?: number;
  /** Decides per delivery; default: no faults. */
  fault?: (event: QueuedEvent, delivered: number) => DeliveryFault;
  /** Real milliseconds slept per requested delay second (0 in tests: delays are only recorded). */
  msPerDelaySecond?: number;
  /** Called with each consumer invocation's duration (the bench's longest invocation). */
  onInvocation?: (event: QueuedEvent, ms: number, failed: boolean) => void;
}

export class LocalQueue {
  readonly pending: QueuedEvent[] = [];
  readonly consumers = new Map<string, Consumer>();
  delivered = 0;
  pushes = 0;
  largestPushBytes = 0;
  largestPushEvents = 0;
  readonly requestedDelays: number[] = [];
  readonly deadLetters: QueuedEvent[] = [];
  private clock = 0;

  constructor(private readonly options: LocalQueueOptions = {}) {}

  consume(queueName: string, consumer: Consumer): void {
    this.consumers.set(queueName, consumer);
  }

  service(): ServiceHandler {
    return (target, path, init) => {
      if (target.type !== 'fpp' || target.remote !== 'stargate' || !path.startsWith('/webhook/queue/'))
        return null;
      if (!path.startsWith('/webhook/queue/publish/'))
        return Promise.resolve(jsonResponse(501, { message: `local queue: ${path} is not emulated` }));
      const text = bodyText(init);
      const request = JSON.parse(text) as {
        queueName: string;
        jobId: string;
        payload: { body: Record<string, unknown>; delayInSeconds?: number }[];
      };
      this.pushes += 1;
      this.largestPushBytes = Math.max(
        this.largestPushBytes,
        Buffer.byteLength(JSON.stringify(request.payload)),
      );
      this.largestPushEvents = Math.max(this.largestPushEvents, request.payload.length);
      if (request.payload.length > 50 || Buffer.byteLength(JSON.stringify(request.payload)) > 200 * 1024)
        return Promise.resolve(jsonResponse(413, { errorMessage: 'push over 50 events or 200 KB' }));
      for (const e of request.payload) {
        const delay = e.delayInSeconds ?? 0;
        if (delay > 0) this.requestedDelays.push(delay);
        this.pending.push({
          queueName: request.queueName,
          jobId: request.jobId,
          eventId: randomUUID(),
          body: e.body,
          attempt: 0,
          notBefore: this.clock + delay,
        });
      }
      return Promise.resolve(jsonResponse(201, {}));
    };
  }

  /**
   * Delivers events one at a time until none is left (or `limit` deliveries). Throws QueueCrashed
   * when the fault hook asks for a crash; the pending events are gone then, as after a real kill.
   */
  async drain(limit = Number.POSITIVE_INFINITY): Promise<number> {
    let count = 0;
    while (this.pending.length > 0 && count < limit) {
      this.pending.sort((a, b) => a.notBefore - b.notBefore);
      const event = this.pending.shift() as QueuedEvent;
      if (event.notBefore > this.clock) {
        const wait = event.notBefore - this.clock;
        const ms = this.options.msPerDelaySecond ?? 0;
        if (ms > 0) await new Promise((r) => setTimeout(r, wait * ms));
        this.clock = event.notBefore;
      }
      const fault = this.options.fault?.(event, this.delivered) ?? 'none';
      if (fault === 'crash') {
        this.pending.length = 0;
        throw new QueueCrashed();
      }
      await this.deliver(event);
      if (fault === 'duplicate') await this.deliver({ ...event, attempt: event.attempt });
      count += 1;
    }
    return count;
  }

  private async deliver(event: QueuedEvent): Promise<void> {
    const consumer = this.consumers.get(event.queueName);
    if (consumer === undefined) throw new Error(`local queue: no consumer for ${event.queueName}`);
    this.delivered += 1;
    const started = Date.now();
    let retryAfter: number | null = null;
    try {
      const answer = await consumer({
        queueName: event.queueName,
        jobId: event.jobId,
        eventId: event.eventId,
        body: structuredClone(event.body),
        ...(event.attempt > 0
          ? { retryContext: { retryCount: event.attempt, retryReason: 'FUNCTION_ERROR' } }
          : {}),
      });
      // An InvocationError answer (@forge/events) asks for a retry after `retryAfter` seconds.
      retryAfter = retryRequested(answer);
      this.options.onInvocation?.(event, Date.now() - started, retryAfter !== null);
    } catch (error) {
      this.options.onInvocation?.(event, Date.now() - started, true);
      if (error instanceof QueueCrashed) throw error;
      retryAfter = 2 ** (event.attempt + 1);
    }
    if (retryAfter === null) return;
    const attempt = event.attempt + 1;
    if (attempt >= (this.options.maxAttempts ?? 4)) this.deadLetters.push(event);
    else this.pending.push({ ...event, attempt, notBefore: this.clock + retryAfter });
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
