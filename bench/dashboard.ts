// Effectiveness dashboard benchmark. Prints, on SQLite and PostgreSQL:
//   - how fast the dashboard's projection catches up with a ledger of realistic connector
//     evidence (agreements, transfers, sandbox jobs, both sides of each) from an empty watermark,
//   - the latency (p50/p95) of GET /api/v1/dashboard's figures once caught up (30 days, 366 days),
//   - the cost of a catch-up of the 100 entries appended since the previous answer.
// Usage: npx tsx bench/dashboard.ts [--entries 200000] [--pg postgres://…|--no-pg]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateEd25519KeyPair } from '../src/core/crypto/ed25519-key.js';
import type { EvidenceInput } from '../src/core/ledger/evidence-entry.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { LedgerStore } from '../src/store/ledger/ledger-store.js';
import { CatalogFiguresStore } from '../src/store/metrics/catalog-figures-store.js';
import { MetricsProjectionStore } from '../src/store/metrics/metrics-projection-store.js';
import { MetricsQueryStore } from '../src/store/metrics/metrics-query-store.js';
import { ParticipantFiguresStore } from '../src/store/metrics/participant-figures-store.js';
import { CheckpointSigner } from '../src/operator/ledger/checkpoint-signer.js';
import { LedgerSequencer } from '../src/operator/ledger/ledger-sequencer.js';
import { DashboardService } from '../src/operator/dashboard/dashboard-service.js';
import { LedgerProjection } from '../src/operator/dashboard/ledger-projection.js';
import { percentile } from './support/stats.js';
import { benchPostgresUrl } from './support/bench-postgres.js';

const { values } = parseArgs({ options: { entries: { type: 'string' }, pg: { type: 'string' }, 'no-pg': { type: 'boolean' } } });
const TOTAL = Number(values.entries ?? 200_000);
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
  const month = await latency(() => service.dashboard(service.period({})));
  const year = await latency(() => service.dashboard(service.period({ from: '2026-01-01', to: '2026-12-31' })));
  let next = TOTAL;
  const incremental = await latency(async () => {
    await append(sequencer, next, 100);
    next += 100;
    await projection.catchUp();
  }, 20);
  const d = await service.dashboard(service.period({ from: '2026-01-01', to: '2026-12-31' }));
  await sequencer.stop();
  return { label, entries: TOTAL, catchUpS, perSecond: TOTAL / catchUpS, month, year, incremental, agreements: d.agreements.total, jobs: d.sandboxJobs.total };
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
const results = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-bench-dashboard-'));
try {
  const sqlite = await openDatabase(`sqlite:${path.join(dir, 'dashboard.db')}`);
  results.push(await benchDatabase('sqlite', sqlite));
  await sqlite.close();
  const pg = values['no-pg'] ? undefined : await benchPostgresUrl(values.pg);
  if (pg) {
    const database = await openDatabase(pg.url);
    try {
      results.push(await benchDatabase('postgres', database));
    } finally {
      await database.close();
      await pg.drop();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log('\n| database | entries | catch-up from empty | entries/s | dashboard 30 days p50 / p95 (ms) | 366 days p50 / p95 (ms) | +100 entries catch-up p50 / p95 (ms) | agreements / jobs counted |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.label} | ${r.entries.toLocaleString('en')} | ${r.catchUpS.toFixed(1)} s | ${Math.round(r.perSecond).toLocaleString('en')} | ${r.month.p50.toFixed(1)} / ${r.month.p95.toFixed(1)} | ${r.year.p50.toFixed(1)} / ${r.year.p95.toFixed(1)} | ${r.incremental.p50.toFixed(1)} / ${r.incremental.p95.toFixed(1)} | ${r.agreements.toLocaleString('en')} / ${r.jobs.toLocaleString('en')} |`);
}
