import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anEvidenceInput } from '../../../test/support/ledger-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { hashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { decodeEvidenceLeaf, encodeEvidence, type EvidenceInput } from '../../core/ledger/evidence-entry.js';
import { leafHash } from '../../core/ledger/merkle-hash.js';
import { openDatabase, type Database } from '../database.js';
import { LedgerStore } from '../ledger/ledger-store.js';
import { at } from './contract-fixtures.js';
import { EvidenceReceiptStore, type EvidenceReceipt } from './evidence-receipt-store.js';

const alg = hashAlgorithm('sha256');
const SUBJECT = 'urn:uuid:agreement-evidence';

/** The receipt the space's ledger would give for this leaf at this index. */
function aReceiptFor(leaf: Uint8Array, ledgerIndex: number): EvidenceReceipt {
  const entry = decodeEvidenceLeaf(leaf);
  return { leafHash: Buffer.from(leafHash(alg, leaf)).toString('hex'), ledgerIndex, type: entry.type, subject: entry.subject, at: entry.at };
}

describe.each(databaseKinds)('EvidenceReceiptStore on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let ledger: LedgerStore;
  let store: EvidenceReceiptStore;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    ledger = new LedgerStore(database);
    store = new EvidenceReceiptStore(database, ledger);
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  /** Records evidence as domain code does: encoded leaves into the outbox, in one transaction. */
  async function enqueue(...inputs: EvidenceInput[]): Promise<Uint8Array[]> {
    const leaves = inputs.map((input) => encodeEvidence(alg, input).leaf);
    await database.transaction(async (tx) => {
      for (const [i, leaf] of leaves.entries()) await ledger.enqueue(tx, leaf, inputs[i]!.at);
    });
    return leaves;
  }

  it('has nothing pending on a fresh database', async () => {
    expect(await store.pending(10)).toEqual([]);
    expect(await store.pendingCount()).toBe(0);
    expect(await store.forSubject(SUBJECT)).toEqual([]);
  });

  it('hands out the pending evidence in the order it was recorded, up to the limit, with a count', async () => {
    const leaves = await enqueue(anEvidenceInput({ type: 'agreement.signed' }), anEvidenceInput({ type: 'transfer.started' }), anEvidenceInput({ type: 'access.allowed' }));
    const pending = await store.pending(10);
    expect(pending.map((row) => Buffer.from(row.leaf))).toEqual(leaves.map((leaf) => Buffer.from(leaf)));
    expect(pending.map((row) => decodeEvidenceLeaf(row.leaf).type)).toEqual(['agreement.signed', 'transfer.started', 'access.allowed']);
    expect((await store.pending(2)).map((row) => row.id)).toEqual(pending.slice(0, 2).map((row) => row.id));
    expect(await store.pending(0)).toEqual([]);
    expect(await store.pendingCount()).toBe(3);
  });

  it('settles: writes the receipts and removes exactly the settled outbox rows', async () => {
    const leaves = await enqueue(
      anEvidenceInput({ subject: SUBJECT, at: at(1) }),
      anEvidenceInput({ subject: SUBJECT, at: at(2) }),
      anEvidenceInput({ subject: SUBJECT, at: at(3) }),
    );
    const [first, second, third] = await store.pending(10);
    const receipts = [aReceiptFor(leaves[0]!, 40), aReceiptFor(leaves[1]!, 41)];
    await store.settle([first!.id, second!.id], receipts, at(10));

    expect((await store.pending(10)).map((row) => row.id)).toEqual([third!.id]);
    expect(await store.pendingCount()).toBe(1);
    expect(await store.forSubject(SUBJECT)).toEqual(receipts);
  });

  it('settling the same evidence twice keeps the first receipts and fails nothing', async () => {
    const [leaf] = await enqueue(anEvidenceInput({ subject: SUBJECT }));
    const [row] = await store.pending(10);
    const receipt = aReceiptFor(leaf!, 7);
    await store.settle([row!.id], [receipt], at(10));
    await store.settle([row!.id], [{ ...receipt, ledgerIndex: 99 }], at(20));
    expect(await store.forSubject(SUBJECT)).toEqual([receipt]);
    expect(await store.pendingCount()).toBe(0);
  });

  it('settles nothing at all when the receipts cannot be written: the outbox rows stay', async () => {
    const [leaf] = await enqueue(anEvidenceInput({ subject: SUBJECT }));
    const [row] = await store.pending(10);
    const broken = { ...aReceiptFor(leaf!, 1), type: null as unknown as string };
    await expect(store.settle([row!.id], [broken], at(10))).rejects.toThrow();
    expect((await store.pending(10)).map((r) => r.id)).toEqual([row!.id]);
    expect(await store.forSubject(SUBJECT)).toEqual([]);
  });

  it('accepts a settlement with no receipts or no outbox rows', async () => {
    await enqueue(anEvidenceInput());
    await store.settle([], [], at(1));
    expect(await store.pendingCount()).toBe(1);
    const [row] = await store.pending(1);
    await store.settle([row!.id], [], at(2));
    expect(await store.pendingCount()).toBe(0);
  });

  it('lists the receipts of a subject by time, then by ledger index, and no one else’s', async () => {
    const leaves = await enqueue(
      anEvidenceInput({ subject: SUBJECT, type: 'transfer.completed', at: at(30) }),
      anEvidenceInput({ subject: SUBJECT, type: 'agreement.signed', at: at(10) }),
      anEvidenceInput({ subject: SUBJECT, type: 'agreement.verified', at: at(10) }),
      anEvidenceInput({ subject: 'urn:uuid:someone-else', at: at(5) }),
    );
    const rows = await store.pending(10);
    const receipts = [aReceiptFor(leaves[0]!, 3), aReceiptFor(leaves[1]!, 2), aReceiptFor(leaves[2]!, 1), aReceiptFor(leaves[3]!, 0)];
    await store.settle(rows.map((r) => r.id), receipts, at(40));
    expect((await store.forSubject(SUBJECT)).map((r) => [r.type, r.ledgerIndex])).toEqual([
      ['agreement.verified', 1],
      ['agreement.signed', 2],
      ['transfer.completed', 3],
    ]);
    expect(await store.forSubject('urn:uuid:someone-else')).toEqual([receipts[3]]);
  });
});
