/** The scan queue as the job code sees it: push bodies; batching to Forge's limits happens here. */
export interface JobQueue {
  push(events: readonly Event[]): Promise<void>;
}

/** Forge's async events limits per push: 50 events and 200 KB of JSON. */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;

/** `concurrency`: Forge runs at most `limit` events sharing `key` at once (async events API). */
type Event = {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
};

/** Splits events into pushes that each respect both limits (bytes measured as @forge/events does). */
export async function pushInBatches(
  push: (batch: Event[]) => Promise<void>,
  events: readonly Event[],
): Promise<number> {
  let batch: Event[] = [];
  let pushes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await push(batch);
    pushes += 1;
    batch = [];
  };
  for (const event of events) {
    const alone = Buffer.byteLength(JSON.stringify([event]));
    if (alone > MAX_PUSH_BYTES)
      throw new Error(`one queue event is ${alone} bytes, over the 200 KB push limit`);
    const candidate = [...batch, event];
    if (
      candidate.length > MAX_EVENTS_PER_PUSH ||
      Buffer.byteLength(JSON.stringify(candidate)) > MAX_PUSH_BYTES
    ) {
      await flush();
    }
    batch.push(event);
  }
  await flush();
  return pushes;
}
