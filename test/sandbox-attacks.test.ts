import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electricityFields, startSandboxFixture } from './support/sandbox-fixture.js';

type Fixture = Awaited<ReturnType<typeof startSandboxFixture>>;

/**
 * Exfiltration attempts against the sandbox, each of which must be refused with a reason, and
 * the demo scenario's legitimate aggregate queries, which must be accepted. The gate sees every
 * query exactly as a consumer's job would (DuckDB's parse tree, the engine process locked).
 */
const V = '企业用电数据';

let sandbox: Fixture;
// One enterprise's charge in one month: a value that singles it out.
let oneCharge = '';
let itsIndustry = '';
let otherIndustry = '';

beforeAll(async () => {
  sandbox = await startSandboxFixture({}, { timeoutMs: 4_000 });
  const row = sandbox.data.csv.split('\n')[1]!.split(',');
  oneCharge = row[5]!;
  itsIndustry = row[2]!;
  otherIndustry = ['C13', 'C17'].find((i) => i !== itsIndustry)!;
}, 60_000);

afterAll(() => sandbox?.close());

const attacks: Array<[string, () => string, string]> = [
  // Reading raw rows
  ['selects every column', () => `SELECT * FROM ${V}`, 'sandbox.star'],
  ['selects a raw measure without aggregating', () => `SELECT 用电量 FROM ${V}`, 'sandbox.aggregate-required'],
  ['selects the identifier column', () => `SELECT 统一社会信用代码, count(*) FROM ${V} GROUP BY 1`, 'sandbox.unknown-column'],
  ['names the hidden subject column', () => `SELECT count(DISTINCT __tds_subject) FROM ${V}`, 'sandbox.unknown-column'],
  ['selects the whole row as a struct', () => `SELECT e, count(*) FROM ${V} e GROUP BY e`, 'sandbox.unknown-column'],
  ['uses COLUMNS(*)', () => `SELECT COLUMNS(*) FROM ${V}`, 'sandbox.star'],
  ['uses SELECT DISTINCT to list values', () => `SELECT DISTINCT 用电量 FROM ${V}`, 'sandbox.unsupported-syntax'],
  // Small groups
  ['groups by a near-unique measure', () => `SELECT 月份, 行业代码, 用电量, count(*) FROM ${V} GROUP BY 月份, 行业代码, 用电量`, 'sandbox.small-groups'],
  ['groups down to single enterprises by month and charge', () => `SELECT 电费, count(*) FROM ${V} GROUP BY 电费`, 'sandbox.small-groups'],
  ['filters to one value, aggregated', () => `SELECT count(*), sum(用电量) FROM ${V} WHERE 电费 = ${oneCharge}`, 'sandbox.small-groups'],
  // Singling out inside an aggregate
  ['hides a CASE inside sum', () => `SELECT 行业代码, sum(CASE WHEN 电费 = ${oneCharge} THEN 用电量 ELSE 0 END) FROM ${V} GROUP BY 1`, 'sandbox.aggregate-argument'],
  ['uses an aggregate FILTER', () => `SELECT 行业代码, sum(用电量) FILTER (WHERE 电费 = ${oneCharge}) FROM ${V} GROUP BY 1`, 'sandbox.aggregate-argument'],
  ['multiplies by a boolean inside sum', () => `SELECT sum(用电量 * (电费 = ${oneCharge})::INTEGER) FROM ${V}`, 'sandbox.aggregate-argument'],
  ['takes the maximum (one subject’s value)', () => `SELECT 行业代码, max(用电量) FROM ${V} GROUP BY 1`, 'sandbox.function-not-allowed'],
  ['lists values with list()', () => `SELECT 行业代码, list(用电量) FROM ${V} GROUP BY 1`, 'sandbox.function-not-allowed'],
  ['concatenates values with string_agg', () => `SELECT 行业代码, string_agg(月份, ',') FROM ${V} GROUP BY 1`, 'sandbox.function-not-allowed'],
  ['picks one value with arg_max', () => `SELECT 行业代码, arg_max(电费, 用电量) FROM ${V} GROUP BY 1`, 'sandbox.function-not-allowed'],
  // Differencing two queries
  ['differences out one enterprise with <>', () => `SELECT count(*), sum(用电量) FROM ${V} WHERE 行业代码 IN ('${itsIndustry}', '${otherIndustry}') AND 电费 <> ${oneCharge}`, 'sandbox.differencing'],
  ['differences one enterprise in through OR', () => `SELECT count(*), sum(用电量) FROM ${V} WHERE 行业代码 = '${otherIndustry}' OR 电费 = ${oneCharge}`, 'sandbox.differencing'],
  ['differences out one enterprise under NOT', () => `SELECT count(*) FROM ${V} WHERE NOT (电费 = ${oneCharge} OR 行业代码 = 'Z99')`, 'sandbox.differencing'],
  // Files and network
  ['reads a file with read_csv', () => `SELECT count(*) FROM read_csv('/etc/passwd')`, 'sandbox.table-function'],
  ['reads a file by its path as a table', () => `SELECT count(*) FROM '/etc/passwd'`, 'sandbox.unknown-view'],
  ['reads a URL with read_parquet', () => `SELECT count(*) FROM read_parquet('https://example.org/x.parquet')`, 'sandbox.table-function'],
  ['lists files with glob', () => `SELECT count(*) FROM glob('/*')`, 'sandbox.table-function'],
  ['reads a file with read_text in an expression', () => `SELECT count(*) FROM ${V} WHERE length(read_text('/etc/hostname')) > 0`, 'sandbox.function-not-allowed'],
  ['reads the environment with getenv', () => `SELECT 行业代码, count(*) FROM ${V} WHERE getenv('HOME') IS NOT NULL GROUP BY 1`, 'sandbox.function-not-allowed'],
  // Statements that are not a SELECT
  ['attaches a database', () => `ATTACH '/tmp/evil.db' AS evil`, 'sandbox.not-select'],
  ['copies data out to a file', () => `COPY (SELECT * FROM ${V}) TO '/tmp/out.csv'`, 'sandbox.not-select'],
  ['runs a PRAGMA', () => `PRAGMA database_list`, 'sandbox.not-select'],
  ['turns external access back on', () => `SET enable_external_access = true`, 'sandbox.not-select'],
  ['installs an extension', () => `INSTALL httpfs`, 'sandbox.not-select'],
  ['loads an extension', () => `LOAD httpfs`, 'sandbox.not-select'],
  ['creates a table from the data', () => `CREATE TABLE stolen AS SELECT * FROM ${V}`, 'sandbox.not-select'],
  ['smuggles a second statement after the first', () => `SELECT count(*) FROM ${V}; SELECT * FROM ${V}`, 'sandbox.not-select'],
  // Catalog and settings
  ['reads the raw table by qualified name', () => `SELECT count(*) FROM main.${sandbox.table}`, 'sandbox.qualified-name'],
  ['reads the raw table by its bare name', () => `SELECT count(*) FROM ${sandbox.table}`, 'sandbox.unknown-view'],
  ['reads information_schema', () => `SELECT count(*) FROM information_schema.tables`, 'sandbox.qualified-name'],
  ['reads duckdb_views() (the view definitions)', () => `SELECT count(*) FROM duckdb_views()`, 'sandbox.table-function'],
  ['reads a setting with current_setting', () => `SELECT 行业代码, count(*) FROM ${V} WHERE current_setting('threads') IS NOT NULL GROUP BY 1`, 'sandbox.function-not-allowed'],
  // Comments and unicode tricks
  ['hides a star behind a comment', () => `SELECT /* count(*) */ * FROM ${V}`, 'sandbox.star'],
  ['hides a second statement behind a line comment', () => `SELECT count(*) FROM ${V} -- harmless\n; COPY (SELECT 1) TO '/tmp/x'`, 'sandbox.not-select'],
  ['writes the view name with a zero-width space', () => `SELECT count(*) FROM "企业用电\u200b数据"`, 'sandbox.unknown-view'],
  ['writes the subject column with a Cyrillic look-alike', () => `SELECT count(DISTINCT "__tds_subjеct") FROM ${V}`, 'sandbox.unknown-column'],
  ['uses fullwidth SQL keywords', () => `ＳＥＬＥＣＴ * FROM ${V}`, 'sandbox.syntax'],
  // Subqueries, CTEs and other shapes
  ['uses a scalar subquery as an oracle', () => `SELECT count(*) FROM ${V} WHERE (SELECT 用电量 FROM ${V} LIMIT 1) > 100`, 'sandbox.subquery'],
  ['reads through a derived table', () => `SELECT count(*) FROM (SELECT * FROM ${V})`, 'sandbox.subquery'],
  ['uses a CTE', () => `WITH raw AS (SELECT * FROM ${V}) SELECT count(*) FROM raw`, 'sandbox.unsupported-syntax'],
  ['unions two aggregates', () => `SELECT count(*) FROM ${V} UNION ALL SELECT count(*) FROM ${V}`, 'sandbox.unsupported-syntax'],
  ['uses a window function', () => `SELECT 行业代码, count(*) OVER () FROM ${V}`, 'sandbox.unsupported-syntax'],
  ['groups by ALL', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY ALL`, 'sandbox.group-by'],
  ['rolls up grouping sets', () => `SELECT 行业代码, 月份, count(*) FROM ${V} GROUP BY ROLLUP (行业代码, 月份)`, 'sandbox.group-by'],
  ['samples the data', () => `SELECT count(*) FROM ${V} USING SAMPLE 10`, 'sandbox.unsupported-syntax'],
  ['casts to BLOB', () => `SELECT CAST(行业代码 AS BLOB), count(*) FROM ${V} GROUP BY 1`, 'sandbox.type-not-allowed'],
  ['passes a parameter placeholder', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = $1`, 'sandbox.unsupported-syntax'],
  ['draws random numbers to dodge the differencing check', () => `SELECT count(*) FROM ${V} WHERE random() < 0.99`, 'sandbox.function-not-allowed'],
  // Errors as oracles: a failure that depends on one row's value would say that row exists
  ['turns a failing cast into an existence oracle', () => `SELECT count(*) FROM ${V} WHERE CAST(CASE WHEN 电费 = ${oneCharge} THEN 'x' ELSE '1' END AS INTEGER) = 1 AND 行业代码 = 'none'`, 'sandbox.condition-shape'],
  ['compares a code with a number (an implicit cast that fails on some values)', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = 13`, 'sandbox.type-mismatch'],
  ['overflows integer arithmetic only for a large value', () => `SELECT count(*) FROM ${V} WHERE TRY_CAST(用电量 AS BIGINT) * 922337203685477 > 0 AND 电费 = ${oneCharge}`, 'sandbox.small-groups'],
  ['turns a logarithm of zero into an existence oracle', () => `SELECT count(*) FROM ${V} WHERE ln(电费 - ${oneCharge}) > 0`, 'sandbox.function-not-allowed'],
  ['turns a square root of a negative into an existence oracle', () => `SELECT count(*) FROM ${V} WHERE sqrt(${oneCharge} - 电费) > 0`, 'sandbox.function-not-allowed'],
  // Joins: one enterprise's row can meet thousands of others', so rows prove nothing about subjects
  ['multiplies one enterprise’s row by a self-join fan-out', () => `SELECT count(*), sum(a.用电量) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 AND a.行业代码 = b.行业代码 WHERE a.电费 = ${oneCharge} AND a.行业代码 = '${itsIndustry}'`, 'sandbox.small-groups'],
  ['differences one enterprise out of a self-join', () => `SELECT count(*), sum(a.用电量) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 AND a.行业代码 = b.行业代码 AND a.行政区划代码 = b.行政区划代码 WHERE a.行业代码 = '${itsIndustry}' AND a.电费 <> ${oneCharge}`, 'sandbox.differencing'],
  ['cross-joins the data with itself', () => `SELECT count(*) FROM ${V} a, ${V} b`, 'sandbox.join'],
  ['joins on an inequality', () => `SELECT count(*) FROM ${V} a JOIN ${V} b ON a.用电量 < b.用电量`, 'sandbox.join'],
];

describe('the sandbox refuses exfiltration attempts', () => {
  it('has at least 40 attacks', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(40);
  });

  it.each(attacks)('refuses a query that %s', async (_name, sql, code) => {
    const judged = await sandbox.judge(sql());
    expect(judged.accepted, JSON.stringify(judged.result?.rows.slice(0, 3))).toBe(false);
    expect(judged.refusal?.code).toBe(code);
    expect(judged.refusal?.message['zh-CN']).toBeTruthy();
    expect(judged.refusal?.message.en).toBeTruthy();
  });

  it('says where the refused part is, in characters, after Chinese names', async () => {
    const judged = await sandbox.judge(`SELECT 用电量, * FROM ${V}`);
    expect(judged.refusal).toMatchObject({ code: 'sandbox.star', at: 12 });
  });

  it('stops a runaway self-join at the time limit', async () => {
    await expect(sandbox.judge(`SELECT count(*) FROM ${V} a JOIN ${V} b ON a.行业代码 = b.行业代码 JOIN ${V} c ON b.行业代码 = c.行业代码`)).rejects.toMatchObject({ kind: 'timeout' });
    // The engine answers again afterwards.
    expect((await sandbox.judge(`SELECT count(*) FROM ${V}`)).accepted).toBe(true);
  }, 30_000);

  it('refuses a result over the row limit instead of truncating it', async () => {
    const small = await startSandboxFixture({ maxRows: 50 });
    try {
      const judged = await small.judge(`SELECT 行政区划代码, 月份, count(*) FROM ${V} GROUP BY 1, 2`);
      expect(judged.refusal?.code).toBe('sandbox.result-too-large');
    } finally {
      await small.close();
    }
  }, 60_000);
});

describe('the engine itself cannot reach out, whatever gets past the gate', () => {
  it('runs with external access off, its configuration locked and its memory limited', async () => {
    const { rows } = await sandbox.raw(`SELECT current_setting('enable_external_access'), current_setting('lock_configuration'), current_setting('memory_limit'), current_setting('autoload_known_extensions')`);
    expect(rows[0]?.slice(0, 2)).toEqual([false, true]);
    expect(String(rows[0]?.[2])).toMatch(/^(1\.0 GiB|953\.6 MiB|1000\.0 MB|1\.0 GB)$/);
    expect(rows[0]?.[3]).toBe(false);
  });

  it.each([
    ['read a file', `SELECT * FROM read_csv('/etc/passwd')`],
    ['turn external access back on', `SET enable_external_access = true`],
    ['attach a database file', `ATTACH '/tmp/tds-sandbox-evil.db' AS evil`],
    ['copy data to a file', `COPY (SELECT 1) TO '/tmp/tds-sandbox-out.csv'`],
    ['install an extension', `INSTALL httpfs`],
    ['load an extension', `LOAD httpfs`],
    ['unlock the configuration', `SET lock_configuration = false`],
  ])('refuses to %s', async (_name, sql) => {
    await expect(sandbox.raw(sql)).rejects.toThrow();
  });
});

describe('the demo scenario’s aggregate queries are accepted', () => {
  it.each([
    ['consumption by industry and month', `SELECT 行业代码, 月份, count(*) AS 企业月数, sum(用电量) AS 总用电量, avg(电费) AS 平均电费 FROM ${V} GROUP BY 行业代码, 月份 ORDER BY 行业代码, 月份`],
    ['average by district, largest first', `SELECT 行政区划代码, avg(用电量) AS 平均用电量 FROM ${V} GROUP BY 1 ORDER BY 2 DESC`],
    ['yearly averages', `SELECT substr(月份, 1, 4) AS 年份, round(avg(用电量), 1) AS 平均用电量 FROM ${V} GROUP BY 年份`],
    ['one year, by industry', `SELECT 行业代码, count(DISTINCT 行政区划代码) AS 区县数, stddev_samp(用电量) AS 波动 FROM ${V} WHERE 月份 >= '2025-01' GROUP BY 行业代码`],
    ['totals', `SELECT count(*) AS 记录数, sum(电费) AS 总电费 FROM ${V}`],
  ])('%s', async (_name, sql) => {
    const judged = await sandbox.judge(sql);
    expect(judged.refusal).toBeUndefined();
    expect(judged.result?.rows.length).toBeGreaterThan(0);
    expect(judged.smallestGroup).toBeGreaterThanOrEqual(10);
    expect(judged.result?.columns).not.toContain('__tds_k');
  });

  it('adds calibrated noise under differential privacy and needs the dictionary’s bounds for sums', async () => {
    const noBounds = electricityFields.map((f) => (f.name === '用电量' ? { name: f.name, type: f.type } : f));
    const dp = await startSandboxFixture({ differentialPrivacy: { mechanism: 'laplace', budget: 5, delta: 1e-6 } }, { fields: noBounds });
    try {
      expect((await dp.judge(`SELECT 行业代码, sum(用电量) FROM ${V} GROUP BY 1`, { epsilon: 1 })).refusal?.code).toBe('sandbox.bounds-required');
      // Bounds the consumer names do not stand in for the provider's.
      expect((await dp.judge(`SELECT 行业代码, sum(用电量) FROM ${V} GROUP BY 1`, { epsilon: 1, bounds: { 用电量: [0, 10] } })).refusal?.code).toBe('sandbox.bounds-required');
      const summed = await dp.judge(`SELECT 行业代码, sum(电费) AS 电费合计, avg(电费) AS 平均电费 FROM ${V} GROUP BY 1`, { epsilon: 1 });
      // Each noisy column says its 95% error: Laplace b = 24 × 250,000 / (1/3), times ln 20.
      expect(summed.result?.privacy?.epsilon).toBe(1);
      expect(summed.result?.privacy?.columns[0]).toMatchObject({ name: '电费合计' });
      expect(summed.result?.privacy?.columns[0]?.error95).toBeCloseTo(((24 * 250_000) / (1 / 3)) * Math.log(20), 0);
      expect(summed.result?.privacy?.columns[1]?.error95).toBeGreaterThan(0);
      const exact = await sandbox.judge(`SELECT 行业代码, count(*) FROM ${V} GROUP BY 1 ORDER BY 1`);
      const noisy = await dp.judge(`SELECT 行业代码, count(*) FROM ${V} GROUP BY 1 ORDER BY 1`, { epsilon: 1 });
      expect(noisy.result?.rows.map((r) => r[0])).toEqual(exact.result?.rows.map((r) => r[0]));
      expect(noisy.result?.rows.some((r, i) => r[1] !== exact.result?.rows[i]?.[1])).toBe(true);
    } finally {
      await dp.close();
    }
  }, 60_000);
});
