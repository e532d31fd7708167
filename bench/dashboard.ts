// Effectiveness dashboard benchmark. Prints, on SQLite and PostgreSQL:
//   - how fast the dashboard's projection catches up with a ledger of realistic connector
//     evidence (agreements, transfers, sandbox jobs, both sides of each) from an empty watermark,
//   - the latency (p50/p95) of GET /api/v1/dashboard's figures once caught up (30 days, 366 days),
//   - the cost of a catch-up of the 100 entries appended since the previous answer,
//   - the baseline, on the same database in the same run: the same period's agreements, transfers
//     and sandbox jobs per day answered without the projection, by reading and decoding every
//     ledger leaf (bench/support/dashboard-baseline.ts). Its counts must equal the dashboard's.
// Usage: npx tsx bench/dashboard.ts [--entries 200000] [--baseline-rounds 5] [--pg postgres://…|--no-pg]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { generateEd25519KeyPair } from '../src/core/crypto/ed25519-key.js';
import type { EvidenceInput } from '../src/core/ledger/evidence-entry.js';
import type { Database } from '../src/store/database.js';
import { LedgerStore } from '../src/store/ledger/ledger-store.js';
import { CatalogFiguresStore } from '../src/store/metrics/catalog-figures-store.js';
import { MetricsProjectionStore } from '../src/store/metrics/metrics-projection-store.js';
import { MetricsQueryStore } from '../src/store/metrics/metrics-query-store.js';
import { ParticipantFiguresStore } from '../src/store/metrics/participant-figures-store.js';
import { CheckpointSigner } from '../src/operator/ledger/checkpoint-signer.js';
import { LedgerSequencer } from '../src/operator/ledger/ledger-sequencer.js';
import { DashboardService } from '../src/operator/dashboard/dashboard-service.js';
import { LedgerProjection } from '../src/operator/dashboard/ledger-projection.js';
import { assertSameCounts, countsFromLeaves, totalOf } from './support/dashboard-baseline.js';
import { percentile } from './support/stats.js';
import { onBothDatabases } from './support/bench-postgres.js';

const { values } = parseArgs({ options: { entries: { type: 'string' }, 'baseline-rounds': { type: 'string' }, pg: { type: 'string' }, 'no-pg': { type: 'boolean' } } });
const TOTAL = Number(values.entries ?? 200_000);
// Each baseline answer reads the whole ledger (seconds at 200,000 entries): fewer rounds than the dashboard's 30.
const BASELINE_ROUNDS = Number(values['baseline-rounds'] ?? 5);
const START = Date.parse('2026-01-01T00:00:00.000Z');
const SPAN_MS = 300 * 86_400_000;
const did = (n: number) => `did:web:operator.bench:participants:p_${n}`;

/**
 * Entry i of a generated ledger: about one process step in six is an agreement's, the rest are
 * transfer and sandbox steps and data-plane accesses, recorded by both sides, over 300 days and 40
 * participants.
 */
function anEntry(i: number): EvidenceInput {
  const at = new Date(START + Math.floor((i / TOTAL) * SPAN_MS)).toISOString();
  const process = Math.floor(i / 12);
  const step = i % 12;
  const provider = did(process % 20);
  const consumer = did(20 + (process % 20));
  const agreement = `urn:uuid:agreement-${process}`;
  const side = step % 2 === 0 ? { actor: provider, role: 'provider', peer: consumer } : { actor: consumer, role: 'consumer', peer: provider };
  const dataset = `urn:tds:bench:p_${process % 20}:asset-${process % 500}`;
  if (step < 2) return { type: 'agreement.finalized', subject: agreement, actor: side.actor, at, payload: { role: side.role, provider, consumer, dataset, hash: 'sha256:00' } };
  if (step < 6) {
    const type = ['transfer.requested', 'transfer.started'][Math.floor((step - 2) / 2)]!;
    return { type, subject: `t-${process}-${side.role}`, actor: side.actor, at, payload: { role: side.role, consumerPid: `t-${process}`, providerPid: `tp-${process}`, peer: side.peer, agreement, format: 'HttpData-PULL', state: type === 'transfer.started' ? 'STARTED' : 'REQUESTED' } };
  }
  if (step < 8) return { type: 'dataplane.access', subject: agreement, actor: provider, at, payload: { transfer: `tp-${process}`, consumer, kind: 'download', counted: true } };
  const job = `job-${process}`;
  const events = ['sandbox.job.submitted', 'sandbox.job.started', 'sandbox.result.released', 'sandbox.budget.charged'];
  return { type: events[step - 8]!, subject: job, actor: provider, at, payload: { agreement, consumer, state: ['queued', 'running', 'succeeded', 'succeeded'][step - 8] } };
}

