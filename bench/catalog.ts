// Catalog search benchmark (数据发现 at scale). Prints, in one run on this machine:
//   - the load of N generated entries (Chinese and English metadata, facets, visibility) into
//     SQLite (FTS5) and PostgreSQL (tsvector + GIN), with the product's own tokens and facets,
//   - for typical queries of an admitted member, p50/p95 of CatalogFinder.find (the service:
//     visibility, concept expansion, page, count, facets, summaries) and, as the baseline, of
//     the very SQL texts it runs, executed on the bare driver (better-sqlite3 / pg).
// Usage: npx tsx bench/catalog.ts [--entries 1000000] [--db sqlite|postgres|both] [--runs 60]
//        [--pg postgres://…] [--fresh] [--keep-pg] [--explain] [--only abf]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { CompiledQuery, RawBuilder } from 'kysely';
import { facetNames, type FacetName } from '../src/core/catalog/catalog-facets.js';
import { queryTokens } from '../src/core/catalog/search-tokens.js';
import { narrowerConcepts } from '../src/core/metadata/vocabulary.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { CatalogSearch, type CatalogSearchParams } from '../src/store/catalog/catalog-search.js';
import { CatalogStore } from '../src/store/catalog/catalog-store.js';
import { AudienceCache } from '../src/operator/catalog/audience-cache.js';
import { CatalogFinder, type CatalogQuery } from '../src/operator/catalog/catalog-finder.js';
import { GENERATOR_VERSION, benchViewer } from './support/catalog-generator.js';
import { loadPostgres, loadSqlite } from './support/catalog-load.js';
import { median, percentile } from './support/stats.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string' },
    db: { type: 'string' },
    runs: { type: 'string' },
    pg: { type: 'string' },
    fresh: { type: 'boolean' },
    'keep-pg': { type: 'boolean' },
    explain: { type: 'boolean' },
    only: { type: 'string' },
  },
});
const TOTAL = Number(values.entries ?? 1_000_000);
const DBS = values.db === 'sqlite' || values.db === 'postgres' ? [values.db] : ['sqlite', 'postgres'];
const RUNS = Number(values.runs ?? 60);
const WARMUP = 5;
const PG_SERVER = values.pg ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DATABASE = 'tds_bench_catalog';

/** The queries timed: what a member typing into the catalog's search box and ticking facets asks. */
const cases: Array<{ key: string; label: string; query: CatalogQuery }> = [
  { key: 'a', label: 'zh 2 chars: 医疗', query: { q: '医疗', filters: {}, sort: 'relevance', limit: 20, offset: 0 } },
  { key: 'b', label: 'zh 4 chars: 企业用电', query: { q: '企业用电', filters: {}, sort: 'relevance', limit: 20, offset: 0 } },
  { key: 'c', label: 'en prefix: electr', query: { q: 'electr', filters: {}, sort: 'relevance', limit: 20, offset: 0 } },
  { key: 'd', label: 'facets: industry=D, region=410000', query: { filters: { industry: ['D'], region: ['410000'] }, sort: 'recent', limit: 20, offset: 0 } },
  { key: 'e', label: '用电 + region=410000', query: { q: '用电', filters: { region: ['410000'] }, sort: 'relevance', limit: 20, offset: 0 } },
  { key: 'f', label: 'concept=tds:credit-score', query: { filters: { concept: ['tds:credit-score'] }, sort: 'recent', limit: 20, offset: 0 } },
];

// ---------------------------------------------------------------------------------------------
// Databases: SQLite cached in the temp dir by N, generator and schema; PostgreSQL tds_bench_catalog.

function datasetKey(): string {
  const hash = createHash('sha256');
  const migrations = path.join(import.meta.dirname, '../src/store/migrations');
  for (const file of fs.readdirSync(migrations).sort()) hash.update(fs.readFileSync(path.join(migrations, file)));
  return `v${GENERATOR_VERSION}-${TOTAL}-${hash.digest('hex').slice(0, 12)}`;
}

