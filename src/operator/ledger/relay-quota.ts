/**
 * How many new entries each connector may relay per window (a fixed window per participant,
 * counted in this process). A connector's backlog after an outage drains at this pace: the
 * relay backs off on 429 and retries. One batch of the connector's relay (500 entries) must fit
 * in a window, so the limit is never set below that.
 */
export class RelayQuota {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Takes `count` entries from the caller's allowance, all or nothing: 0 when granted, otherwise
   * the milliseconds until the window resets.
   */
  take(caller: string, count: number, now: number): number {
    let window = this.windows.get(caller);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(caller, window);
    }
    if (window.used + count > this.limit) return Math.max(1, window.start + this.windowMs - now);
    window.used += count;
    // Windows of connectors that went quiet are dropped now and then, so the map stays small.
    if (this.windows.size > 10_000) for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
    return 0;
  }
}
