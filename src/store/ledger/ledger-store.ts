import { sql } from 'kysely';
import type { HashAlgorithmName } from '../../core/crypto/hash-algorithm.js';
import type { NodeId } from '../../core/ledger/merkle-node.js';
import type { Database, Tx } from '../database.js';
import { nodePosition } from './ledger-node-position.js';
import { postgresBulkWriter, sqliteBulkWriter, type LedgerBulkWriter } from './ledger-bulk-writer.js';

export interface LedgerHead {
  algorithm: HashAlgorithmName;
  size: number;
  rootHash: Uint8Array;
  /** The signed note for `size`; null only for a tree that never integrated a batch. */
  checkpoint: string | null;
}

/** One integration step of the single writer: everything in it commits atomically. */
export interface LedgerBatch {
  /** The size the writer built on; the commit fails if the stored tree moved since. */
  expectedSize: number;
  leaves: Uint8Array[];
  /** The RFC 6962 leaf hash of each leaf, aligned with `leaves`. */
  leafHashes: Uint8Array[];
  /** The interior perfect nodes (level ≥ 1) completed by these leaves. */
  nodes: Array<{ id: NodeId; hash: Uint8Array }>;
  rootHash: Uint8Array;
  checkpoint: string;
  /** Outbox rows consumed by this batch; deleted in the same transaction. */
  outboxIds: number[];
  at: string;
}

export interface OutboxRow {
  id: number;
  leaf: Uint8Array;
}

/** Another writer integrated first; reload the tree and build the batch again. */
export class LedgerConflictError extends Error {
  constructor(expected: number, actual: number | undefined) {
    super(`ledger moved: expected size ${expected}, found ${actual ?? 'no tree'}`);
    this.name = 'LedgerConflictError';
  }
}

// SQLite allows 32,766 bound parameters per statement; stay well under it on both databases.
const ROWS_PER_QUERY = 4000;

const buf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Persistence of the Merkle evidence log: leaves, perfect-subtree hashes, the tree head with
 * its checkpoint, and the evidence outbox. Leaves and nodes are only ever inserted.
 */
export class LedgerStore {
  private readonly bulk: LedgerBulkWriter;

  constructor(private readonly database: Database) {
    this.bulk = database.sqlite ? sqliteBulkWriter(database.sqlite) : postgresBulkWriter;
  }

  /** The tree head, or undefined when the space has no ledger yet. */
  async readHead(): Promise<LedgerHead | undefined> {
    const row = await this.database.db
      .selectFrom('ledger_tree')
      .select(['algorithm', 'size', 'root_hash', 'checkpoint'])
      .where('id', '=', 1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      algorithm: row.algorithm as HashAlgorithmName,
      size: Number(row.size),
      rootHash: new Uint8Array(row.root_hash),
      checkpoint: row.checkpoint,
    };
  }

