// Evidence ledger benchmark (issue 2). Prints, in one run on this machine:
//   - the raw SHA-256 rate of node:crypto on leaf-sized inputs (the baseline),
//   - batched appends/s through the sequencer (group commit, durable) on SQLite and PostgreSQL,
//   - inclusion- and consistency-proof latency (p50/p99) at 1e6 entries.
// Usage: npx tsx bench/ledger.ts [--entries 1000000] [--pg postgres://…|--no-pg]
import { createHash } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { generateEd25519KeyPair } from '../src/core/crypto/ed25519-key.js';
import { encodeEvidence, type EvidenceInput } from '../src/core/ledger/evidence-entry.js';
import { hashAlgorithm } from '../src/core/crypto/hash-algorithm.js';
import type { Database } from '../src/store/database.js';
import { LedgerStore } from '../src/store/ledger/ledger-store.js';
import { CheckpointSigner } from '../src/operator/ledger/checkpoint-signer.js';
import { LedgerReader } from '../src/operator/ledger/ledger-reader.js';
import { LedgerSequencer } from '../src/operator/ledger/ledger-sequencer.js';
import { median, percentile } from './support/stats.js';
import { onBothDatabases } from './support/bench-postgres.js';

const { values } = parseArgs({ options: { entries: { type: 'string' }, pg: { type: 'string' }, 'no-pg': { type: 'boolean' } } });
const TOTAL = Number(values.entries ?? 1_000_000);
const CHUNK = 50_000;
const CONCURRENT_APPENDERS = 64;
const PER_CALL = 50;
const PROOFS = 5_000;

function anInput(i: number): EvidenceInput {
  return {
    type: 'transfer.completed',
    subject: `urn:tds:bench:agreement-${i}`,
    actor: 'did:web:connector.bench.example',
    at: new Date(1_790_000_000_000 + i).toISOString(),
    payload: { bytes: 1048576 + i, contentHash: `sha256:${(i * 2654435761).toString(16).padStart(64, '0')}` },
  };
}

function hashBaseline(): { hashesPerSecond: number; leafBytes: number } {
  const leaf = encodeEvidence(hashAlgorithm('sha256'), anInput(1)).leaf;
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const n = 300_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) createHash('sha256').update(leaf).digest();
    rates.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return { hashesPerSecond: median(rates), leafBytes: leaf.length };
}

async function appendAll(sequencer: LedgerSequencer, from: number, count: number): Promise<void> {
  let next = from;
  const end = from + count;
  const worker = async () => {
    while (next < end) {
      const start = next;
      next = Math.min(end, next + PER_CALL);
      const batch: EvidenceInput[] = [];
      for (let i = start; i < next; i++) batch.push(anInput(i));
      await sequencer.append(batch);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_APPENDERS }, worker));
}

async function timeProofs(fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  // Warm the page cache first: the figure wanted is steady-state latency, not first reads from disk.
  for (let i = 0; i < 2000; i++) await fn(i);
  for (let i = 0; i < PROOFS; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function benchDatabase(label: string, database: Database) {
  const store = new LedgerStore(database);
  const sequencer = new LedgerSequencer(store, new CheckpointSigner('bench.tds/ledger', generateEd25519KeyPair()), { maxBatch: 8192 });
  await sequencer.start('sha256');
  const rates: number[] = [];
  for (let done = 0; done < TOTAL; done += CHUNK) {
    const count = Math.min(CHUNK, TOTAL - done);
    const start = process.hrtime.bigint();
    await appendAll(sequencer, done, count);
    rates.push(count / (Number(process.hrtime.bigint() - start) / 1e9));
    process.stderr.write(`\r${label}: ${done + count} entries, last chunk ${Math.round(rates.at(-1)!)} appends/s   `);
  }
  process.stderr.write('\n');
  await sequencer.stop();
  const reader = new LedgerReader(store);
  const size = sequencer.size;
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const inclusion = await timeProofs(() => reader.inclusionProof(random(size), size));
  const consistency = await timeProofs(() => reader.consistencyProof(1 + random(size - 1), size));
  return { label, entries: size, appendsPerSecondMedian: median(rates), appendsPerSecondMin: Math.min(...rates), inclusion, consistency };
}

const baseline = hashBaseline();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(`baseline: raw SHA-256 over a ${baseline.leafBytes}-byte leaf: ${Math.round(baseline.hashesPerSecond).toLocaleString('en')} hashes/s (median of 5)`);

const results = await onBothDatabases('ledger', { pg: values.pg, noPg: values['no-pg'] }, benchDatabase);

console.log('\n| database | entries | appends/s (median of 50k chunks) | slowest chunk | inclusion p50 / p99 (ms) | consistency p50 / p99 (ms) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.entries.toLocaleString('en')} | ${Math.round(r.appendsPerSecondMedian).toLocaleString('en')} | ${Math.round(r.appendsPerSecondMin).toLocaleString('en')} | ${r.inclusion.p50.toFixed(3)} / ${r.inclusion.p99.toFixed(3)} | ${r.consistency.p50.toFixed(3)} / ${r.consistency.p99.toFixed(3)} |`,
  );
}
console.log(`\nappends per raw hash: each append hashes its leaf once and about one interior node; raw SHA-256 alone would allow ${Math.round(baseline.hashesPerSecond / 2).toLocaleString('en')} appends/s.`);
