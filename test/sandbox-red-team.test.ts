import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateQuery } from '../src/core/sandbox/index.js';
import { startSandboxFixture, type JudgedJob } from './support/sandbox-fixture.js';

/**
 * Red-team attempts against the sandbox gate (ADR 0008), run through the real locked engine.
 *
 * - `it(...)`: the safe behaviour holds: refused (with the code asserted), released harmlessly,
 *   or, for the holes this review found and the gate then closed (LEAK/DoS sections), the attack
 *   no longer works.
 * - `it.fails(...)`: a known residual (README "not done"): the body asserts the safe behaviour,
 *   which does not hold yet; when it does, `it.fails` turns red and the case becomes `it(...)`.
 */
type Fixture = Awaited<ReturnType<typeof startSandboxFixture>>;
const V = '企业用电数据';

let sandbox: Fixture;
let rows: string[][] = [];
// One enterprise-month: its charge singles it out.
let oneCharge = '';
let itsKwh = 0;
let itsIndustry = '';
let industrySum = 0;
/** Distinct enterprises per "district|industry". */
const enterprisesPerCell = new Map<string, Set<string>>();
const usccPattern = /^91\d{6}[0-9A-Z]{10}$/;

beforeAll(async () => {
  sandbox = await startSandboxFixture({}, { timeoutMs: 30_000 });
  rows = sandbox.data.csv.trim().split('\n').slice(1).map((l) => l.split(','));
  const first = rows[0]!;
  oneCharge = first[5]!;
  itsKwh = Number(first[4]);
  itsIndustry = first[2]!;
  industrySum = rows.filter((r) => r[2] === itsIndustry).reduce((s, r) => s + Number(r[4]), 0);
  for (const r of rows) {
    const key = `${r[1]}|${r[2]}`;
    const set = enterprisesPerCell.get(key) ?? new Set<string>();
    set.add(r[0]!);
    enterprisesPerCell.set(key, set);
  }
}, 60_000);

afterAll(() => sandbox?.close());

const outcome = async (sql: string): Promise<string> => {
  try {
    const j = await sandbox.judge(sql);
    return j.accepted ? 'accepted' : (j.refusal?.code ?? 'refused');
  } catch (error) {
    return `engine-error:${(error as { kind?: string }).kind ?? '?'}:${String((error as Error).message).split(':')[0]}`;
  }
};

const cells = (j: JudgedJob) => (j.result?.rows ?? []).flat();

