/**
 * The local platform's clock: real time plus an offset that tests, queue delays and the app's own
 * sleeps move forward, so an hour of Confluence budget or a minute of DDL budget passes without
 * waiting. Every meter and window in src/local reads this clock, and the app reads it through
 * src/forge/clock.ts, so both sides agree on what time it is.
 */
export interface LocalClock {
  now: () => number;
  /** Moves time forward by `ms` (never backwards). */
  advance: (ms: number) => void;
  /** Moves time to `at` if that is later than now. */
  advanceTo: (at: number) => void;
  /** What the app's sleep does locally: time moves to the wake-up time at once. */
  sleep: (ms: number) => Promise<void>;
}

export function newLocalClock(): LocalClock {
  let offset = 0;
  const now = (): number => Date.now() + offset;
  const advanceTo = (at: number): void => {
    // Two sleepers waking at the same moment move time once, not twice.
    offset = Math.max(offset, at - Date.now());
  };
  return {
    now,
    advance: (ms) => advanceTo(now() + Math.max(0, ms)),
    advanceTo,
    sleep: (ms) => {
      advanceTo(now() + Math.max(0, ms));
      return Promise.resolve();
    },
  };
}
