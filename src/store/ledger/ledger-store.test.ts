import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { hashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { CompactRange } from '../../core/ledger/compact-range.js';
import { emptyRoot, leafHash } from '../../core/ledger/merkle-hash.js';
import { openDatabase, type Database } from '../database.js';
import { LedgerConflictError, LedgerStore, type LedgerBatch } from './ledger-store.js';

const alg = hashAlgorithm('sha256');
const at = '2026-11-22T12:00:00.000Z';

/** Builds a valid batch of `n` leaves on top of `range` (mutating it). */
function aBatch(range: CompactRange, n: number, overrides: Partial<LedgerBatch> = {}): LedgerBatch {
  const expectedSize = range.size;
  const leaves = Array.from({ length: n }, (_, i) => new TextEncoder().encode(`leaf-${expectedSize + i}`));
  const leafHashes = leaves.map((leaf) => leafHash(alg, leaf));
  const nodes = leafHashes.flatMap((hash) => range.append(hash)).filter((node) => node.id.level > 0);
  return { expectedSize, leaves, leafHashes, nodes, rootHash: range.root(), checkpoint: `cp ${range.size}\n`, outboxIds: [], at, ...overrides };
}

describe.each(databaseKinds)('LedgerStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: LedgerStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new LedgerStore(database);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('has no tree until one is created, and creating twice keeps the first', async () => {
    expect(await store.readHead()).toBeUndefined();
    const head = await store.createTree('sm3', emptyRoot(hashAlgorithm('sm3')), at);
    expect(head).toMatchObject({ algorithm: 'sm3', size: 0, checkpoint: null });
    const again = await store.createTree('sha256', emptyRoot(alg), at);
    expect(again.algorithm).toBe('sm3');
  });

  it('commits leaves, nodes, head and checkpoint of a batch together', async () => {
    await store.createTree('sha256', emptyRoot(alg), at);
    const range = new CompactRange(alg, 0, []);
    const batch = aBatch(range, 5);
    await store.commitBatch(batch);
    const head = await store.readHead();
    expect(head).toMatchObject({ size: 5, checkpoint: 'cp 5\n' });
    expect(Buffer.from(head!.rootHash)).toEqual(Buffer.from(range.root()));
    const leaves = await store.readLeaves(1, 3);
    expect(leaves.map((l) => [l.index, new TextDecoder().decode(l.leaf)])).toEqual([[1, 'leaf-1'], [2, 'leaf-2']]);
    const ids = CompactRange.frontierIds(5);
    const nodes = await store.readNodes(ids);
    expect(nodes.map((n) => Buffer.from(n!))).toEqual(range.frontier().map((h) => Buffer.from(h)));
    expect(await store.readNodes([{ level: 3, index: 0 }, { level: 0, index: 5 }])).toEqual([undefined, undefined]);
    expect(Buffer.from((await store.readNodes([{ level: 0, index: 4 }]))[0]!)).toEqual(Buffer.from(batch.leafHashes[4]!));
  });

  it('refuses a batch built on a stale size and writes nothing of it', async () => {
    await store.createTree('sha256', emptyRoot(alg), at);
    const range = new CompactRange(alg, 0, []);
    await store.commitBatch(aBatch(range, 3));
    const stale = aBatch(new CompactRange(alg, 0, []), 2);
    await expect(store.commitBatch(stale)).rejects.toBeInstanceOf(LedgerConflictError);
    expect((await store.readHead())!.size).toBe(3);
    expect(await store.readLeaves(0, 10)).toHaveLength(3);
  });

  it('hands out outbox rows in order and deletes them with the batch that integrates them', async () => {
    await store.createTree('sha256', emptyRoot(alg), at);
    await database.transaction(async (tx) => {
      await store.enqueue(tx, new Uint8Array([1]), at);
      await store.enqueue(tx, new Uint8Array([2]), at);
    });
    const rows = await store.readOutbox(10);
    expect(rows.map((r) => [...r.leaf])).toEqual([[1], [2]]);
    const range = new CompactRange(alg, 0, []);
    await store.commitBatch({ ...aBatch(range, 1), outboxIds: [rows[0]!.id] });
    expect((await store.readOutbox(10)).map((r) => [...r.leaf])).toEqual([[2]]);
  });

  it('loses outbox rows of a rolled-back transaction', async () => {
    await expect(
      database.transaction(async (tx) => {
        await store.enqueue(tx, new Uint8Array([9]), at);
        throw new Error('domain change failed');
      }),
    ).rejects.toThrow('domain change failed');
    expect(await store.readOutbox(10)).toEqual([]);
  });

  it('refuses to update or delete leaves and nodes', async () => {
    await store.createTree('sha256', emptyRoot(alg), at);
    await store.commitBatch(aBatch(new CompactRange(alg, 0, []), 2));
    await expect(sql`UPDATE ledger_leaf SET leaf = ${Buffer.from('x')} WHERE idx = 0`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM ledger_leaf`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM ledger_node`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await store.readLeaves(0, 10)).toHaveLength(2);
  });
});