// ─────────────────────────────────────────────────────────────────────────────
// LEAKS found by the review, now closed (the bodies state what holds), and one residual
// ─────────────────────────────────────────────────────────────────────────────
describe('LEAK 1 (critical): SQL injection through a printed "--" comment', () => {
  // A negative integer constant reached through an output alias under unary minus prints as
  // `(--1)` (query-printer.ts, case 'call' with one arg: `(${infix}${p(arg)})`). DuckDB folds
  // `-(-1)` itself, but `-c` (c an output alias = -1) is resolved by the gate, not DuckDB. The rest
  // of the printed line becomes a comment, and a newline inside a later string constant ends it:
  // what follows is raw SQL chosen by the consumer, in every printed query (cheap, exact, check).
  it('GROUP BY -c || <newline> UNION ALL … dumps raw USCCs with per-enterprise totals', async () => {
    const sql = `SELECT -1 AS c, count(*) AS n FROM ${V} GROUP BY -c || '\n1)) UNION ALL SELECT CAST(统一社会信用代码 AS VARCHAR), sum(用电量), 99999 FROM main.${sandbox.table} GROUP BY 1 --'`;
    const judged = await sandbox.judge(sql).catch(() => ({ accepted: false }) as JudgedJob);
    expect(cells(judged).some((c) => typeof c === 'string' && usccPattern.test(c))).toBe(false);
  });

  it('the same injection reads the view definitions (the place HMAC keys live), the catalogue and settings', async () => {
    const sql = `SELECT -1 AS c, count(*) AS n FROM ${V} GROUP BY -c || '\n1)) UNION ALL SELECT sql, 0, 99999 FROM duckdb_views() WHERE NOT internal UNION ALL SELECT table_schema || $$.$$ || table_name, 0, 99999 FROM information_schema.tables UNION ALL SELECT name || $$=$$ || value, 0, 99999 FROM duckdb_settings() WHERE name = $$lock_configuration$$ --'`;
    const judged = await sandbox.judge(sql).catch(() => ({ accepted: false }) as JudgedJob);
    expect(cells(judged).some((c) => typeof c === 'string' && (c.includes('CREATE VIEW') || c.includes('raw_')))).toBe(false);
  });

  it('HAVING -c > <newline> TRUE)) -- strips the k-suppression: single enterprises’ charges are released', async () => {
    const sql = `SELECT 电费, -1 AS c, count(*) AS n FROM ${V} WHERE 行业代码 = '${itsIndustry}' AND 月份 = '2024-01' GROUP BY 电费 HAVING -c > '\nTRUE)) --'`;
    const judged = await sandbox.judge(sql).catch(() => ({ accepted: false }) as JudgedJob);
    // Released today: ~160 rows, one per enterprise, each its exact January charge.
    expect(judged.accepted).toBe(false);
  });

  it('ORDER BY -c || <newline> …; runs further statements (DDL/DML persists in the shared engine)', async () => {
    const sql = `SELECT 行业代码, -1 AS c, count(*) AS n FROM ${V} GROUP BY 1 ORDER BY -c || '\n1)); CREATE TABLE IF NOT EXISTS main.red_team_planted AS SELECT 42 AS x --'`;
    await sandbox.judge(sql).catch(() => undefined);
    await expect(sandbox.raw('SELECT x FROM main.red_team_planted')).rejects.toThrow();
  });

  it('(control) a positive constant under unary minus prints "(-1)" and is harmless', async () => {
    const sql = `SELECT 1 AS c, count(*) AS n FROM ${V} GROUP BY -c`;
    // DuckDB reads `GROUP BY (-1)` as an out-of-range position: a binder error naming no data.
    await expect(sandbox.judge(sql)).rejects.toThrow(/^Binder Error: GROUP BY term out of range/);
  });
});

