/**
 * A sliding-window counter on the platform clock: how much happened in the last `spanMs`, and the
 * most that ever happened in any such window (the bench's peak figures). Amounts, not just events,
 * so one counter serves "events pushed per minute" (a push of 50 adds 50) and "requests per minute".
 */
export class SlidingWindow {
  private readonly entries: { at: number; amount: number }[] = [];
  private sum = 0;
  peak = 0;
  total = 0;

  constructor(private readonly spanMs: number) {}

  /** What the window holds at `now`, after dropping what has slid out. */
  current(now: number): number {
    while (this.entries.length > 0 && (this.entries[0]?.at ?? 0) <= now - this.spanMs) {
      this.sum -= (this.entries.shift() as { amount: number }).amount;
    }
    return this.sum;
  }

  /** Would adding `amount` at `now` stay within `limit`? */
  fits(now: number, amount: number, limit: number): boolean {
    return this.current(now) + amount <= limit;
  }

  add(now: number, amount = 1): void {
    this.current(now);
    this.entries.push({ at: now, amount });
    this.sum += amount;
    this.total += amount;
    this.peak = Math.max(this.peak, this.sum);
  }

  /** Milliseconds until `amount` more fits under `limit` (0 when it fits now). */
  waitFor(now: number, amount: number, limit: number): number {
    let sum = this.current(now);
    if (sum + amount <= limit) return 0;
    for (const e of this.entries) {
      sum -= e.amount;
      if (sum + amount <= limit) return e.at + this.spanMs - now;
    }
    return 0;
  }
}
