// A ledger writer for the crash test: appends as fast as it can, directly and through the outbox,
// and prints a line for every entry only after its commit was acknowledged. The test kills it
// with SIGKILL at an arbitrary moment and then checks what survived.
import { importEd25519PrivatePem } from '../../src/core/crypto/ed25519-key.js';
import { openDatabase } from '../../src/store/database.js';
import { EvidenceRecorder } from '../../src/store/evidence/evidence-recorder.js';
import { LedgerStore } from '../../src/store/ledger/ledger-store.js';
import { CheckpointSigner } from '../../src/operator/ledger/checkpoint-signer.js';
import { LedgerSequencer } from '../../src/operator/ledger/ledger-sequencer.js';

const [url, keyPem, runId] = process.argv.slice(2) as [string, string, string];
const database = await openDatabase(url);
const store = new LedgerStore(database);
const sequencer = new LedgerSequencer(store, new CheckpointSigner('tds.test/crash', importEd25519PrivatePem(keyPem)), { maxBatch: 500, pollMs: 5 });
await sequencer.start('sha256');
const recorder = new EvidenceRecorder(store, sequencer.algorithm, () => sequencer.wake());
process.stdout.write('ready\n');

let n = 0;
const entry = () => ({ type: 'crash.test', subject: `${runId}-${n++}`, actor: 'writer', at: new Date().toISOString(), payload: { pad: 'x'.repeat(100) } });

async function directWriter(): Promise<never> {
  for (;;) {
    const batch = Array.from({ length: 20 }, entry);
    const indexes = await sequencer.append(batch);
    process.stdout.write(batch.map((e, i) => `ack ${indexes[i]} ${e.subject}\n`).join(''));
  }
}

async function outboxWriter(): Promise<never> {
  for (;;) {
    const e = entry();
    await database.transaction((tx) => recorder.record(tx, e));
    process.stdout.write(`outbox ${e.subject}\n`);
  }
}

await Promise.all([directWriter(), directWriter(), directWriter(), outboxWriter(), outboxWriter()]);
