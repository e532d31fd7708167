import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('dsp_negotiation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('peer_pid', 'text')
    .addColumn('peer_did', 'text', (c) => c.notNull())
    .addColumn('peer_participant', 'text')
    .addColumn('peer_address', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('offer', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('state', 'text')
    .addColumn('last_fingerprint', 'text')
    .addColumn('agreement_id', 'text')
    .addColumn('outbox', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The dispatcher's scan: what has a message to deliver, soonest first.
  await db.schema.createIndex('dsp_negotiation_due').on('dsp_negotiation').columns(['next_attempt_at']).where(sql.ref('outbox'), 'is not', null).execute();
  await db.schema.createIndex('dsp_negotiation_updated').on('dsp_negotiation').columns(['updated_at']).execute();
  // A retried initiating message is found by the peer's pid.
  await db.schema.createIndex('dsp_negotiation_peer').on('dsp_negotiation').columns(['peer_pid', 'peer_did', 'role']).execute();

  await db.schema
    .createTable('dsp_agreement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('provider_did', 'text', (c) => c.notNull())
    .addColumn('consumer_did', 'text', (c) => c.notNull())
    .addColumn('consumer_participant', 'text')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text')
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('provider_signature', 'text')
    .addColumn('consumer_signature', 'text')
    .addColumn('purpose', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finalized_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dsp_agreement_consumer').on('dsp_agreement').columns(['consumer_did', 'status']).execute();

  await db.schema
    .createTable('dsp_transfer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('peer_pid', 'text')
    .addColumn('peer_did', 'text', (c) => c.notNull())
    .addColumn('peer_address', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('last_fingerprint', 'text')
    .addColumn('outbox', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('data_address_cipher', 'text')
    .addColumn('token_digest', 'text', (c) => c.unique())
    .addColumn('token_expires_at', 'text')
    .addColumn('content', 'text')
    .addColumn('peer_identity', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dsp_transfer_due').on('dsp_transfer').columns(['next_attempt_at']).where(sql.ref('outbox'), 'is not', null).execute();
  await db.schema.createIndex('dsp_transfer_agreement').on('dsp_transfer').columns(['agreement_id']).execute();
  await db.schema.createIndex('dsp_transfer_peer').on('dsp_transfer').columns(['peer_pid', 'peer_did', 'role']).execute();

  await db.schema
    .createTable('dsp_access')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('transfer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('bytes', t.bigint, (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dsp_access_agreement').on('dsp_access').columns(['agreement_id', 'at']).execute();

  // Duties of agreements (义务): what was performed (by the consumer, reported to the provider).
  await db.schema
    .createTable('duty_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('duty', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_event_agreement').on('duty_event').columns(['agreement_id', 'at']).execute();

  await db.schema
    .createTable('received_data')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('transfer_id', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('provider_did', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', t.bigint, (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('received_data_sha256').on('received_data').columns(['sha256']).execute();

  await db.schema
    .createTable('evidence_receipt')
    .addColumn('leaf_hash', 'text', (c) => c.primaryKey())
    .addColumn('ledger_index', t.bigint, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_receipt_subject').on('evidence_receipt').columns(['subject', 'at']).execute();

  await db.schema.createIndex('asset_publication_entry').on('asset_publication').columns(['entry_id']).execute();

  // The operator answers a connector's resubmitted evidence with the index it already has.
  await db.schema.createIndex('ledger_leaf_hash').on('ledger_leaf').columns(['leaf_hash']).execute();
}
