import { RetryLaterError } from '../../core/errors/index.js';
import type { LoginThrottleStore } from '../../store/accounts/login-throttle-store.js';

/** After `free` failures each further failure doubles the wait, from `baseMs` up to `maxMs`. */
export interface BackoffRule {
  free: number;
  baseMs: number;
  maxMs: number;
}

export interface LoginThrottleOptions {
  /** One username from one address: the guesser's own attempts. */
  pair: BackoffRule;
  /** One address, any usernames: a sprayer trying many accounts. */
  address: BackoffRule;
  /**
   * One username from any address: a guesser spread over many addresses. Generous and capped
   * low, since every address shares it and it must not become a lockout for the account's owner.
   */
  account: BackoffRule;
  /** A counter whose last failure is older than this starts over. */
  windowMs: number;
}

export const defaultLoginThrottle: LoginThrottleOptions = {
  pair: { free: 5, baseMs: 1_000, maxMs: 15 * 60_000 },
  address: { free: 20, baseMs: 1_000, maxMs: 15 * 60_000 },
  account: { free: 100, baseMs: 1_000, maxMs: 60_000 },
  windowMs: 60 * 60_000,
};

export function backoffMs(failures: number, rule: BackoffRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free));
}

/**
 * Throttling of password logins instead of a lockout (issue 15): failures are counted per
 * username, per client address and per pair, and each count past its allowance makes that key
 * wait, exponentially longer. An attacker hammering an account from its own address is slowed
 * down; the account's owner, from another address, still logs in. Unknown usernames are counted
 * like known ones, so the answers never tell which usernames exist.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LoginThrottleStore,
    private readonly options: LoginThrottleOptions = defaultLoginThrottle,
  ) {}

  private keys(username: string, address: string) {
    const name = username.toLowerCase();
    return { pair: `pair:${name}|${address}`, address: `address:${address}`, account: `account:${name}` };
  }

  /** Throws `auth.too-many-attempts` (with the wait) when any of the attempt's keys is waiting. */
  async check(username: string, address: string, now: Date): Promise<void> {
    const keys = this.keys(username, address);
    const until = await this.store.blockedUntil([keys.pair, keys.address, keys.account], now.toISOString());
    if (until === undefined) return;
    throw new RetryLaterError('auth.too-many-attempts', 'Too many failed logins; wait before trying again.', (Date.parse(until) - now.getTime()) / 1000);
  }

  async failed(username: string, address: string, now: Date): Promise<void> {
    const keys = this.keys(username, address);
    const windowStart = new Date(now.getTime() - this.options.windowMs).toISOString();
    for (const kind of ['pair', 'address', 'account'] as const) {
      const failures = await this.store.recordFailure(keys[kind], now.toISOString(), windowStart);
      const wait = backoffMs(failures, this.options[kind]);
      if (wait > 0) await this.store.block(keys[kind], new Date(now.getTime() + wait).toISOString());
    }
  }

  /** The owner got in from this address: its own pair starts over; the wider counters do not. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.store.clear(this.keys(username, address).pair);
  }
}
