import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';

/**
 * Accounts and access (issue 15): login throttling instead of lockout, kept in the database so
 * every operator replica and a restart agree; usernames unique whatever their case.
 */
export async function up(db: Kysely<unknown>, _dialect: DatabaseDialect): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // `pair:<username>|<address>`, `address:<address>` or `account:<username>` (username lower-cased).
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();
  // Fails on a database that already holds two usernames differing only in case: those accounts
  // must be renamed by hand first (docs/operations.md), since either could be the impostor.
  await db.schema.createIndex('user_account_username_ci').on('user_account').unique().expression(sql`lower(username)`).execute();
}
