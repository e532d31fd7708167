// Data sandbox benchmark (数据开发利用环境). Prints, in one run on this machine, for a typical
// aggregate over a generated 企业用电 table of 10 million rows (200,000 enterprises × 50 months):
//   - as the baseline, the same query on raw DuckDB in this process (same threads, data in memory);
//   - the sandbox: the job path minus HTTP and the database — DuckDB's parse of the consumer's
//     SQL, the gate, the printed query (views over the table, k-anonymity counts and suppression)
//     in the locked engine process, the release rules;
//   - the same with a WHERE condition, which adds the differencing check's scan.
// Medians of rounds, each round running every case once in a random order.
// Usage: npx tsx bench/sandbox.ts [--rows 10000000] [--rounds 9] [--threads 2]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { executePlan, gateQuery, type ReleaseRules, type SandboxGrant } from '../src/core/sandbox/index.js';
import { SandboxEngine } from '../src/connector/sandbox/sandbox-engine.js';
import { engineTable, viewPlan } from '../src/connector/sandbox/sandbox-views.js';
import { anAsset, electricityFields } from '../test/support/sandbox-fixture.js';
import { median } from './support/stats.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, rounds: { type: 'string' }, threads: { type: 'string' } } });
const ROWS = Number(values.rows ?? 10_000_000);
const ROUNDS = Number(values.rounds ?? 9);
const THREADS = Number(values.threads ?? 2);
const ENTERPRISES = Math.max(100, Math.round(ROWS / 50));

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${ROWS.toLocaleString('en')} rows, ${ENTERPRISES.toLocaleString('en')} enterprises, ${THREADS} DuckDB threads, ${ROUNDS} rounds after 1 warm-up`);

const dir = await mkdtemp(path.join(os.tmpdir(), 'tds-bench-sandbox-'));
const file = path.join(dir, 'electricity.parquet');
const generating = performance.now();
{
  const instance = await DuckDBInstance.create(':memory:', { threads: String(os.cpus().length) });
  const c = await instance.connect();
  await c.run(`COPY (
    SELECT '91410100' || lpad(CAST(i % ${ENTERPRISES} AS VARCHAR), 10, '0') AS "统一社会信用代码",
           '4101' || lpad(CAST(2 + (hash(i % ${ENTERPRISES}) % 12) AS VARCHAR), 2, '0') AS "行政区划代码",
           'C' || CAST(13 + (hash(i % ${ENTERPRISES}, 1) % 27) AS VARCHAR) AS "行业代码",
           strftime(DATE '2021-11-01' + INTERVAL (i // ${ENTERPRISES}) MONTH, '%Y-%m') AS "月份",
           round(1000 + (hash(i, 2) % 100000) / 10.0, 1) AS "用电量",
           round(600 + (hash(i, 3) % 80000) / 10.0, 1) AS "电费"
    FROM range(${ROWS}) t(i)) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
}
console.log(`data: written in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

const QUERY = `SELECT 行业代码, 月份, count(*) AS 企业月数, sum(用电量) AS 总用电量, avg(电费) AS 平均电费 FROM 企业用电数据 GROUP BY 行业代码, 月份`;
const FILTERED = `SELECT 行业代码, count(*) AS 企业月数, avg(用电量) AS 平均用电量 FROM 企业用电数据 WHERE 月份 >= '2024-01' GROUP BY 行业代码`;

// Raw DuckDB: the table in memory, the same query without any gate.
const raw = await (await DuckDBInstance.create(':memory:', { threads: String(THREADS) })).connect();
await raw.run(`CREATE TABLE "企业用电数据" AS SELECT * FROM read_parquet('${file}')`);

// The sandbox: the engine process loads the same file, then locks itself.
const engine = new SandboxEngine({ memoryLimit: '8GB', threads: THREADS, tempDirectory: path.join(dir, 'tmp') });
const asset = anAsset(electricityFields, { id: 'bench' });
const table = engineTable(asset, { path: file, format: 'parquet' });
const loading = performance.now();
const columns = await engine.ensure([table]);
console.log(`sandbox engine: loaded and locked in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
const plan = viewPlan({ asset, table, rawColumns: columns[table.table] ?? [], terms: {}, agreementId: 'bench', master: new Uint8Array(32) });
const schema = 'g_bench';
const setup = [`CREATE SCHEMA ${schema}`, `CREATE VIEW ${schema}."${plan.name}" AS ${plan.body}`];
const cleanup = [`DROP SCHEMA IF EXISTS ${schema} CASCADE`];
const rules: ReleaseRules = { aggregateOnly: true, k: 10, maxRows: 10_000, review: 'auto', maxConditions: 12 };
const grant: SandboxGrant = { views: [{ name: plan.name, columns: plan.columns, hasSubject: plan.hasSubject, maxRowsPerSubject: 50, agreementId: 'bench' }], rules };

let exactRuns = 0;

async function sandboxJob(sql: string): Promise<number> {
  const decision = gateQuery(await engine.parse(sql), grant, { schema });
  if (!decision.accepted) throw new Error(decision.refusal.message.en);
  const planEngine = { parse: (query: string) => engine.parse(query), run: async (query: string) => (await engine.run(setup, query, cleanup, { timeoutMs: 600_000 })).rows };
  const released = await executePlan(decision.plan, rules, planEngine, schema, Math.random);
  if ('refusal' in released) throw new Error(released.refusal.message.en);
  exactRuns += released.exact ? 1 : 0;
  return released.result.rows.length;
}

async function rawQuery(sql: string): Promise<number> {
  return (await raw.runAndReadAll(sql)).getRows().length;
}

const cases: Record<string, () => Promise<number>> = {
  'raw DuckDB, GROUP BY industry, month': () => rawQuery(QUERY),
  'sandbox, GROUP BY industry, month': () => sandboxJob(QUERY),
  'raw DuckDB, WHERE month ≥ 2024-01, GROUP BY industry': () => rawQuery(FILTERED),
  'sandbox, same with WHERE (differencing check)': () => sandboxJob(FILTERED),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const rowsOut: Record<string, number> = {};
for (let round = 0; round <= ROUNDS; round++) {
  for (const name of Object.keys(cases).sort(() => Math.random() - 0.5)) {
    const start = performance.now();
    rowsOut[name] = await cases[name]!();
    if (round > 0) times[name]!.push(performance.now() - start);
  }
}
const m = (name: string) => median(times[name]!);
for (const name of Object.keys(cases)) console.log(`${name.padEnd(55)} median ${m(name).toFixed(0).padStart(6)} ms  (${rowsOut[name]} rows out)`);
console.log(`sandbox / raw DuckDB, typical aggregate: ${(m('sandbox, GROUP BY industry, month') / m('raw DuckDB, GROUP BY industry, month')).toFixed(2)}× (target ≤ 1.2×)`);
console.log(`sandbox / raw DuckDB, with WHERE: ${(m('sandbox, same with WHERE (differencing check)') / m('raw DuckDB, WHERE month ≥ 2024-01, GROUP BY industry')).toFixed(2)}×`);
console.log(`sandbox jobs that needed exact distinct-subject counts: ${exactRuns}`);
engine.stop();
raw.closeSync();
await rm(dir, { recursive: true, force: true });
