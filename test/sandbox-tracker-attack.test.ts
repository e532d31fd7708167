import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxFixture, type JudgedJob } from './support/sandbox-fixture.js';

/**
 * Issue 15 §2, "differencing": two aggregates, each released under k ≥ 10, whose difference is
 * one enterprise's exact month. Q1 sums consumption per district × industry × month; Q2 does the
 * same for one month with `round(用电量, -5)` as a fourth key, so the enterprises of a cell fall
 * into buckets and a bucket of one is suppressed; Q1's cell minus Q2's released buckets is that
 * enterprise. Exact agreements refuse Q2 (query-set audit); differential privacy leaves noise.
 */
type Fixture = Awaited<ReturnType<typeof startSandboxFixture>>;
const V = '企业用电数据';
const MONTH = '2024-01';
// The demo's size (tens of thousands of enterprises, ~128 per district × industry cell), two months.
const size = { enterprises: 20_000, months: 2 };
const Q1 = `SELECT 行政区划代码, 行业代码, 月份, sum(用电量) AS s, count(用电量) AS n, sum(电费) AS f FROM ${V} GROUP BY 1, 2, 3`;
const Q2 = `SELECT 行政区划代码, 行业代码, 月份, round(用电量, -5) AS b, sum(用电量) AS s, count(用电量) AS n, sum(电费) AS f FROM ${V} WHERE 月份 = '${MONTH}' GROUP BY 1, 2, 3, 4`;

/** The true monthly consumption of every enterprise-month, by `district|industry|month`. */
function truth(csv: string): Map<string, number[]> {
  const cells = new Map<string, number[]>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [, district, industry, month, kwh] = line.split(',');
    const key = `${district}|${industry}|${month}`;
    cells.set(key, [...(cells.get(key) ?? []), Number(kwh)]);
  }
  return cells;
}

/** Q1's cell minus Q2's released buckets, where that leaves one enterprise: `[recovered, true value]`. */
function subtract(q1: JudgedJob, q2: JudgedJob, cells: Map<string, number[]>): Array<[number, number]> {
  const released = new Map<string, { s: number; n: number }>();
  for (const [d, i, m, , s, n] of q2.result?.rows ?? []) {
    const key = `${d}|${i}|${m}`;
    const sum = released.get(key) ?? { s: 0, n: 0 };
    released.set(key, { s: sum.s + Number(s), n: sum.n + Number(n) });
  }
  const recovered: Array<[number, number]> = [];
  for (const [d, i, m, s, n] of q1.result?.rows ?? []) {
    const key = `${d}|${i}|${m}`;
    const part = released.get(key);
    if (!part || Math.round(Number(n) - part.n) !== 1) continue;
    const values = cells.get(key) ?? [];
    // The one enterprise left over: the true value no released bucket holds.
    const rest = Number(s) - part.s;
    const nearest = values.reduce((best, v) => (Math.abs(v - rest) < Math.abs(best - rest) ? v : best), Infinity);
    recovered.push([rest, nearest]);
  }
  return recovered;
}

describe('the tracker attack of issue 15 (Q1, then Q2 with round(用电量, -5) and WHERE 月份 =)', () => {
  let cells: Map<string, number[]>;
  let exact: Fixture;
  let unaudited: Fixture;
  let dp: Fixture;

  beforeAll(async () => {
    [exact, unaudited, dp] = await Promise.all([
      startSandboxFixture({ querySetAudit: true }, size),
      startSandboxFixture({ querySetAudit: false }, size),
      startSandboxFixture({ differentialPrivacy: { mechanism: 'laplace', budget: 10, delta: 1e-6 } }, size),
    ]);
    cells = truth(exact.data.csv);
  }, 90_000);
  afterAll(async () => Promise.all([exact?.close(), unaudited?.close(), dp?.close()]));

  it('without the audit, subtracting Q2 from Q1 yields single enterprises’ exact consumption', async () => {
    const q1 = await unaudited.judge(Q1);
    const q2 = await unaudited.judge(Q2);
    expect(q1.accepted && q2.accepted).toBe(true);
    const recovered = subtract(q1, q2, cells);
    expect(recovered.length).toBeGreaterThan(5);
    for (const [value, actual] of recovered) expect(value).toBeCloseTo(actual, 6);
  }, 60_000);

  it('under an exact agreement, the query-set audit refuses Q2 and says which released group it nearly repeats', async () => {
    const q1 = await exact.judge(Q1);
    expect(q1.accepted).toBe(true);
    const q2 = await exact.judge(Q2);
    expect(q2.accepted).toBe(false);
    expect(q2.refusal?.code).toBe('sandbox.query-set');
    expect(q2.refusal?.message['zh-CN']).toMatch(/少于 10/);
    expect(q2.refusal?.message.en).toMatch(/fewer than 10/);
  }, 60_000);

  it('under differential privacy, the subtraction recovers no enterprise: its error is of the noise’s size', async () => {
    const bounds = { 用电量: [0, 400_000] as [number, number], 电费: [0, 250_000] as [number, number] };
    const q1 = await dp.judge(Q1, { epsilon: 1, bounds });
    const q2 = await dp.judge(Q2, { epsilon: 1, bounds });
    expect(q1.refusal).toBeUndefined();
    expect(q2.refusal).toBeUndefined();
    // Per cell: noisy counts no longer say which cells hold one left-over enterprise, so every
    // cell of the month is tried; an exact answer would put every error at 0.
    const q2Cells = new Map<string, number>();
    for (const [d, i, m, , s] of q2.result?.rows ?? []) q2Cells.set(`${d}|${i}|${m}`, (q2Cells.get(`${d}|${i}|${m}`) ?? 0) + Number(s));
    const errors: number[] = [];
    for (const [d, i, m, s] of q1.result?.rows ?? []) {
      const key = `${d}|${i}|${m}`;
      if (m !== MONTH || !q2Cells.has(key)) continue;
      const actual = (cells.get(key) ?? []).reduce((a, b) => a + b, 0);
      errors.push(Math.abs(Number(s) - actual));
    }
    expect(errors.length).toBeGreaterThan(50);
    const median = errors.sort((a, b) => a - b)[Math.floor(errors.length / 2)] as number;
    // Laplace with b = 2 months × 400,000 / (1/3): the median |error| is b·ln 2 ≈ 1.7e6, far from 0.
    expect(median).toBeGreaterThan(200_000);
    expect(errors.filter((e) => e < 1).length).toBe(0);
  }, 60_000);
});
