import type { SqlExecutor } from './executor';

/**
 * Forge SQL allows 150 DML requests per second per install. Scan chunks run one at a time (queue
 * concurrency 1), so spacing one invocation's writes bounds the install; the default leaves room
 * for resolvers and page re-checks running beside a scan. SELECTs are not limited.
 */
export const DEFAULT_DML_PER_SECOND = 100;

export function rateLimitedExecutor(
  db: SqlExecutor,
  perSecond: number = DEFAULT_DML_PER_SECOND,
  clock: { now(): number; sleep(ms: number): Promise<void> } = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  },
): SqlExecutor {
  const recent: number[] = [];
  let gate: Promise<void> = Promise.resolve();
  const slot = (): Promise<void> => {
    // Serialised so concurrent callers cannot all see the same free slot.
    const next = gate.then(async () => {
      for (;;) {
        const now = clock.now();
        while (recent.length > 0 && (recent[0] ?? 0) <= now - 1000) recent.shift();
        if (recent.length < perSecond) {
          recent.push(now);
          return;
        }
        await clock.sleep((recent[0] ?? now) + 1000 - now);
      }
    });
    gate = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql, params) => db.query(sql, params),
    execute: async (sql, params) => {
      await slot();
      return db.execute(sql, params);
    },
  };
}
