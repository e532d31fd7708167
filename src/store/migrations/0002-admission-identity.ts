import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { columnTypes } from './column-types.js';

/**
 * Admission (participants and their review), accounts (people, sessions, API keys) and identity
 * (credentials, status lists, DID keys, trusted issuers, connector enrollment). JSON lists are
 * stored as text on both databases so one repository serves both.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const t = columnTypes(dialect);
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema
    .createTable('participant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // One record per organisation: a second application with the same code is refused.
    .addColumn('uscc', 'text', (c) => c.notNull().unique())
    .addColumn('legal_rep_name', 'text', (c) => c.notNull())
    .addColumn('legal_rep_id_cipher', 'text', (c) => c.notNull())
    .addColumn('legal_rep_id_masked', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone_cipher', 'text', (c) => c.notNull())
    .addColumn('contact_phone_masked', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('industry_section', 'text', (c) => c.notNull())
    .addColumn('industry_division', 'text')
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('service_kinds', 'text', (c) => c.notNull())
    .addColumn('did', 'text')
    .addColumn('applicant_token_hash', 'text')
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_status_idx').on('participant').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('participant_event')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participant.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('evidence_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_event_participant_idx').on('participant_event').column('participant_id').execute();

  // Documents are content-addressed: the application lists hashes, the blob is stored once.
  await db.schema
    .createTable('document_blob')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content', t.binary, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('participant_document')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participant.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('document_blob.sha256'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('participant_document_pk', ['participant_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participant.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('totp_secret_cipher', 'text')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totp_last_step', t.bigint)
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('auth_session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participant.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('credential')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participant.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('jwt', 'text', (c) => c.notNull())
    .addColumn('status_index', 'integer', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credential_participant_idx').on('credential').column('participant_id').execute();
  await db.schema
    .createTable('status_list')
    .addColumn('purpose', 'text', (c) => c.primaryKey())
    .addColumn('bits', t.binary, (c) => c.notNull())
    .addColumn('jwt', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Monotonic counters (status list indexes) that both databases can bump atomically.
  await db.schema
    .createTable('counter')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', t.bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('participant_key')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participant.id'))
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participant_key_pk', ['participant_id', 'kid'])
    .execute();
  await db.schema
    .createTable('enrollment_secret')
    .addColumn('secret_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participant.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('trusted_issuer')
    .addColumn('did', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  // Connector side: the credentials this connector holds (its key stays in its key file).
  await db.schema
    .createTable('held_credential')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('jwt', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('connector_identity')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('did', 'text', (c) => c.notNull())
    .addColumn('operator_did', 'text', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .execute();
}
