import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';

/** The data sandbox (数据开发利用环境): jobs on either side, privacy budgets, registered algorithms. */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  await db.schema
    .createTable('sandbox_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('peer_did', 'text', (c) => c.notNull())
    .addColumn('peer_address', 'text')
    .addColumn('peer_party', 'text')
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('checks', 'text')
    .addColumn('result', 'text')
    .addColumn('result_sha256', 'text')
    .addColumn('epsilon', real)
    .addColumn('charged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // The runner's scan: the oldest queued job first.
  await db.schema.createIndex('sandbox_job_state').on('sandbox_job').columns(['role', 'state', 'created_at']).execute();
  await db.schema.createIndex('sandbox_job_agreement').on('sandbox_job').columns(['agreement_id', 'created_at']).execute();

  await db.schema
    .createTable('sandbox_budget')
    .addColumn('agreement_id', 'text', (c) => c.primaryKey())
    .addColumn('spent', real, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sandbox_algorithm')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sandbox_algorithm_pk', ['name', 'version'])
    .execute();
}
