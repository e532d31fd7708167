import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';

/**
 * The sandbox's entity authorizations (依场景授权, one row per authorized entity of a job) and
 * the fair scheduler's rotation (each consumer's last turn), both from ADR 0012.
 */
export async function up(db: Kysely<unknown>, _dialect: DatabaseDialect): Promise<void> {
  await db.schema
    .createTable('sandbox_entity_authorization')
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('consumer_did', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sandbox_entity_authorization_pk', ['job_id', 'entity_id'])
    .execute();
  // An audit asks: who was scored about this enterprise, under what authorization?
  await db.schema.createIndex('sandbox_entity_authorization_entity').on('sandbox_entity_authorization').columns(['entity_id', 'created_at']).execute();

  await db.schema
    .createTable('sandbox_consumer_turn')
    .addColumn('peer_did', 'text', (c) => c.primaryKey())
    .addColumn('turn', 'integer', (c) => c.notNull())
    .execute();
}
