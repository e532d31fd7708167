import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { columnTypes } from './column-types.js';

/**
 * What the evidence ledger needs to vouch for itself (ADR 0013): the openings of the salted
 * commitments that stand in the public log for personal data, and the last size at which the
 * node recomputed its own log and found it intact.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const t = columnTypes(dialect);
  // Private: never served by a public route. The value is the canonical JSON that was committed to.
  await db.schema
    .createTable('evidence_commitment')
    .addColumn('commitment', 'text', (c) => c.primaryKey())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('salt', t.binary, (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_verification')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('verified_size', t.bigint, (c) => c.notNull())
    .addColumn('root_hash', t.binary, (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .execute();
}
