import { sql } from 'kysely';
import type SqliteDriver from 'better-sqlite3';
import type { Tx } from '../database.js';

/** Rows of one integration batch, as the two databases take them fastest. */
export interface LedgerRows {
  firstIndex: number;
  leaves: Uint8Array[];
  leafHashes: Uint8Array[];
  at: string;
  nodePositions: number[];
  nodeHashes: Uint8Array[];
  outboxIds: number[];
}

/**
 * Writes a batch's rows inside the caller's transaction. SQLite: statements prepared once and
 * run per row on the connection under Kysely (better-sqlite3 is synchronous and in-process, so
 * a prepared insert costs a few microseconds; building a multi-row query would cost more than
 * the insert). PostgreSQL: one statement per table with the rows as arrays expanded by unnest,
 * so a batch of thousands is three round trips.
 */
export interface LedgerBulkWriter {
  write(tx: Tx, rows: LedgerRows): Promise<void>;
}

const buf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function sqliteBulkWriter(driver: SqliteDriver.Database): LedgerBulkWriter {
  const insertLeaf = driver.prepare('INSERT INTO ledger_leaf (idx, leaf, leaf_hash, integrated_at) VALUES (?, ?, ?, ?)');
  const insertNode = driver.prepare('INSERT INTO ledger_node (position, hash) VALUES (?, ?)');
  const deleteOutbox = driver.prepare('DELETE FROM evidence_outbox WHERE id = ?');
  return {
    // The Kysely transaction has begun on this same connection; these run inside it.
    async write(_tx, rows) {
      for (let i = 0; i < rows.leaves.length; i++) {
        insertLeaf.run(rows.firstIndex + i, buf(rows.leaves[i]!), buf(rows.leafHashes[i]!), rows.at);
      }
      for (let i = 0; i < rows.nodePositions.length; i++) insertNode.run(rows.nodePositions[i], buf(rows.nodeHashes[i]!));
      for (const id of rows.outboxIds) deleteOutbox.run(id);
    },
  };
}

export const postgresBulkWriter: LedgerBulkWriter = {
  async write(tx, rows) {
    if (rows.leaves.length > 0) {
      await sql`INSERT INTO ledger_leaf (idx, leaf, leaf_hash, integrated_at)
        SELECT ${rows.firstIndex}::bigint + ord - 1, leaf, leaf_hash, ${rows.at}
        FROM unnest(${rows.leaves.map(buf)}::bytea[], ${rows.leafHashes.map(buf)}::bytea[]) WITH ORDINALITY AS t(leaf, leaf_hash, ord)`.execute(tx);
    }
    if (rows.nodePositions.length > 0) {
      await sql`INSERT INTO ledger_node (position, hash)
        SELECT * FROM unnest(${rows.nodePositions}::bigint[], ${rows.nodeHashes.map(buf)}::bytea[])`.execute(tx);
    }
    if (rows.outboxIds.length > 0) {
      await sql`DELETE FROM evidence_outbox WHERE id = ANY(${rows.outboxIds}::bigint[])`.execute(tx);
    }
  },
};