async function openSqlite(key: string): Promise<{ database: Database; loadSeconds?: number }> {
  const file = path.join(os.tmpdir(), `tds-bench-catalog-${key}.db`);
  // Older generations of this size are several GiB each: keep only the current one.
  const stale = (f: string) => f.startsWith('tds-bench-catalog-') && f.includes(`-${TOTAL}-`) && !f.startsWith(`tds-bench-catalog-${key}.db`);
  for (const old of fs.readdirSync(os.tmpdir()).filter(stale)) {
    fs.rmSync(path.join(os.tmpdir(), old), { force: true });
  }
  const complete = `${file}.complete`;
  if (values.fresh || !fs.existsSync(complete)) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, complete]) fs.rmSync(f, { force: true });
    const database = await openDatabase(`sqlite:${file}`);
    const start = performance.now();
    const { audiences } = loadSqlite(database, TOTAL);
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const loadSeconds = (performance.now() - start) / 1000;
    console.log(`sqlite: loaded ${TOTAL.toLocaleString('en')} entries (${audiences} visibility rules) in ${loadSeconds.toFixed(1)} s, ${(fs.statSync(file).size / 2 ** 30).toFixed(2)} GiB`);
    fs.writeFileSync(complete, `${loadSeconds}\n`);
    return { database, loadSeconds };
  }
  console.log(`sqlite: cached ${file} (loaded in ${Number(fs.readFileSync(complete, 'utf8')).toFixed(1)} s when made; --fresh reloads)`);
  return { database: await openDatabase(`sqlite:${file}`) };
}

async function withServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function pgUrl(): string {
  const url = new URL(PG_SERVER);
  url.pathname = `/${PG_DATABASE}`;
  return url.toString();
}

