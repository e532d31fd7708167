// Contracts and data plane benchmark (DSP). Prints, in one run on this machine:
//   - complete contract negotiations per second between two connectors (each its own `tds`
//     process, with the operator a third), from the request at the bank's management API to
//     FINALIZED on both sides, at a given concurrency; on SQLite and PostgreSQL; with each
//     process's CPU,
//   - the provider's data-plane download throughput for a ~1 GiB Parquet file (EDR token, after
//     the transfer's one-time preparation) beside nginx (the Debian package) serving the same
//     file on loopback, measured alternately with the same clients.
// Usage: npx tsx bench/dsp.ts [--db sqlite|postgres|both] [--negotiations 120] [--concurrency 32]
//        [--rounds 3] [--size-mib 1024] [--downloads 5] [--pg postgres://…] [--profile DIR]
//        [--no-dataplane] [--no-negotiations] [--fresh]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { provisionPostgres } from '../scripts/test-postgres.mjs';
import { negotiationRound, publishFile, pullTransfer, type Published, type RoundResult, type StartMode } from './support/dsp-contracts.js';
import { curlAvailable, curlDownload, nodeDownload, type Downloaded } from './support/dsp-download.js';
import { startNginx } from './support/dsp-nginx.js';
import { benchParquet, type BenchFile } from './support/dsp-parquet.js';
import { cpuSeconds, startSpace, type BenchSpace } from './support/dsp-space.js';
import { median } from './support/stats.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    negotiations: { type: 'string' },
    concurrency: { type: 'string' },
    rounds: { type: 'string' },
    'size-mib': { type: 'string' },
    downloads: { type: 'string' },
    pg: { type: 'string' },
    profile: { type: 'string' },
    'no-dataplane': { type: 'boolean' },
    'no-negotiations': { type: 'boolean' },
    fresh: { type: 'boolean' },
  },
});
const DBS = values.db === 'sqlite' || values.db === 'postgres' ? [values.db] : ['sqlite', 'postgres'];
const NEGOTIATIONS = Number(values.negotiations ?? 120);
const CONCURRENCY = Number(values.concurrency ?? 32);
const ROUNDS = Number(values.rounds ?? 3);
const SIZE = Number(values['size-mib'] ?? 1024) * 2 ** 20;
const DOWNLOADS = Number(values.downloads ?? 5);
const WARMUP_NEGOTIATIONS = 60;
const MODES: StartMode[] = ['entry', 'direct'];

const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytesPerSecond: number) => bytesPerSecond / 1e6;

if (buildIfStale() !== 0) throw new Error('building dist/ failed');
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

// ---------------------------------------------------------------------------------------------
// Negotiations

interface NegotiationResult {
  db: string;
  mode: StartMode;
  rounds: RoundResult[];
}