describe('FIXED in 3204dd5 (was high): the cheap row-count path trusted k·m rows in joins', () => {
  // Before 3204dd5, plan-execution.ts skipped count(DISTINCT subject) when a join group had
  // ≥ k·m_a·m_b rows; a self-join on 月份 gives each enterprise 24 × 2,000 rows, so
  // district×industry cells of 3 enterprises were released (smallestGroup reported as 250).
  // Joins now always count exactly; kept as a regression test.
  it('a self-join on 月份 no longer releases district×industry groups under 10 enterprises', async () => {
    const judged = await sandbox.judge(`SELECT a.行政区划代码, a.行业代码, count(*) AS n, avg(a.用电量) AS avg_kwh FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 GROUP BY 1, 2`);
    const smallest = Math.min(Infinity, ...(judged.result?.rows ?? []).map((r) => enterprisesPerCell.get(`${r[0]}|${r[1]}`)?.size ?? Infinity));
    expect(smallest).toBeGreaterThanOrEqual(10);
    expect(judged.smallestGroup ?? 10).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('(control) the same grouping on the view alone goes exact and suppresses every cell under 10', async () => {
    const judged = await sandbox.judge(`SELECT 行政区划代码, 行业代码, count(*) AS n FROM ${V} GROUP BY 1, 2`);
    expect(judged.exact).toBe(true);
    const sizes = (judged.result?.rows ?? []).map((r) => enterprisesPerCell.get(`${r[0]}|${r[1]}`)?.size ?? 0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    expect(sizes.length).toBeLessThan(enterprisesPerCell.size);
  });

  it('(control) a two-way join that differences out one enterprise is refused (least() of distinct counts)', async () => {
    const judged = await sandbox.judge(`SELECT a.行业代码, count(*) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 WHERE a.行业代码 = '${itsIndustry}' AND b.电费 <> ${oneCharge} GROUP BY 1`);
    expect(judged.refusal?.code).toBe('sandbox.differencing');
  }, 60_000);
});

describe('LEAK 3 (high): the differencing check only removes one leaf at a time', () => {
  // differencing-check.ts: atomsOf() splits only AND/OR/NOT; each leaf is neutralized alone.
  // A repeated leaf, or a singling-out condition packed into one leaf together with a big one
  // (a comparison of booleans, CASE, coalesce/nullif), moves ≥ k subjects when removed, so the
  // query passes — and "the industry's total minus one enterprise-month" is released.
  const leaks: Array<[string, () => string]> = [
    ['repeats the singling-out condition', () => `WHERE 行业代码 = '${itsIndustry}' AND 电费 <> ${oneCharge} AND 电费 <> ${oneCharge}`],
    ['compares two booleans', () => `WHERE (行业代码 = '${itsIndustry}') = (电费 <> ${oneCharge})`],
    ['hides the condition in CASE', () => `WHERE CASE WHEN 电费 = ${oneCharge} THEN FALSE ELSE 行业代码 = '${itsIndustry}' END`],
    ['hides it in coalesce/nullif', () => `WHERE coalesce(nullif(电费, ${oneCharge}) > 0 AND 行业代码 = '${itsIndustry}', FALSE)`],
  ];
  it.each(leaks)('one enterprise-month’s 用电量 from the difference when the WHERE %s', async (_name, where) => {
    const judged = await sandbox.judge(`SELECT count(*) AS n, sum(用电量) AS s FROM ${V} ${where()}`);
    const released = judged.accepted ? Number(judged.result?.rows[0]?.[1]) : undefined;
    expect(released !== undefined && industrySum - released === itsKwh).toBe(false);
  });

  it('OR direction: greatest(电费 = v, 行业代码 = other) adds one enterprise-month to another industry', async () => {
    const other = rows.find((r) => r[2] !== itsIndustry)![2]!;
    const otherSum = rows.filter((r) => r[2] === other).reduce((s, r) => s + Number(r[4]), 0);
    const judged = await sandbox.judge(`SELECT count(*) AS n, sum(用电量) AS s FROM ${V} WHERE greatest(电费 = ${oneCharge}, 行业代码 = '${other}')`);
    const released = judged.accepted ? Number(judged.result?.rows[0]?.[1]) : undefined;
    expect(released !== undefined && released - otherSum === itsKwh).toBe(false);
  });

  it('the same with no WHERE at all: a CASE group key and HAVING pick the industry minus one row', async () => {
    const judged = await sandbox.judge(`SELECT CASE WHEN 电费 = ${oneCharge} THEN 'x' ELSE 行业代码 END AS g, count(*) AS n, sum(用电量) AS s FROM ${V} GROUP BY g HAVING g = '${itsIndustry}'`);
    const released = judged.accepted ? Number(judged.result?.rows[0]?.[2]) : undefined;
    expect(released !== undefined && industrySum - released === itsKwh).toBe(false);
  });

  it('(control) the industry total itself is legitimately released', async () => {
    const judged = await sandbox.judge(`SELECT count(*) AS n, sum(用电量) AS s FROM ${V} WHERE 行业代码 = '${itsIndustry}'`);
    expect(Number(judged.result?.rows[0]?.[1])).toBe(industrySum);
  });
});

describe('LEAK 4 (medium): engine errors are data-dependent oracles', () => {
  // Casts print as TRY_CAST, but arithmetic overflow and implicit casts (VARCHAR vs INTEGER
  // literal, IN lists, nullif) still raise on particular values. The job then fails instead of
  // being refused: one bit per query about one row (job-runner.ts shows only the error class,
  // "Out of Range Error (details withheld…)", but failed-vs-refused is enough to binary-search).
  it('overflow happens only if the chosen enterprise-month used more than 2^31/20000 kWh', async () => {
    const high = await outcome(`SELECT count(*) FROM ${V} WHERE CASE WHEN 电费 = ${oneCharge} THEN TRY_CAST(用电量 AS INTEGER) * 20000 ELSE 0 END > 0`);
    const low = await outcome(`SELECT count(*) FROM ${V} WHERE CASE WHEN 电费 = ${oneCharge} THEN TRY_CAST(用电量 AS INTEGER) * 10000 ELSE 0 END > 0`);
    expect(high).toBe(low);
  });

  it('the raw engine message quotes the row’s values (masked later by job-runner engineDetail)', async () => {
    const error = await sandbox.judge(`SELECT count(*) FROM ${V} WHERE CASE WHEN 电费 = ${oneCharge} THEN 月份 || CAST(用电量 AS VARCHAR) ELSE '1' END = 1`).catch((e: Error) => e);
    expect(String((error as Error).message ?? '')).not.toContain(String(itsKwh));
  });

  it('an implicit VARCHAR→INTEGER cast fails on the first value and quotes it', async () => {
    const error = await sandbox.judge(`SELECT count(*) FROM ${V} WHERE 行业代码 = 13`).catch((e: Error) => e);
    expect(error).not.toBeInstanceOf(Error);
  });

  it('date_part with a data-driven specifier fails quoting the value', async () => {
    const error = await sandbox.judge(`SELECT count(*) FROM ${V} WHERE date_part(行业代码, DATE '2024-01-01') = 1`).catch((e: Error) => e);
    expect(error).not.toBeInstanceOf(Error);
  });

  it('(harmless) errors that do not depend on data, or refusals by type: substr range, non-constant strftime format, VARCHAR vs DATE', async () => {
    await expect(sandbox.judge(`SELECT count(*) FROM ${V} WHERE substr(月份, 9007199254740991, 1) <> 'x'`)).rejects.toThrow(/Substring offset/);
    expect((await sandbox.judge(`SELECT count(*) FROM ${V} WHERE strftime(DATE '2024-01-01', '%' || 行业代码) = 'x'`)).refusal?.code).toBe('sandbox.type-mismatch');
    expect((await sandbox.judge(`SELECT count(*) FROM ${V} WHERE 月份 > DATE '2024-01-01'`)).refusal?.code).toBe('sandbox.type-mismatch');
  });
});

describe('RESIDUAL (medium): the differencing refusal is itself an existence oracle', () => {
  // Not closed: any outcome that depends on the data says something; differential privacy bounds it.
  // A leaf that moves 1..k−1 subjects is refused; one that moves none is accepted. So
  // "… AND 电费 <> v" says whether some enterprise has that exact charge (or, with BETWEEN, one in a range).
  it.fails('refused for a charge that exists, accepted for one that does not', async () => {
    const exists = await outcome(`SELECT count(*) FROM ${V} WHERE 行业代码 <> 'none' AND 电费 <> ${oneCharge}`);
    const absent = await outcome(`SELECT count(*) FROM ${V} WHERE 行业代码 <> 'none' AND 电费 <> ${(Number(oneCharge) + 0.01).toFixed(2)}`);
    expect(exists).toBe(absent);
  });
});

describe('LEAK 6 (medium): differential privacy leaves HAVING and ORDER BY exact', () => {
  // query-gate.ts privateSelect() rewrites only the SELECT list; HAVING and ORDER BY are printed
  // as written, on exact aggregates, so threshold queries recover exact sums at any ε.
  let dp: Fixture;
  beforeAll(async () => {
    dp = await startSandboxFixture({ differentialPrivacy: { mechanism: 'laplace', budget: 1000, delta: 1e-6 } }, { timeoutMs: 30_000 });
  }, 60_000);
  afterAll(() => dp?.close());
  const privacy = { epsilon: 0.01, bounds: { 用电量: [0, 1_000_000] as [number, number] } };

  it('HAVING sum(用电量) > S−1 keeps the industry, > S drops it: S is the exact sum', async () => {
    const q = (t: number) => dp.judge(`SELECT 行业代码, count(*) AS n FROM ${V} GROUP BY 1 HAVING sum(用电量) > ${t} AND 行业代码 = '${itsIndustry}'`, privacy);
    const below = await q(industrySum - 1);
    const at = await q(industrySum);
    // Today: S−1 → the row (with a noisy count), S → refused as small-groups (no row).
    const present = (j: JudgedJob) => (j.result?.rows.length ?? 0) > 0;
    expect(present(below) && !present(at)).toBe(false);
  });

  it('ORDER BY sum(用电量) releases the exact order of the sums', async () => {
    const judged = await dp.judge(`SELECT 行业代码, count(*) AS n FROM ${V} GROUP BY 1 ORDER BY sum(用电量)`, privacy);
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(r[2]!, (sums.get(r[2]!) ?? 0) + Number(r[4]));
    const exactOrder = [...sums].sort((a, b) => a[1] - b[1]).map(([k]) => k);
    expect(judged.result?.rows.map((r) => r[0])).not.toEqual(exactOrder);
  });

  it('(control) sums need bounds within the dictionary’s; DISTINCT sums are refused', async () => {
    expect((await dp.judge(`SELECT 行业代码, avg(用电量) FROM ${V} GROUP BY 1`, { epsilon: 0.01, bounds: { 用电量: [500_000, 600_000] } })).refusal?.code).toBe('sandbox.bounds-required');
    expect((await dp.judge(`SELECT 行业代码, sum(DISTINCT 用电量) FROM ${V} GROUP BY 1`, privacy)).refusal?.code).toBe('sandbox.bounds-required');
  });
});

describe('DoS 1 (high): the gate itself blocks the connector’s event loop', () => {
  const gateTime = async (sql: string) => {
    const tree = await sandbox.engine.parse(sql);
    const t = Date.now();
    const decision = gateQuery(tree, sandbox.grant, { schema: 'g', sql });
    return { ms: Date.now() - t, decision };
  };

  // onlyAggregated() calls exprSql() on every node, and print() re-copies each subtree at every
  // level: cubic in nesting depth × constant size. An output alias re-expands its constant at every
  // reference. ~6 KB of SQL ≈ 20 s here; the same shape at the 20,000-character limit ran > 10 min.
  it('a 6 KB HAVING of nested concat(c, …) over a long constant alias is gated in under 2 s', async () => {
    const sql = `SELECT '${'x'.repeat(2000)}' AS c, count(*) FROM ${V} HAVING ${'concat(c,'.repeat(400)}c${')'.repeat(400)} <> 'y'`;
    expect((await gateTime(sql)).ms).toBeLessThan(2000);
  }, 300_000);

  // conditionAtoms() prints the whole WHERE once per atom before maxConditions is checked.
  it('20,000 characters of ORed atoms are refused (too-many-conditions) in under 0.5 s', async () => {
    let sql = `SELECT count(*) FROM ${V} WHERE .5=.5`;
    while (sql.length + 7 <= 20_000) sql += 'OR.5=.5';
    const { ms, decision } = await gateTime(sql);
    expect(decision.accepted ? '' : decision.refusal.code).toBe('sandbox.too-many-conditions');
    // Counting 2,850 atoms needs no printing at all; today the WHERE is printed ~3 times per atom first.
    expect(ms).toBeLessThan(500);
  }, 300_000);

  it('(control) deep NOT nesting stops at DuckDB’s expression depth limit', async () => {
    expect((await sandbox.judge(`SELECT count(*) FROM ${V} WHERE ${'NOT '.repeat(999)}1=1`)).refusal?.code).toBe('sandbox.syntax');
  });
});

describe('DoS 2 (medium): a join condition need not mention the joined view; a timeout kills the next job', () => {
  it('the gate refuses JOIN c ON a.x = b.x (a cartesian product with c)', async () => {
    const sql = `SELECT count(*) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 JOIN ${V} c ON a.月份 = b.月份`;
    const decision = gateQuery(await sandbox.engine.parse(sql), sandbox.grant, { schema: 'g', sql });
    expect(decision.accepted ? 'accepted' : decision.refusal.code).toBe('sandbox.join');
  });

  // sandbox-engine.ts run(): on timeout a SIGKILL timer is armed 5 s out and never cleared, even
  // when the interrupt landed; it kills whatever job the engine runs next.
  it('after one timed-out query, the following (legitimate) jobs all complete', async () => {
    const own = await startSandboxFixture({}, { timeoutMs: 1500 });
    try {
      await expect(own.judge(`SELECT count(*) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 JOIN ${V} c ON b.月份 = c.月份`)).rejects.toMatchObject({ kind: 'timeout' });
      const started = Date.now();
      const failures: string[] = [];
      while (Date.now() - started < 7000) {
        await own.judge(`SELECT 行业代码, count(*) FROM ${V} GROUP BY 1`).catch((e: { kind?: string }) => failures.push(String(e.kind)));
      }
      expect(failures).toEqual([]);
    } finally {
      await own.close();
    }
  }, 120_000);
});

// ─────────────────────────────────────────────────────────────────────────────
// Refused correctly
// ─────────────────────────────────────────────────────────────────────────────
const refused: Array<[string, () => string, string]> = [
  ['FROM-first without SELECT (implicit *)', () => `FROM ${V}`, 'sandbox.star'],
  ['SELECT * EXCLUDE', () => `SELECT * EXCLUDE (用电量) FROM ${V}`, 'sandbox.star'],
  ['COLUMNS(regex)', () => `SELECT COLUMNS('用.*') FROM ${V}`, 'sandbox.star'],
  ['COLUMNS(lambda)', () => `SELECT COLUMNS(c -> c LIKE '%'), count(*) FROM ${V}`, 'sandbox.star'],
  ['struct literal', () => `SELECT {'a': 用电量} AS s, count(*) FROM ${V} GROUP BY 1`, 'sandbox.function-not-allowed'],
  ['list literal', () => `SELECT [用电量] AS l, count(*) FROM ${V} GROUP BY 1`, 'sandbox.function-not-allowed'],
  ['lambda in list_transform', () => `SELECT list_transform([1], x -> x + 1) AS l, count(*) FROM ${V}`, 'sandbox.function-not-allowed'],
  [':: cast to BLOB', () => `SELECT 行业代码::BLOB AS b, count(*) FROM ${V} GROUP BY 1`, 'sandbox.type-not-allowed'],
  ['U& unicode escape string', () => `SELECT count(*) AS n FROM ${V} WHERE 行业代码 = U&'\\0043\\0033\\0039'`, 'sandbox.syntax'],
  ['U& string with NUL', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = U&'C\\0000'`, 'sandbox.syntax'],
  ['upper-case hidden subject column', () => `SELECT count(DISTINCT "__TDS_SUBJECT") FROM ${V}`, 'sandbox.unknown-column'],
  ['alias-qualified hidden subject column', () => `SELECT count(DISTINCT e.__tds_subject) FROM ${V} e`, 'sandbox.unknown-column'],
  ['output alias named like a column, in GROUP BY', () => `SELECT 行业代码 AS 月份, count(*) FROM ${V} GROUP BY 月份`, 'sandbox.aggregate-required'],
  ['aggregate aliased as a column, used in HAVING', () => `SELECT 行业代码, sum(用电量) AS 电费 FROM ${V} GROUP BY 1 HAVING 电费 > 0`, 'sandbox.having'],
  ['aggregate aliased as a column, used in ORDER BY', () => `SELECT 行业代码, sum(用电量) AS 用电量 FROM ${V} GROUP BY 1 ORDER BY 用电量`, 'sandbox.aggregate-required'],
  ['GROUP BY a string constant (read as a position)', () => `SELECT count(*) AS n FROM ${V} GROUP BY 'x'`, 'sandbox.limit'],
  ['GROUP BY the position of an aggregate', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY 2`, 'sandbox.group-by'],
  ['GROUP BY position 0', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY 0`, 'sandbox.group-by'],
  ['ORDER BY a position past the list', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY 1 ORDER BY 3`, 'sandbox.limit'],
  ['LIMIT/OFFSET 0 over single-subject groups', () => `SELECT 电费, count(*) FROM ${V} GROUP BY 1 LIMIT 5 OFFSET 0`, 'sandbox.small-groups'],
  ['OFFSET into single-subject groups', () => `SELECT 电费, count(*) FROM ${V} GROUP BY 1 ORDER BY 1 LIMIT 5 OFFSET 3`, 'sandbox.small-groups'],
  ['HAVING on a hidden distinct count', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY 1 HAVING count(DISTINCT 电费) = count(*) ORDER BY count(DISTINCT 电费) LIMIT 3`, 'sandbox.small-groups'],
  ['near-unique group keys', () => `SELECT 电费, 用电量, 月份, count(*) FROM ${V} GROUP BY 1, 2, 3`, 'sandbox.small-groups'],
  ['QUALIFY', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY 1 QUALIFY count(*) > 1`, 'sandbox.unsupported-syntax'],
  ['JOIN USING', () => `SELECT count(*) FROM ${V} a JOIN ${V} b USING (月份)`, 'sandbox.unsupported-syntax'],
  ['NATURAL JOIN', () => `SELECT count(*) FROM ${V} a NATURAL JOIN ${V} b`, 'sandbox.join'],
  ['POSITIONAL JOIN', () => `SELECT count(*) FROM ${V} a POSITIONAL JOIN ${V} b`, 'sandbox.join'],
  ['ASOF JOIN', () => `SELECT count(*) FROM ${V} a ASOF JOIN ${V} b ON a.月份 >= b.月份`, 'sandbox.join'],
  ['comma join', () => `SELECT count(*) FROM ${V} a, ${V} b WHERE a.月份 = b.月份`, 'sandbox.join'],
  ['join condition within one side', () => `SELECT count(*) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 AND a.行业代码 = a.行业代码`, 'sandbox.join'],
  ['join on an expression', () => `SELECT count(*) FROM ${V} a JOIN ${V} b ON a.月份 = b.月份 + 0`, 'sandbox.join'],
  ['PIVOT statement', () => `PIVOT ${V} ON 行业代码 USING sum(用电量)`, 'sandbox.not-select'],
  ['VALUES in FROM', () => `SELECT count(*) FROM (VALUES (1)) t(x)`, 'sandbox.subquery'],
  ['column alias list renaming the view’s columns', () => `SELECT count(*) FROM ${V} AS t(a, b, c)`, 'sandbox.unsupported-syntax'],
  ['#1 positional reference', () => `SELECT #1, count(*) FROM ${V} GROUP BY 1`, 'sandbox.unsupported-syntax'],
  ['COLLATE', () => `SELECT 行业代码 COLLATE NOCASE AS g, count(*) FROM ${V} GROUP BY 1`, 'sandbox.unsupported-syntax'],
  ['string slice', () => `SELECT 月份[1:4] AS y, count(*) FROM ${V} GROUP BY 1`, 'sandbox.unsupported-syntax'],
  ['SIMILAR TO', () => `SELECT count(*) FROM ${V} WHERE 行业代码 SIMILAR TO 'C.*'`, 'sandbox.function-not-allowed'],
  ['LIKE … ESCAPE', () => `SELECT count(*) FROM ${V} WHERE 行业代码 LIKE 'C%' ESCAPE '!'`, 'sandbox.function-not-allowed'],
  ['GLOB', () => `SELECT count(*) FROM ${V} WHERE 行业代码 GLOB 'C*'`, 'sandbox.function-not-allowed'],
  ['current_date', () => `SELECT current_date AS d, count(*) FROM ${V}`, 'sandbox.unknown-column'],
  ['? placeholder', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = ?`, 'sandbox.unsupported-syntax'],
  ['ROLLUP mixed with a plain key', () => `SELECT 行业代码, 月份, count(*) FROM ${V} GROUP BY 行业代码, ROLLUP (月份)`, 'sandbox.group-by'],
  ['negative LIMIT', () => `SELECT count(*) FROM ${V} LIMIT -1`, 'sandbox.limit'],
  ['LIMIT percent', () => `SELECT count(*) FROM ${V} LIMIT 10%`, 'sandbox.unsupported-syntax'],
  ['count(DISTINCT expression)', () => `SELECT count(DISTINCT concat(行业代码, 电费)) FROM ${V}`, 'sandbox.aggregate-argument'],
  ['NOT IN differencing', () => `SELECT count(*) FROM ${V} WHERE 行业代码 IN ('${itsIndustry}') AND 电费 NOT IN (${oneCharge})`, 'sandbox.differencing'],
  ['nullif IS NOT NULL differencing', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = '${itsIndustry}' AND nullif(电费, ${oneCharge}) IS NOT NULL`, 'sandbox.differencing'],
  ['IS DISTINCT FROM differencing', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = '${itsIndustry}' AND 电费 IS DISTINCT FROM ${oneCharge}`, 'sandbox.differencing'],
  ['NOT BETWEEN differencing', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = '${itsIndustry}' AND NOT 电费 BETWEEN ${oneCharge} AND ${oneCharge}`, 'sandbox.differencing'],
  ['coalesce(cond, FALSE) differencing', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = '${itsIndustry}' AND coalesce(电费 <> ${oneCharge}, FALSE)`, 'sandbox.condition-shape'],
  ['HAVING on the group key and an exact count', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY 1 HAVING count(*) > 3000 AND 行业代码 = '${itsIndustry}'`, 'sandbox.having'],
  ['a boolean group key splitting at one enterprise’s charge', () => `SELECT 电费 > ${oneCharge} AS big, count(*) AS n FROM ${V} GROUP BY 1`, 'sandbox.condition-shape'],
  ['AND/OR precedence differencing', () => `SELECT count(*) FROM ${V} WHERE 行业代码 = '${itsIndustry}' AND 电费 <> ${oneCharge} OR 行业代码 = '${itsIndustry}'`, 'sandbox.differencing'],
  ['13 conditions', () => `SELECT count(*) FROM ${V} WHERE ${Array.from({ length: 13 }, (_, i) => `用电量 <> ${i}`).join(' AND ')}`, 'sandbox.too-many-conditions'],
];

describe('refused correctly', () => {
  it.each(refused)('%s', async (_name, sql, code) => {
    const judged = await sandbox.judge(sql());
    expect(judged.accepted, JSON.stringify(judged.result?.rows.slice(0, 3))).toBe(false);
    expect(judged.refusal?.code).toBe(code);
  });
});

// ─────────────────────────────────────────────────────────────────────────────
// Accepted, harmless
// ─────────────────────────────────────────────────────────────────────────────
const harmless: Array<[string, () => string]> = [
  ['FROM-first syntax', () => `FROM ${V} SELECT count(*)`],
  ['$$ string', () => `SELECT count(*) AS n FROM ${V} WHERE 行业代码 = $$${itsIndustry}$$`],
  ['ORDER BY inside sum (dropped by the printer)', () => `SELECT 行业代码, sum(用电量 ORDER BY 电费) AS s FROM ${V} GROUP BY 1`],
  ['sum(DISTINCT)', () => `SELECT 行业代码, sum(DISTINCT 用电量) AS s FROM ${V} GROUP BY 1`],
  ['WHERE TRUE', () => `SELECT count(*) FROM ${V} WHERE TRUE`],
  ['-(-1) folded by DuckDB', () => `SELECT -(-1) AS c, count(*) AS n FROM ${V}`],
  ['a single grouping set', () => `SELECT count(*) FROM ${V} GROUP BY GROUPING SETS ((行业代码))`],
  ['CUBE of one key (printed as a plain GROUP BY)', () => `SELECT 行业代码, count(*) FROM ${V} GROUP BY CUBE (行业代码)`],
  ['an output named __tds_k', () => `SELECT count(*) AS "__tds_k" FROM ${V}`],
  ['an output name with quotes and a newline', () => `SELECT count(*) AS "a""b\nc--" FROM ${V}`],
  ['comment characters inside a string constant', () => `SELECT 'x--' || 行业代码 AS g, count(*) FROM ${V} GROUP BY 1 ORDER BY 1 LIMIT 2`],
  ['LIMIT as a DOUBLE', () => `SELECT count(*) FROM ${V} LIMIT 1e3`],
  ['aggregate aliases mean/stddev/variance/count_star()', () => `SELECT mean(用电量) AS m, stddev(用电量) AS sd, variance(用电量) AS v, count_star() AS n FROM ${V}`],
  ['a 5 KB constant in a group key', () => `SELECT 行业代码, 月份 || '${'y'.repeat(5000)}' AS k, count(*) FROM ${V} GROUP BY 1, 2 ORDER BY 1 LIMIT 2`],
  ['date functions over TRY_CAST', () => `SELECT year(TRY_CAST(月份 || '-01' AS DATE)) AS y, quarter(TRY_CAST(月份 || '-01' AS DATE)) AS q, count(*) FROM ${V} GROUP BY 1, 2`],
  ['integer division by zero (NULL, no error)', () => `SELECT 行业代码, count(*) FROM ${V} WHERE TRY_CAST(用电量 AS BIGINT) // 0 IS NULL GROUP BY 1`],
  ['an interval cast of a measure', () => `SELECT 行业代码, count(*) FROM ${V} WHERE TRY_CAST(用电量 AS INTERVAL) IS NULL GROUP BY 1`],
];

describe('accepted and harmless', () => {
  it.each(harmless)('%s', async (_name, sql) => {
    const judged = await sandbox.judge(sql());
    expect(judged.refusal).toBeUndefined();
    expect(judged.smallestGroup ?? 0).toBeGreaterThanOrEqual(10);
    // No identifier, no internal name, no view definition leaves.
    for (const c of cells(judged)) {
      expect(typeof c === 'string' && (usccPattern.test(c) || c.includes('CREATE VIEW') || c.includes('raw_') || c.includes('__tds_subject'))).toBe(false);
    }
    expect(judged.result?.columns).not.toContain('__tds_subject');
  });
});
