import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { columnTypes } from './column-types.js';

/**
 * The query-set audit's memory: per agreement and view, the groups each released (or held) job
 * gave, as their contributing rows and subject fingerprints (8 bytes a row, packed).
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const { binary } = columnTypes(dialect);
  await db.schema
    .createTable('sandbox_released_group')
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('view_name', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('group_index', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('members', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sandbox_released_group_pk', ['agreement_id', 'view_name', 'job_id', 'group_index'])
    .execute();
}
