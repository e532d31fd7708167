import { sql } from 'kysely';
import type { Database } from '../../src/store/database.js';

/** Rewrites a stored leaf's JSON as an attacker with database access would (leaf hash untouched). */
export async function tamperLeaf(database: Database, index: number, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const { db } = database;
  // An attacker with database access first switches off the append-only guard.
  if (database.dialect === 'postgres') await sql`ALTER TABLE ledger_leaf DISABLE TRIGGER ledger_leaf_append_only`.execute(db);
  else await sql`DROP TRIGGER IF EXISTS ledger_leaf_no_update`.execute(db);
  const row = await db.selectFrom('ledger_leaf').select('leaf').where('idx', '=', index).executeTakeFirstOrThrow();
  const json = JSON.parse(Buffer.from(row.leaf).toString('utf8'));
  edit(json);
  await db.updateTable('ledger_leaf').set({ leaf: Buffer.from(JSON.stringify(json)) }).where('idx', '=', index).execute();
}

/** Puts a stored leaf back as it was (a restore from backup). */
export async function restoreLeaf(database: Database, index: number, leaf: Uint8Array): Promise<void> {
  await database.db.updateTable('ledger_leaf').set({ leaf: Buffer.from(leaf) }).where('idx', '=', index).execute();
}