async function benchNegotiations(space: BenchSpace, db: string, published: Published): Promise<NegotiationResult[]> {
  const results: NegotiationResult[] = [];
  // Warm-up: JIT, caches (DID documents, trusted issuers, status lists), connection pools.
  await negotiationRound(space, published, 'entry', WARMUP_NEGOTIATIONS, CONCURRENCY);
  for (const mode of MODES) {
    const rounds: RoundResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round = await negotiationRound(space, published, mode, NEGOTIATIONS, CONCURRENCY);
      rounds.push(round);
      log(
        `${db} ${mode} round ${r + 1}: ${round.finalized} of ${round.negotiations} negotiations finalized in ${round.seconds.toFixed(2)} s = ${round.perSecond.toFixed(1)}/s ` +
          `(CPU s: bank ${round.cpu.bank.toFixed(2)}, utility ${round.cpu.utility.toFixed(2)}, operator ${round.cpu.operator.toFixed(2)}, bench ${round.cpu.bench.toFixed(2)}; ${round.rowsBefore} earlier negotiations held)` +
          (round.terminated ? `; ${round.terminated} TERMINATED: ${round.reasons.join(' | ')}` : ''),
      );
    }
    results.push({ db, mode, rounds });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Data plane beside nginx

interface Sample extends Downloaded {
  /** CPU seconds the server's processes (nginx: master and workers) and the client used for it. */
  serverCpu: number;
  clientCpu: number;
}

interface DownloadSeries {
  server: 'tds data plane' | 'nginx';
  client: 'node http' | 'curl';
  samples: Sample[];
}

async function timed(get: () => Promise<Downloaded>, serverPids: () => number[], client: 'node http' | 'curl'): Promise<Sample> {
  const pids = serverPids();
  const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const before = cpu();
  const own = process.cpuUsage();
  const downloaded = await get();
  const used = process.cpuUsage(own);
  // curl's own CPU is not ours to see; the Node client's is this process's.
  return { ...downloaded, serverCpu: cpu() - before, clientCpu: client === 'node http' ? (used.user + used.system) / 1e6 : Number.NaN };
}

async function benchDataPlane(space: BenchSpace, published: Published, file: BenchFile) {
  const edr = await pullTransfer(space, published);
  const tdsHeaders = { authorization: `Bearer ${edr.token}` };
  // The transfer's first download prepares the delivery: SHA-256 of the whole file, once.
  const first = await nodeDownload(edr.endpoint, tdsHeaders, true);
  if (first.bytes !== file.bytes) throw new Error(`the data plane sent ${first.bytes} bytes of ${file.bytes}`);
  if (first.etag !== `"${first.sha256}"`) throw new Error(`the data plane's bytes (sha256 ${first.sha256}) are not what its ETag says (${first.etag})`);
  log(`data plane: first download (the provider's one-time SHA-256 preparation; the bench hashes it too) ${first.seconds.toFixed(2)} s, ${mb(first.bytes / first.seconds).toFixed(0)} MB/s; bytes checked against the ETag`);
  const nginx = await startNginx(file.dir);
  if (!nginx) return { first, series: [] as DownloadSeries[], nginxVersion: undefined };
  try {
    const nginxUrl = `${nginx.url}/${encodeURIComponent(file.name)}`;
    const check = await nodeDownload(nginxUrl, {}, true);
    if (check.sha256 !== first.sha256) throw new Error('nginx and the data plane sent different bytes');
    const clients = curlAvailable() ? (['node http', 'curl'] as const) : (['node http'] as const);
    const series: DownloadSeries[] = [];
    const utilityPids = () => [space.utility.process.pid!];
    for (const client of clients) {
      const get = client === 'curl' ? curlDownload : nodeDownload;
      const tds: Sample[] = [];
      const baseline: Sample[] = [];
      // Alternating, each pair in a random order, so both see the same background load.
      for (let i = 0; i < DOWNLOADS; i++) {
        const pair = [
          async () => tds.push(await timed(() => get(edr.endpoint, tdsHeaders), utilityPids, client)),
          async () => baseline.push(await timed(() => get(nginxUrl, {}), nginx.pids, client)),
        ];
        if (Math.random() < 0.5) pair.reverse();
        for (const run of pair) await run();
      }
      for (const d of [...tds, ...baseline]) if (d.bytes !== file.bytes) throw new Error(`a download got ${d.bytes} bytes of ${file.bytes}`);
      const show = (samples: Sample[]) => samples.map((d) => `${mb(d.bytes / d.seconds).toFixed(0)} (${d.serverCpu.toFixed(2)} s CPU)`).join(', ');
      log(`${client}: data plane ${show(tds)}; nginx ${show(baseline)} MB/s`);
      series.push({ server: 'tds data plane', client, samples: tds }, { server: 'nginx', client, samples: baseline });
    }
    return { first, series, nginxVersion: nginx.version };
  } finally {
    await nginx.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const file = await benchParquet(SIZE, values.fresh);
console.log(`file: ${file.name}, ${file.bytes.toLocaleString('en')} bytes (${(file.bytes / 2 ** 30).toFixed(3)} GiB) Parquet, ${file.writtenIn === undefined ? 'kept from an earlier run (--fresh writes it again)' : `written by DuckDB in ${file.writtenIn.toFixed(1)} s`}`);

let pgServer: { url: string; stop(): Promise<void> } | undefined;
const negotiationResults: NegotiationResult[] = [];
let dataPlane: Awaited<ReturnType<typeof benchDataPlane>> | undefined;
try {
  for (const db of DBS) {
    let database: 'sqlite' | { server: string } = 'sqlite';
    if (db === 'postgres') {
      try {
        pgServer ??= values.pg ? { url: values.pg, stop: async () => {} } : await provisionPostgres({ log });
      } catch (error) {
        log(`PostgreSQL not available, skipped: ${(error as Error).message}`);
        continue;
      }
      database = { server: pgServer.url };
    }
    const profileDir = values.profile ? path.resolve(values.profile, db) : undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const space = await startSpace({
      database,
      sourceDir: file.dir,
      ...(profileDir ? { connectorNodeOptions: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
    });
    try {
      const published = await publishFile(space, file.name);
      if (!values['no-negotiations']) negotiationResults.push(...(await benchNegotiations(space, db, published)));
      // The data plane reads the file from disk whatever the database: measured once, on the first.
      if (!values['no-dataplane'] && !dataPlane) dataPlane = await benchDataPlane(space, published, file);
    } finally {
      await space.stop();
    }
    if (profileDir) console.log(`CPU profiles of both connectors (${db}): ${profileDir}`);
  }
} finally {
  await pgServer?.stop();
}

console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine moves every figure; compare within this run)`);

if (negotiationResults.length) {
  console.log(`\nnegotiations: ${NEGOTIATIONS} per round, ${CONCURRENCY} in flight, median of ${ROUNDS} rounds after ${WARMUP_NEGOTIATIONS} warm-up; from the request at the bank to FINALIZED at both`);
  console.log('| database | started with | finalized/s (median) | rounds | ended TERMINATED | CPU ms per negotiation: bank / utility / operator / bench |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of negotiationResults) {
    const per = (side: keyof RoundResult['cpu']) => median(r.rounds.map((x) => (1000 * x.cpu[side]) / x.negotiations)).toFixed(1);
    const lost = r.rounds.reduce((sum, x) => sum + x.terminated, 0);
    const all = r.rounds.reduce((sum, x) => sum + x.negotiations, 0);
    console.log(
      `| ${r.db} | ${r.mode === 'entry' ? 'entryId (operator resolves, provider catalog)' : 'offer in hand (providerAddress)'} | **${median(r.rounds.map((x) => x.perSecond)).toFixed(1)}** | ${r.rounds.map((x) => x.perSecond.toFixed(1)).join(', ')} | ${lost} of ${all} | ${per('bank')} / ${per('utility')} / ${per('operator')} / ${per('bench')} |`,
    );
  }
  const main = negotiationResults.find((r) => r.db === 'sqlite' && r.mode === 'entry') ?? negotiationResults[0]!;
  const rate = median(main.rounds.map((x) => x.perSecond));
  const cpu = median(main.rounds.map((x) => (x.cpu.bank + x.cpu.utility + x.cpu.operator + x.cpu.bench) / x.negotiations));
  console.log(`target ≥ 300 negotiations/s (${main.db}, ${main.mode}): ${rate >= 300 ? 'MET' : 'NOT MET'} (${rate.toFixed(1)}/s); all processes together use ${(1000 * cpu).toFixed(1)} ms CPU per negotiation, so ${os.cpus().length} cores allow at most ${(os.cpus().length / cpu).toFixed(0)}/s`);
}

if (dataPlane) {
  console.log(`\ndata plane: ${(file.bytes / 2 ** 30).toFixed(3)} GiB Parquet, ${DOWNLOADS} downloads per server and client, alternating with nginx ${dataPlane.nginxVersion ?? '(not available)'}; the first download (one-time SHA-256 preparation, not in the medians) ${mb(file.bytes / dataPlane.first.seconds).toFixed(0)} MB/s`);
  console.log('| client | tds data plane MB/s (median) | nginx MB/s (median) | ratio | server CPU s per GiB: tds / nginx | client CPU s per GiB: tds / nginx |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const rate = (samples: Sample[]) => median(samples.map((d) => mb(d.bytes / d.seconds)));
  const perGiB = (samples: Sample[], key: 'serverCpu' | 'clientCpu') => median(samples.map((d) => (d[key] * 2 ** 30) / d.bytes));
  const ratios: Array<{ client: string; ratio: number }> = [];
  for (const client of ['node http', 'curl'] as const) {
    const tds = dataPlane.series.find((s) => s.client === client && s.server === 'tds data plane');
    const nginx = dataPlane.series.find((s) => s.client === client && s.server === 'nginx');
    if (!tds || !nginx) continue;
    const ratio = rate(tds.samples) / rate(nginx.samples);
    ratios.push({ client, ratio });
    const clientCpu = client === 'curl' ? '–' : `${perGiB(tds.samples, 'clientCpu').toFixed(2)} / ${perGiB(nginx.samples, 'clientCpu').toFixed(2)}`;
    console.log(`| ${client} | **${rate(tds.samples).toFixed(0)}** | ${rate(nginx.samples).toFixed(0)} | ${ratio.toFixed(2)} | ${perGiB(tds.samples, 'serverCpu').toFixed(2)} / ${perGiB(nginx.samples, 'serverCpu').toFixed(2)} | ${clientCpu} |`);
  }
  for (const { client, ratio } of ratios) console.log(`target ≥ 0.80 of nginx (${client}): ${ratio >= 0.8 ? 'MET' : 'NOT MET'} (${ratio.toFixed(2)})`);
}
