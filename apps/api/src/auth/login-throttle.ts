/**
 * Counts failed sign-ins per username and per client address. After `maxFailures` within `windowMs`,
 * further attempts on that key are refused (429) until the window has passed, even with the right
 * password: guessing must not be cheaper than waiting. A success clears the username's count.
 *
 * Kept in memory: one API process per deployment today. Running several replicas multiplies the
 * allowance by the replica count; move this to PostgreSQL or Redis before scaling out.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 if it may try now. */
  retryAfterSeconds(key: string): number {
    const now = this.now();
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    return Math.ceil((recent[recent.length - this.maxFailures] + this.windowMs - now) / 1000);
  }

  recordFailure(key: string): void {
    const now = this.now();
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.prune(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  /** Bounds memory under a spray of made-up usernames. */
  private prune(now: number): void {
    for (const [key] of this.failures) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
  }
}
