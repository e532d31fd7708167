// Sandbox fair use (issue 15; ADR 0012). Prints, in one run on this machine, the wait of consumer
// B's cheap aggregates (submission → released result, through B's own connector):
//   - as the baseline, B alone;
//   - while consumer A floods the provider's queue with heavy self-joins, keeping it at its
//     per-consumer limit (each refused submission past it is a 429, counted);
// plus what a first-come queue would have made B wait (A's queued jobs × A's median run time).
// Separate `tds` processes on SQLite: an operator, the utility (provider) and the two banks.
// Usage: npx tsx bench/sandbox-fairness.ts [--enterprises 300] [--cheap 15] [--max-jobs 20]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { FAIR_VIEW, startFairnessSpace, type FairConsumer } from '../test/support/fairness-space.js';
import { median, percentile } from './support/stats.js';

const { values } = parseArgs({ options: { enterprises: { type: 'string' }, cheap: { type: 'string' }, 'max-jobs': { type: 'string' } } });
const ENTERPRISES = Number(values.enterprises ?? 300);
const CHEAP = Number(values.cheap ?? 15);
const MAX_JOBS = Number(values['max-jobs'] ?? 20);
const HEAVY = `SELECT a.行业代码, count(*) AS 配对数, avg(b.用电量) AS 平均用电量 FROM ${FAIR_VIEW} a JOIN ${FAIR_VIEW} b ON a.月份 = b.月份 GROUP BY 1`;
const CHEAP_SQL = `SELECT 行业代码, count(*) AS 企业月数, avg(用电量) AS 平均用电量 FROM ${FAIR_VIEW} GROUP BY 1`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${ENTERPRISES} enterprises × 24 months, ${CHEAP} cheap jobs per phase, ${MAX_JOBS} jobs per consumer at most`);
const starting = performance.now();
const space = await startFairnessSpace({ enterprises: ENTERPRISES, utilityArgs: ['--sandbox-max-jobs', String(MAX_JOBS)] });
console.log(`space: 4 processes started, onboarded, data published, 2 agreements in ${s(performance.now() - starting)}`);

/** Submits and follows one job; its wait from submission to a settled state, and its queue position at submission. */
async function timed(consumer: FairConsumer, sql: string): Promise<{ ms: number; position?: number; state: string }> {
  const t = performance.now();
  const sent = await consumer.submit(sql);
  if (sent.status !== 201) throw new Error(`submission answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  let job = sent.body;
  while (job.state === 'queued' || job.state === 'running') {
    await sleep(25);
    job = await consumer.read(sent.body.id);
  }
  return { ms: performance.now() - t, state: job.state, ...(sent.body.queuePosition ? { position: sent.body.queuePosition } : {}) };
}

try {
  // Warm-up: the engine loads the table on first use.
  await timed(space.b, CHEAP_SQL);
  const heavyAlone = await timed(space.a, HEAVY);
  console.log(`A's heavy join alone: ${s(heavyAlone.ms)} (${heavyAlone.state})`);

  const baseline: number[] = [];
  for (let i = 0; i < CHEAP; i++) baseline.push((await timed(space.b, CHEAP_SQL)).ms);

  // The flood: A keeps its queue at the limit; past it the provider answers 429.
  let flooding = true;
  let refused = 0;
  let accepted = 0;
  const aIds: string[] = [];
  const flood = (async () => {
    while (flooding) {
      const sent = await space.a.submit(HEAVY);
      if (sent.status === 201) {
        accepted += 1;
        aIds.push(sent.body.id as string);
      } else if (sent.status === 429 && sent.body.code === 'sandbox.too-many-jobs') {
        refused += 1;
        await sleep(200);
      } else throw new Error(`A's submission answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    }
  })();
  await sleep(1500);
  const flooded: number[] = [];
  const positions: number[] = [];
  for (let i = 0; i < CHEAP; i++) {
    const r = await timed(space.b, CHEAP_SQL);
    flooded.push(r.ms);
    if (r.position) positions.push(r.position);
    await sleep(300 + Math.random() * 700);
  }
  flooding = false;
  await flood;
  const aRuns: number[] = [];
  for (const id of aIds) {
    const job = await space.a.read(id);
    if (job.state === 'succeeded' && job.finishedAt) aRuns.push(Date.parse(job.finishedAt) - Date.parse(job.createdAt));
    if (job.state === 'queued' || job.state === 'running') await fetch(`${space.a.node.url}/api/v1/sandbox/jobs/${id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${space.a.key}` } });
  }
  const fifo = MAX_JOBS * heavyAlone.ms;
  console.log('');
  console.log('B\'s cheap aggregate, submission → released result:');
  console.log(`  alone (baseline):          median ${s(median(baseline))}, p95 ${s(percentile(baseline, 95))}, n=${baseline.length}`);
  console.log(`  while A floods (fair):     median ${s(median(flooded))}, p95 ${s(percentile(flooded, 95))}, n=${flooded.length}; queue position at submission: ${positions.length ? `${Math.min(...positions)}–${Math.max(...positions)}` : 'started at once'}`);
  console.log(`  first-come queue (estimate): ≈ ${s(fifo)} (A's ${MAX_JOBS} queued jobs × its heavy join alone)`);
  console.log(`A: ${accepted} heavy jobs accepted, ${refused} submissions refused with 429 sandbox.too-many-jobs; ${aRuns.length} finished meanwhile`);
  console.log(`target p95 ≤ 5 s: ${percentile(flooded, 95) <= 5000 ? 'met' : 'NOT met'}`);
} finally {
  await space.stop();
}
