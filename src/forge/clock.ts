/**
 * The app's time. On Forge it is the system clock; the local platform (src/local) points it at its
 * own clock so tests can move time (an hour of Confluence budget, a minute of DDL budget) without
 * sleeping. A platform seam like overrideAwsPort, not tenant state.
 */
export interface AppClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const systemClock: AppClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

let current: AppClock = systemClock;

export function overrideClock(clock: AppClock | null): void {
  current = clock ?? systemClock;
}

export function appNow(): number {
  return current.now();
}

export function appSleep(ms: number): Promise<void> {
  return current.sleep(ms);
}