  /** Creates the empty tree once; a second call (or a racing process) keeps the first. */
  async createTree(algorithm: HashAlgorithmName, emptyRoot: Uint8Array, at: string): Promise<LedgerHead> {
    await this.database.db
      .insertInto('ledger_tree')
      .values({ id: 1, algorithm, size: 0, root_hash: buf(emptyRoot), checkpoint: null, updated_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const head = await this.readHead();
    if (!head) throw new Error('ledger tree row missing after creation');
    return head;
  }

  /**
   * Hashes of the given perfect nodes, aligned with `ids`; undefined where a node is absent
   * (not yet complete, or beyond the tree). One query: level-0 hashes come from ledger_leaf,
   * interior ones from ledger_node, both keyed by in-order position (a leaf's is 2·index).
   */
  async readNodes(ids: NodeId[]): Promise<Array<Uint8Array | undefined>> {
    if (ids.length === 0) return [];
    const positions = ids.map(nodePosition);
    const found = new Map<number, Uint8Array>();
    const leafIndexes = [...new Set(ids.filter((id) => id.level === 0).map((id) => id.index))];
    const interior = [...new Set(positions.filter((_, i) => ids[i]!.level > 0))];
    for (let i = 0; i < Math.max(leafIndexes.length, interior.length); i += ROWS_PER_QUERY) {
      const leafPart = leafIndexes.slice(i, i + ROWS_PER_QUERY);
      const nodePart = interior.slice(i, i + ROWS_PER_QUERY);
      const db = this.database.db;
      const fromLeaves = db.selectFrom('ledger_leaf').select([sql<number>`idx * 2`.as('position'), 'leaf_hash as hash']).where('idx', 'in', leafPart);
      const fromNodes = db.selectFrom('ledger_node').select(['position', 'hash']).where('position', 'in', nodePart);
      const query = leafPart.length === 0 ? fromNodes : nodePart.length === 0 ? fromLeaves : fromNodes.unionAll(fromLeaves);
      for (const r of await query.execute()) found.set(Number(r.position), new Uint8Array(r.hash));
    }
    return positions.map((p) => found.get(p));
  }

  /** Leaves [from, to) in index order; fewer if the tree is shorter. */
  async readLeaves(from: number, to: number): Promise<Array<{ index: number; leaf: Uint8Array }>> {
    if (to <= from) return [];
    const rows = await this.database.db
      .selectFrom('ledger_leaf')
      .select(['idx', 'leaf'])
      .where('idx', '>=', from)
      .where('idx', '<', to)
      .orderBy('idx')
      .execute();
    return rows.map((r) => ({ index: Number(r.idx), leaf: new Uint8Array(r.leaf) }));
  }

  /** Leaves [from, to) with the leaf hash stored beside each: what self-verification recomputes. */
  async readLeavesWithHashes(from: number, to: number): Promise<Array<{ index: number; leaf: Uint8Array; leafHash: Uint8Array }>> {
    if (to <= from) return [];
    const rows = await this.database.db
      .selectFrom('ledger_leaf')
      .select(['idx', 'leaf', 'leaf_hash'])
      .where('idx', '>=', from)
      .where('idx', '<', to)
      .orderBy('idx')
      .execute();
    return rows.map((r) => ({ index: Number(r.idx), leaf: new Uint8Array(r.leaf), leafHash: new Uint8Array(r.leaf_hash) }));
  }

  /** The index of each leaf hash already in the log (the first, should one repeat). */
  async indexesOfLeafHashes(hashes: Uint8Array[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    if (hashes.length === 0) return found;
    const rows = await this.database.db.selectFrom('ledger_leaf').select(['idx', 'leaf_hash']).where('leaf_hash', 'in', hashes.map(buf)).orderBy('idx').execute();
    for (const r of rows) {
      const key = Buffer.from(r.leaf_hash).toString('hex');
      if (!found.has(key)) found.set(key, Number(r.idx));
    }
    return found;
  }

  /** Adds an encoded evidence leaf to the outbox inside the caller's transaction. */
  async enqueue(tx: Tx, leaf: Uint8Array, at: string): Promise<void> {
    await tx.insertInto('evidence_outbox').values({ leaf: buf(leaf), created_at: at }).execute();
  }

  async readOutbox(limit: number): Promise<OutboxRow[]> {
    if (limit <= 0) return [];
    const rows = await this.database.db
      .selectFrom('evidence_outbox')
      .select(['id', 'leaf'])
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), leaf: new Uint8Array(r.leaf) }));
  }

  /**
   * Integrates a batch atomically. The conditional head update comes first so that, on
   * PostgreSQL, a concurrent writer blocks on the row lock and then fails the size check.
   */
  async commitBatch(batch: LedgerBatch): Promise<void> {
    const newSize = batch.expectedSize + batch.leaves.length;
    await this.database.transaction(async (tx) => {
      const updated = await tx
        .updateTable('ledger_tree')
        .set({
          size: newSize,
          root_hash: buf(batch.rootHash),
          checkpoint: batch.checkpoint,
          updated_at: batch.at,
        })
        .where('id', '=', 1)
        .where('size', '=', batch.expectedSize)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const current = await tx.selectFrom('ledger_tree').select('size').where('id', '=', 1).executeTakeFirst();
        throw new LedgerConflictError(batch.expectedSize, current ? Number(current.size) : undefined);
      }
      await this.bulk.write(tx, {
        firstIndex: batch.expectedSize,
        leaves: batch.leaves,
        leafHashes: batch.leafHashes,
        at: batch.at,
        nodePositions: batch.nodes.map((n) => nodePosition(n.id)),
        nodeHashes: batch.nodes.map((n) => n.hash),
        outboxIds: batch.outboxIds,
      });
    });
  }
}