async function openPostgres(key: string): Promise<{ database: Database; loadSeconds?: number }> {
  const existing = await withServer(async (c) => (await c.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [PG_DATABASE])).rows[0]);
  if (existing && existing.note === key && !values.fresh) {
    console.log(`postgres: reusing ${PG_DATABASE} (kept by --keep-pg)`);
    return { database: await openDatabase(pgUrl()) };
  }
  await withServer(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${PG_DATABASE}`);
  });
  const database = await openDatabase(pgUrl());
  const start = performance.now();
  const { audiences, indexSeconds } = await loadPostgres(pgUrl(), TOTAL);
  const loadSeconds = (performance.now() - start) / 1000;
  const size = await withServer(async (c) => Number((await c.query(`SELECT pg_database_size($1) AS n`, [PG_DATABASE])).rows[0].n));
  console.log(`postgres: loaded ${TOTAL.toLocaleString('en')} entries (${audiences} visibility rules) in ${loadSeconds.toFixed(1)} s (indexes rebuilt in ${indexSeconds.toFixed(1)} s of it), ${(size / 2 ** 30).toFixed(2)} GiB`);
  await withServer((c) => c.query(`COMMENT ON DATABASE ${PG_DATABASE} IS '${key}'`));
  return { database, loadSeconds };
}

// ---------------------------------------------------------------------------------------------
// The baseline: the statements CatalogSearch runs for the query, on the bare driver.

type FacetLists = Partial<Record<FacetName, Array<{ value: string; count: number }>>>;
interface Outcome {
  ids: string[];
  total: number;
  facets: FacetLists;
}

/** What CatalogFinder.find hands CatalogSearch (visibility, concept expansion, tokens). */
async function paramsOf(audiences: AudienceCache, query: CatalogQuery): Promise<CatalogSearchParams> {
  const filters: CatalogSearchParams['filters'] = {};
  for (const facet of facetNames) {
    const values = query.filters[facet];
    if (values?.length) filters[facet] = facet === 'concept' ? [...new Set(values.flatMap((c) => [c, ...narrowerConcepts(c).map((n) => n.id)]))] : values;
  }
  const scope = { kind: 'audiences' as const, audienceIds: await audiences.visibleTo(benchViewer), providerId: benchViewer.participantId };
  return { tokens: query.q ? queryTokens(query.q) : [], filters, sort: query.sort, limit: query.limit, offset: query.offset, scope };
}

interface Driver {
  run(query: CompiledQuery): Promise<Array<Record<string, unknown>>>;
  explain(query: CompiledQuery): Promise<string>;
  close(): Promise<void>;
}

function sqliteDriver(database: Database): Driver {
  const prepared = new Map<string, ReturnType<NonNullable<Database['sqlite']>['prepare']>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = database.sqlite!.prepare(sql)));
    return found;
  };
  return {
    run: async (q) => statement(q.sql).all(q.parameters as unknown[]) as Array<Record<string, unknown>>,
    explain: async (q) =>
      (database.sqlite!.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.parameters as unknown[]) as Array<{ detail: string; id: number; parent: number }>)
        .map((r) => `${r.parent} ${r.id} ${r.detail}`)
        .join('\n'),
    close: async () => {},
  };
}

async function postgresDriver(): Promise<Driver> {
  const client = new pg.Client({ connectionString: pgUrl() });
  await client.connect();
  return {
    run: async (q) => (await client.query(q.sql, q.parameters as unknown[])).rows,
    explain: async (q) => (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[])).rows.map((r) => r['QUERY PLAN']).join('\n'),
    close: () => client.end(),
  };
}

function facetLists(rows: Array<Record<string, unknown>>): FacetLists {
  const facets: FacetLists = {};
  // In facetNames order, so that outcomes compare as JSON whatever order the database grouped in.
  for (const facet of facetNames) if (rows.some((r) => r.facet === facet)) facets[facet] = [];
  for (const row of rows) (facets[row.facet as FacetName] ??= []).push({ value: String(row.value), count: Number(row.n) });
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    list.splice(30);
  }
  return facets;
}

/** The same three statements and the same conditions as CatalogSearch.search, on the driver. */
function directSearch(driver: Driver, compiled: { page: CompiledQuery; count: CompiledQuery; facets: CompiledQuery }, params: CatalogSearchParams) {
  return async (): Promise<Outcome> => {
    const page = await driver.run(compiled.page);
    const total = page[0] ? Number(page[0].total) : params.offset === 0 ? 0 : Number((await driver.run(compiled.count))[0]?.n ?? 0);
    const facets = total === 0 ? [] : await driver.run(compiled.facets);
    return { ids: page.map((r) => String(r.id)), total, facets: facetLists(facets) };
  };
}

// ---------------------------------------------------------------------------------------------

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface CaseResult {
  key: string;
  label: string;
  total: number;
  outcome: Outcome;
  service: { p50: number; p95: number };
  direct: { p50: number; p95: number };
}

async function benchDatabase(label: string, database: Database): Promise<CaseResult[]> {
  const search = new CatalogSearch(database);
  const audiences = new AudienceCache(new CatalogStore(database));
  const finder = new CatalogFinder(search, audiences);
  const driver = label === 'sqlite' ? sqliteDriver(database) : await postgresDriver();
  const results: CaseResult[] = [];
  try {
    for (const c of cases.filter((c) => !values.only || values.only.includes(c.key))) {
      const params = await paramsOf(audiences, c.query);
      const statements = search.statements(params)!;
      const compile = (b: RawBuilder<unknown>) => b.compile(database.db);
      const compiled = { page: compile(statements.page), count: compile(statements.count), facets: compile(statements.facets) };
      const direct = directSearch(driver, compiled, params);
      const service = async (): Promise<Outcome> => {
        const found = await finder.find(benchViewer, c.query);
        return { ids: found.items.map((i) => i.id), total: found.total, facets: Object.fromEntries(facetNames.flatMap((f) => (found.facets[f] ? [[f, found.facets[f]]] : []))) };
      };
      const [a, b] = [await service(), await direct()];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${label} ${c.key}: the service and the direct SQL disagree`);
      if (values.explain) {
        for (const [name, q] of Object.entries(compiled)) console.log(`\n--- ${label} (${c.key}) ${c.label}: ${name}\n${q.sql}\n${JSON.stringify(q.parameters).slice(0, 300)}\n${await driver.explain(q)}`);
      }
      for (let i = 0; i < WARMUP; i++) {
        await service();
        await direct();
      }
      const serviceTimes: number[] = [];
      const directTimes: number[] = [];
      // Interleaved, so both see the same background load of this shared machine, and in a
      // random order: whichever runs second after the other is slower (collector, caches).
      for (let i = 0; i < RUNS; i++) {
        if (Math.random() < 0.5) {
          serviceTimes.push(await time(service));
          directTimes.push(await time(direct));
        } else {
          directTimes.push(await time(direct));
          serviceTimes.push(await time(service));
        }
      }
      const result = {
        key: c.key,
        label: c.label,
        total: a.total,
        outcome: a,
        service: { p50: median(serviceTimes), p95: percentile(serviceTimes, 95) },
        direct: { p50: median(directTimes), p95: percentile(directTimes, 95) },
      };
      results.push(result);
      process.stderr.write(`${label} (${c.key}) ${c.label}: ${a.total} matches, service p50 ${result.service.p50.toFixed(1)} p95 ${result.service.p95.toFixed(1)} ms, direct p50 ${result.direct.p50.toFixed(1)} p95 ${result.direct.p95.toFixed(1)} ms\n`);
    }
  } finally {
    await driver.close();
  }
  return results;
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${TOTAL.toLocaleString('en')} entries, ${RUNS} runs per query after ${WARMUP} warm-up`);
const key = datasetKey();
const all: Array<{ label: string; results: CaseResult[] }> = [];
for (const label of DBS) {
  const { database } = label === 'sqlite' ? await openSqlite(key) : await openPostgres(key);
  try {
    // With the cache each has: the figures depend on it far more than on the CPU.
    const version = database.sqlite
      ? `SQLite ${(database.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}, cache_size ${database.sqlite.pragma('cache_size', { simple: true })}`
      : await withServer(async (c) => `PostgreSQL ${(await c.query('SHOW server_version')).rows[0].server_version}, shared_buffers ${(await c.query('SHOW shared_buffers')).rows[0].shared_buffers}`);
    console.log(`${label}: ${version}`);
    all.push({ label, results: await benchDatabase(label, database) });
  } finally {
    await database.close();
    if (label === 'postgres' && !values['keep-pg']) await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`));
  }
}