async function append(sequencer: LedgerSequencer, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 5000) {
    const batch: EvidenceInput[] = [];
    for (let j = i; j < Math.min(from + count, i + 5000); j++) batch.push(anEntry(j));
    await sequencer.append(batch);
  }
}

async function latency(fn: () => Promise<unknown>, rounds = 30): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  await fn();
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function benchDatabase(label: string, database: Database) {
  const ledger = new LedgerStore(database);
  const sequencer = new LedgerSequencer(ledger, new CheckpointSigner('bench.tds/dashboard', generateEd25519KeyPair()), { maxBatch: 8192 });
  await sequencer.start('sha256');
  await append(sequencer, 0, TOTAL);
  const projection = new LedgerProjection(ledger, new MetricsProjectionStore(database));
  const service = new DashboardService({ projection, queries: new MetricsQueryStore(database), catalog: new CatalogFiguresStore(database), participants: new ParticipantFiguresStore(database), ledger, now: () => new Date(START + SPAN_MS) });
  const start = process.hrtime.bigint();
  await projection.catchUp();
  const catchUpS = Number(process.hrtime.bigint() - start) / 1e9;
  const monthPeriod = service.period({});
  const yearPeriod = service.period({ from: '2026-01-01', to: '2026-12-31' });
  const month = await latency(() => service.dashboard(monthPeriod));
  const year = await latency(() => service.dashboard(yearPeriod));
  // The baseline, before more entries are appended, checked against the dashboard's answer for the same period.
  const baselineCounts = await countsFromLeaves(ledger, yearPeriod);
  assertSameCounts(`${label} 366 days`, baselineCounts, await service.dashboard(yearPeriod));
  assertSameCounts(`${label} 30 days`, await countsFromLeaves(ledger, monthPeriod), await service.dashboard(monthPeriod));
  const baselineMonth = await latency(() => countsFromLeaves(ledger, monthPeriod), BASELINE_ROUNDS);
  const baselineYear = await latency(() => countsFromLeaves(ledger, yearPeriod), BASELINE_ROUNDS);
  const counted = { agreements: totalOf(baselineCounts.agreements), transfers: totalOf(baselineCounts.transfers), jobs: totalOf(baselineCounts.jobs) };
  let next = TOTAL;
  const incremental = await latency(async () => {
    await append(sequencer, next, 100);
    next += 100;
    await projection.catchUp();
  }, 20);
  await sequencer.stop();
  return { label, entries: TOTAL, catchUpS, perSecond: TOTAL / catchUpS, month, year, incremental, baselineMonth, baselineYear, counted };
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
const results = await onBothDatabases('dashboard', { pg: values.pg, noPg: values['no-pg'] }, benchDatabase);

const ms = (l: { p50: number; p95: number }) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)}`;
const n = (v: number) => Math.round(v).toLocaleString('en');
console.log('\n| database | entries | catch-up from empty | entries/s | dashboard 30 days p50 / p95 (ms) | 366 days p50 / p95 (ms) | +100 entries catch-up p50 / p95 (ms) |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.label} | ${n(r.entries)} | ${r.catchUpS.toFixed(1)} s | ${n(r.perSecond)} | ${ms(r.month)} | ${ms(r.year)} | ${ms(r.incremental)} |`);
}
console.log(`\nBaseline: the same counts by reading and decoding every leaf (${BASELINE_ROUNDS} rounds after a warm-up; the dashboard's 30). Ratio = baseline p50 / dashboard p50.`);
console.log('\n| database | period | dashboard p50 / p95 (ms) | baseline p50 / p95 (ms) | ratio (p50) | agreements / transfers / jobs in 366 days (both agree) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const counts = `${n(r.counted.agreements)} / ${n(r.counted.transfers)} / ${n(r.counted.jobs)}`;
  console.log(`| ${r.label} | 30 days | ${ms(r.month)} | ${ms(r.baselineMonth)} | ${(r.baselineMonth.p50 / r.month.p50).toFixed(0)}× | ${counts} |`);
  console.log(`| ${r.label} | 366 days | ${ms(r.year)} | ${ms(r.baselineYear)} | ${(r.baselineYear.p50 / r.year.p50).toFixed(0)}× | ${counts} |`);
}
