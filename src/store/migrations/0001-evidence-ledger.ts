import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.js';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const t = columnTypes(dialect);
  // One row: the tree head and its latest signed checkpoint, updated in the same transaction
  // as the leaves and nodes of each batch, so a crash leaves either all of a batch or none.
  await db.schema
    .createTable('ledger_tree')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('size', t.bigint, (c) => c.notNull())
    .addColumn('root_hash', t.binary, (c) => c.notNull())
    .addColumn('checkpoint', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_leaf')
    .addColumn('idx', t.bigint, (c) => c.primaryKey())
    .addColumn('leaf', t.binary, (c) => c.notNull())
    .addColumn('leaf_hash', t.binary, (c) => c.notNull())
    .addColumn('integrated_at', 'text', (c) => c.notNull())
    .execute();
  // Level-0 hashes live in ledger_leaf: one row fewer per append than a node row per leaf.
  await db.schema
    .createTable('ledger_node')
    .addColumn('position', t.bigint, (c) => c.primaryKey())
    .addColumn('hash', t.binary, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('evidence_outbox')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('leaf', t.binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The ledger is append-only (DESIGN.md invariant); on PostgreSQL the database itself refuses
  // UPDATE and DELETE of leaves and nodes, so a bug cannot rewrite history. Tampering by someone
  // with superuser access is what `tds ledger verify` is for.
  if (dialect === 'postgres') {
    await sql`CREATE FUNCTION tds_refuse_ledger_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ledger rows are append-only (%)', TG_TABLE_NAME; END $$`.execute(db);
    for (const table of ['ledger_leaf', 'ledger_node']) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION tds_refuse_ledger_rewrite()`.execute(db);
    }
  } else {
    for (const table of ['ledger_leaf', 'ledger_node']) {
      for (const op of ['UPDATE', 'DELETE']) {
        await sql`CREATE TRIGGER ${sql.raw(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
          BEGIN SELECT RAISE(ABORT, ${sql.lit(`ledger rows are append-only (${table})`)}); END`.execute(db);
      }
    }
  }
}