console.log('\n| database | query | matches | service p50 / p95 (ms) | direct SQL p50 / p95 (ms) | service / direct (p50) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const { label, results } of all) {
  for (const r of results) {
    console.log(`| ${label} | (${r.key}) ${r.label} | ${r.total.toLocaleString('en')} (${((100 * r.total) / TOTAL).toFixed(2)}%) | ${r.service.p50.toFixed(1)} / ${r.service.p95.toFixed(1)} | ${r.direct.p50.toFixed(1)} / ${r.direct.p95.toFixed(1)} | ${(r.service.p50 / r.direct.p50).toFixed(2)} |`);
  }
}
if (all.length === 2) {
  // Same entries, same counts on both databases; the relevance order differs (bm25 vs ts_rank).
  for (const [i, r] of all[0]!.results.entries()) {
    const other = all[1]!.results[i]!;
    const same = r.total === other.total && JSON.stringify(r.outcome.facets) === JSON.stringify(other.outcome.facets) && (cases[i]!.query.sort !== 'recent' || r.outcome.ids.join() === other.outcome.ids.join());
    if (!same) console.log(`(${r.key}): sqlite and postgres DIFFER: totals ${r.total} / ${other.total}`);
  }
  console.log('\nsqlite and postgres checked for equal totals and facet counts (and pages, for sort=recent).');
}
