import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';
import { aLedgerKey, anEvidenceInput } from '../../../test/support/ledger-fixtures.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { hashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { parseCheckpoint } from '../../core/ledger/checkpoint.js';
import { CompactRange } from '../../core/ledger/compact-range.js';
import { decodeEvidenceLeaf } from '../../core/ledger/evidence-entry.js';
import { leafHash } from '../../core/ledger/merkle-hash.js';
import { verifyConsistency } from '../../core/ledger/proof-verify.js';
import { openNote } from '../../core/ledger/signed-note.js';
import { openDatabase, type Database } from '../../store/database.js';
import { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import { LedgerStore } from '../../store/ledger/ledger-store.js';
import { CheckpointSigner } from './checkpoint-signer.js';
import { LedgerReader } from './ledger-reader.js';
import { LedgerSequencer } from './ledger-sequencer.js';

const origin = 'tds.test/space';

describe.each(databaseKinds)('LedgerSequencer on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let store: LedgerStore;
  const running: LedgerSequencer[] = [];

  async function aSequencer(key = aLedgerKey(), algorithm: 'sha256' | 'sm3' = 'sha256', db = database) {
    const signer = new CheckpointSigner(origin, key);
    const sequencer = new LedgerSequencer(new LedgerStore(db), signer, { pollMs: 20, maxBatch: 64 });
    await sequencer.start(algorithm);
    running.push(sequencer);
    return { sequencer, signer };
  }

  async function storedRoot(algorithm: 'sha256' | 'sm3' = 'sha256') {
    const alg = hashAlgorithm(algorithm);
    const head = (await store.readHead())!;
    const range = new CompactRange(alg, 0, []);
    for (const { leaf } of await store.readLeaves(0, head.size)) range.append(leafHash(alg, leaf));
    return { head, recomputed: range.root() };
  }

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    store = new LedgerStore(database);
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.stop();
    await database.close();
    await testDb.drop();
  });

  it('gives concurrent appends consecutive indexes and a signed root over exactly those leaves', async () => {
    const { sequencer, signer } = await aSequencer();
    const inputs = Array.from({ length: 300 }, () => anEvidenceInput());
    const indexes = (await Promise.all(inputs.map((input) => sequencer.append([input])))).flat();
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const { head, recomputed } = await storedRoot();
    expect(head.size).toBe(300);
    expect(Buffer.from(recomputed)).toEqual(Buffer.from(head.rootHash));
    const checkpoint = parseCheckpoint(openNote(head.checkpoint!, signer.verifierKey).text);
    expect(checkpoint).toMatchObject({ origin, size: 300 });
    const [stored] = await store.readLeaves(indexes[7]!, indexes[7]! + 1);
    expect(decodeEvidenceLeaf(stored!.leaf).subject).toBe(inputs[7]!.subject);
  });

  it('integrates evidence recorded in a committed transaction, and never a rolled-back one', async () => {
    const { sequencer } = await aSequencer();
    const recorder = new EvidenceRecorder(store, sequencer.algorithm, () => sequencer.wake());
    await database.transaction((tx) => recorder.record(tx, { type: 'test.kept', subject: 's1', actor: 'a', payload: {} }));
    await expect(
      database.transaction(async (tx) => {
        await recorder.record(tx, { type: 'test.lost', subject: 's2', actor: 'a', payload: {} });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow();
    await waitFor(() => sequencer.size === 1, 5000, 'outbox integration');
    await new Promise((r) => setTimeout(r, 100));
    const leaves = await store.readLeaves(0, 10);
    expect(leaves.map((l) => decodeEvidenceLeaf(l.leaf).type)).toEqual(['test.kept']);
    expect(await store.readOutbox(10)).toEqual([]);
  });

  it('resumes after a restart with a tree consistent with the one before', async () => {
    const key = aLedgerKey();
    const first = await aSequencer(key);
    await first.sequencer.append(Array.from({ length: 37 }, () => anEvidenceInput()));
    const before = (await store.readHead())!;
    await first.sequencer.stop();
    const second = await aSequencer(key);
    expect(second.sequencer.size).toBe(37);
    const [next] = await second.sequencer.append([anEvidenceInput()]);
    expect(next).toBe(37);
    const after = (await store.readHead())!;
    const proof = await new LedgerReader(store).consistencyProof(37, 38);
    expect(() => verifyConsistency(hashAlgorithm('sha256'), 37, 38, proof, before.rootHash, after.rootHash)).not.toThrow();
  });

  it('re-signs the current checkpoint when the operator key changes', async () => {
    const first = await aSequencer();
    await first.sequencer.append([anEvidenceInput()]);
    await first.sequencer.stop();
    const { signer } = await aSequencer(aLedgerKey());
    const head = (await store.readHead())!;
    expect(() => openNote(head.checkpoint!, signer.verifierKey)).not.toThrow();
  });

  it('keeps the algorithm chosen when the space was created (SM3)', async () => {
    const { sequencer } = await aSequencer(aLedgerKey(), 'sm3');
    await sequencer.append([anEvidenceInput(), anEvidenceInput()]);
    const { head, recomputed } = await storedRoot('sm3');
    expect(head.algorithm).toBe('sm3');
    expect(Buffer.from(recomputed)).toEqual(Buffer.from(head.rootHash));
    const entry = decodeEvidenceLeaf((await store.readLeaves(0, 1))[0]!.leaf);
    expect(entry.payloadHash).toMatch(/^sm3:[0-9a-f]{64}$/);
  });

  // Several writers are the PostgreSQL scale-out (operator replicas); embedded SQLite has one
  // writer process, and two synchronous SQLite connections in one event loop would deadlock.
  it.runIf(kind === 'postgres')('lets two writers on one database interleave without losing or duplicating an entry', async () => {
    const otherDb = await openDatabase(testDb.url);
    try {
      const key = aLedgerKey();
      const a = await aSequencer(key);
      const b = await aSequencer(key, 'sha256', otherDb);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).sequencer.append([anEvidenceInput(), anEvidenceInput()])),
      );
      const indexes = results.flat().sort((x, y) => x - y);
      expect(indexes).toEqual(Array.from({ length: 80 }, (_, i) => i));
      const { head, recomputed } = await storedRoot();
      expect(head.size).toBe(80);
      expect(Buffer.from(recomputed)).toEqual(Buffer.from(head.rootHash));
      await b.sequencer.stop();
    } finally {
      await otherDb.close();
    }
  });
});
