import { sql } from 'kysely';
import type { Database } from '../database.js';

/**
 * Failed-login counters by key (an account, a client address, or the pair), shared by every
 * replica through the database. A counter whose last failure is older than the window starts over.
 */
export class LoginThrottleStore {
  constructor(private readonly database: Database) {}

  /** The latest `blocked_until` among `keys` that is still after `now`; undefined when none blocks. */
  async blockedUntil(keys: string[], now: string): Promise<string | undefined> {
    if (keys.length === 0) return undefined;
    const row = await this.database.db
      .selectFrom('login_throttle')
      .select((eb) => eb.fn.max('blocked_until').as('until'))
      .where('key', 'in', keys)
      .where('blocked_until', '>', now)
      .executeTakeFirst();
    return row?.until ?? undefined;
  }

  /**
   * Counts one more failure for `key` (atomically, so concurrent attempts are all counted) and
   * returns the count; a count last touched before `windowStart` restarts at 1.
   */
  async recordFailure(key: string, now: string, windowStart: string): Promise<number> {
    const row = await this.database.db
      .insertInto('login_throttle')
      .values({ key, failures: 1, last_failure_at: now, blocked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN login_throttle.last_failure_at < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END`,
          last_failure_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  }

  async block(key: string, until: string): Promise<void> {
    await this.database.db.updateTable('login_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
  }

  async clear(key: string): Promise<void> {
    await this.database.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}
