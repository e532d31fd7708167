import { describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from './support/test-databases.js';
import { spawnTs, stopProcess } from './support/run-cli.js';
import { waitFor } from './support/wait-for.js';
import { generateEd25519KeyPair, importEd25519PrivatePem } from '../src/core/crypto/ed25519-key.js';
import { hashAlgorithm } from '../src/core/crypto/hash-algorithm.js';
import { parseCheckpoint } from '../src/core/ledger/checkpoint.js';
import { CompactRange } from '../src/core/ledger/compact-range.js';
import { decodeEvidenceLeaf } from '../src/core/ledger/evidence-entry.js';
import { leafHash } from '../src/core/ledger/merkle-hash.js';
import { openNote } from '../src/core/ledger/signed-note.js';
import { openDatabase } from '../src/store/database.js';
import { LedgerStore } from '../src/store/ledger/ledger-store.js';
import { CheckpointSigner } from '../src/operator/ledger/checkpoint-signer.js';
import { LedgerSequencer } from '../src/operator/ledger/ledger-sequencer.js';

const ROUNDS = 3;

describe.each(databaseKinds)('ledger crash safety on %s', (kind) => {
  it('loses no acknowledged entry and corrupts nothing when the writer is killed mid-batch', async () => {
    const testDb = await createTestDatabase(kind);
    const keyPem = generateEd25519KeyPair().exportPrivatePkcs8Pem();
    const ackedDirect = new Map<number, string>();
    const ackedOutbox = new Set<string>();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const child = spawnTs('test/support/ledger-writer-process.ts', [testDb.url, keyPem, `r${round}`]);
        let acksThisRound = 0;
        let rest = '';
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        child.stdout!.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) {
            const [tag, a, b] = line.split(' ');
            if (tag === 'ack') ackedDirect.set(Number(a), b!);
            if (tag === 'outbox') ackedOutbox.add(a!);
            if (tag === 'ack' || tag === 'outbox') acksThisRound += 1;
          }
        });
        // Kill at a different point each round, while batches are being committed.
        const target = 400 + Math.floor(Math.random() * 600);
        await waitFor(() => acksThisRound >= target || child.exitCode !== null, 60_000, `${target} acknowledgements`);
        expect(child.exitCode, stderr).toBeNull();
        await stopProcess(child, 'SIGKILL');
      }

      const database = await openDatabase(testDb.url);
      try {
        const store = new LedgerStore(database);
        const alg = hashAlgorithm('sha256');
        const head = (await store.readHead())!;
        const leaves = await store.readLeaves(0, head.size + 1000);
        expect(leaves).toHaveLength(head.size);
        const range = new CompactRange(alg, 0, []);
        for (const { leaf } of leaves) range.append(leafHash(alg, leaf));
        expect(Buffer.from(range.root())).toEqual(Buffer.from(head.rootHash));
        const signer = new CheckpointSigner('tds.test/crash', importEd25519PrivatePem(keyPem));
        const checkpoint = parseCheckpoint(openNote(head.checkpoint!, signer.verifierKey).text);
        expect(checkpoint.size).toBe(head.size);
        expect(Buffer.from(checkpoint.rootHash)).toEqual(Buffer.from(head.rootHash));

        for (const [index, subject] of ackedDirect) {
          expect(decodeEvidenceLeaf(leaves[index]!.leaf).subject).toBe(subject);
        }
        // A restarted writer loads the tree and drains what the outbox still holds.
        const sequencer = new LedgerSequencer(store, signer, { pollMs: 10 });
        await sequencer.start('sha256');
        await waitFor(async () => (await store.readOutbox(1)).length === 0, 20_000, 'outbox drained');
        await sequencer.stop();
        const all = await store.readLeaves(0, sequencer.size);
        const subjects = new Set(all.map((l) => decodeEvidenceLeaf(l.leaf).subject));
        expect(subjects.size).toBe(all.length);
        for (const subject of ackedOutbox) expect(subjects.has(subject), subject).toBe(true);
        expect(ackedDirect.size + ackedOutbox.size).toBeGreaterThan(ROUNDS * 400 - 1);
      } finally {
        await database.close();
      }
    } finally {
      await testDb.drop();
    }
  }, 180_000);
});
