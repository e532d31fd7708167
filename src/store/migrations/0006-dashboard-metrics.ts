import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { columnTypes } from './column-types.js';

/** The effectiveness dashboard's projection of the ledger (store/metrics/metrics-tables.ts). */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const { bigint } = columnTypes(dialect);
  await db.schema
    .createTable('metric_watermark')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('next_index', bigint, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The one watermark row exists from the start, so every catch-up only ever updates it.
  await db.insertInto('metric_watermark' as never).values({ id: 1, next_index: 0, updated_at: new Date().toISOString() } as never).execute();
  await db.schema
    .createTable('metric_activity')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entries', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_activity_pk', ['day', 'type', 'actor'])
    .execute();
  await db.schema
    .createTable('metric_agreement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text')
    .addColumn('provider_did', 'text')
    .addColumn('consumer_did', 'text')
    .addColumn('finalized_at', 'text')
    .addColumn('finalized_day', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('metric_agreement_day').on('metric_agreement').columns(['finalized_day', 'dataset_id']).execute();
  await db.schema
    .createTable('metric_transfer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text')
    .addColumn('provider_did', 'text')
    .addColumn('consumer_did', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_day', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('terminated_at', 'text')
    .addColumn('state', 'text')
    .addColumn('state_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('metric_transfer_day').on('metric_transfer').columns(['requested_day', 'agreement_id']).execute();
  await db.schema
    .createTable('metric_sandbox_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text')
    .addColumn('provider_did', 'text')
    .addColumn('consumer_did', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_day', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('state_at', 'text', (c) => c.notNull())
    .addColumn('running_since', 'text')
    .addColumn('run_ms', bigint, (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('metric_sandbox_job_day').on('metric_sandbox_job').columns(['submitted_day', 'agreement_id']).execute();
  await db.schema
    .createTable('metric_sandbox_runtime')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('run_ms', bigint, (c) => c.notNull())
    .execute();
}
