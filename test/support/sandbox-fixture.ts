import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateElectricityData } from '../../src/cli/demo/demo-electricity-data.js';
import type { AssetRecord } from '../../src/core/assets/asset-record.js';
import type { DictionaryField } from '../../src/core/metadata/data-dictionary.js';
import { executePlan, gateQuery, type AuditedQuery, type ReleaseRules, type Refusal, type SandboxGrant, type SandboxResult } from '../../src/core/sandbox/index.js';
import { SandboxEngine } from '../../src/connector/sandbox/sandbox-engine.js';
import { engineTable, viewPlan } from '../../src/connector/sandbox/sandbox-views.js';
import { subjectFingerprint } from '../../src/connector/sandbox/subject-fingerprint.js';

/** The demo's 企业用电数据 (2,000 enterprises × 24 months unless asked otherwise) as its dictionary describes it. */
export const electricityFields: DictionaryField[] = [
  { name: '统一社会信用代码', type: 'string', concept: 'tds:uscc' },
  { name: '行政区划代码', type: 'string' },
  { name: '行业代码', type: 'string' },
  { name: '月份', type: 'string' },
  { name: '用电量', type: 'number', bounds: { min: 0, max: 400_000 } },
  { name: '电费', type: 'number', bounds: { min: 0, max: 250_000 } },
];

export const anAsset = (fields: DictionaryField[], overrides: Partial<AssetRecord> = {}): AssetRecord =>
  ({ id: 'asset-electricity', name: '企业用电数据', version: 1, entry: { dictionary: { fields } }, ...overrides }) as unknown as AssetRecord;

export interface JudgedJob {
  accepted: boolean;
  refusal?: Refusal;
  result?: SandboxResult;
  smallestGroup?: number;
  /** Whether distinct subjects had to be counted (rows could not prove k). */
  exact?: boolean;
}

/**
 * A real sandbox engine (its own process, external access off, configuration locked) holding the
 * demo's electricity data, with the gate and release rules in front: `judge(sql)` is what a SQL
 * job goes through, minus the database and the HTTP around it.
 */
export async function startSandboxFixture(rules: Partial<ReleaseRules> = {}, options: { fields?: DictionaryField[]; timeoutMs?: number; enterprises?: number; months?: number } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'tds-sandbox-'));
  const file = path.join(dir, 'electricity.csv');
  const months = options.months ?? 24;
  const data = generateElectricityData(options.enterprises ?? 2000, months);
  await writeFile(file, data.csv);
  const engine = new SandboxEngine({ memoryLimit: '1GB', threads: 2, tempDirectory: path.join(dir, 'tmp') });
  const asset = anAsset(options.fields ?? electricityFields);
  const table = engineTable(asset, { path: file, format: 'csv' });
  const columns = await engine.ensure([table]);
  const plan = viewPlan({ asset, table, rawColumns: columns[table.table] ?? [], terms: {}, agreementId: 'agreement-1', master: new Uint8Array(32).fill(7) });
  const schema = 'g_attack';
  const setup = [`CREATE SCHEMA ${schema}`, `CREATE VIEW ${schema}."${plan.name}" AS ${plan.body}`];
  const cleanup = [`DROP SCHEMA IF EXISTS ${schema} CASCADE`];
  const fullRules: ReleaseRules = { aggregateOnly: true, k: 10, maxRows: 10_000, review: 'auto', maxConditions: 12, ...rules };
  const grant: SandboxGrant = { views: [{ name: plan.name, columns: plan.columns, hasSubject: plan.hasSubject, maxRowsPerSubject: months, agreementId: 'agreement-1', hasRowNumbers: true }], rules: fullRules };
  const timeoutMs = options.timeoutMs ?? 20_000;
  const released: AuditedQuery[] = [];
  const fingerprint = subjectFingerprint(new Uint8Array(32).fill(9));

  async function judge(sql: string, privacy?: { epsilon: number; bounds?: Record<string, [number, number]> }): Promise<JudgedJob> {
    const decision = gateQuery(await engine.parse(sql), grant, { schema, sql, ...(privacy ? { privacy } : {}) });
    if (!decision.accepted) return { accepted: false, refusal: decision.refusal };
    const planEngine = { parse: (query: string) => engine.parse(query), run: async (query: string) => (await engine.run(setup, query, cleanup, { timeoutMs })).rows };
    const jobId = `job-${released.length + 1}`;
    const memory = { jobId, fingerprint, released: async (view: string) => released.filter((q) => q.view === view) };
    const outcome = await executePlan(decision.plan, fullRules, planEngine, schema, Math.random, memory);
    if ('refusal' in outcome) return { accepted: false, refusal: outcome.refusal };
    // What the connector stores with the release: the groups the audit compares the next query with.
    if (outcome.audited) released.push(outcome.audited);
    const result = outcome;
    return { accepted: true, result: result.result, exact: result.exact, ...(result.smallestGroup !== undefined ? { smallestGroup: result.smallestGroup } : {}) };
  }

  return {
    engine,
    data,
    grant,
    judge,
    /** Runs SQL on the engine with no gate at all: what the engine itself still refuses. */
    raw: (sql: string) => engine.run([], sql, [], { timeoutMs }),
    table: table.table,
    close: async () => {
      engine.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
