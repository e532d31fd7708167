// The data sandbox across separate processes: an operator and two connectors (utility = provider,
// bank = consumer), each its own `tds` process talking HTTP, on SQLite and PostgreSQL. The bank
// submits jobs through its own connector, which forwards them to the utility's sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateElectricityData } from '../src/cli/demo/demo-electricity-data.js';
import { publishedCsv } from './support/published-asset.js';
import { call, restartNode, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';
import { waitFor } from './support/wait-for.js';

const PURPOSE = 'credit-risk-assessment';
const sandboxOffer = (id: string, extra: Array<Record<string, unknown>> = []) => ({
  id,
  accessMode: 'sandbox',
  priceModel: 'free',
  policy: {
    permission: [
      {
        action: 'aggregate',
        constraint: [
          { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
          { leftOperand: 'purpose', operator: 'eq', rightOperand: PURPOSE },
          { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: 10 },
          ...extra,
        ],
      },
    ],
  },
});
const V = '企业用电数据';
type Job = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field

describe.each(databaseKinds)('the sandbox across processes on %s', (kind) => {
  let space: ProcessSpace;
  let utility: SpaceNode;
  let bank: SpaceNode;
  let entryId: string;
  let agreementId: string;
  const bankKey = () => secretOf(bank, 'api-key');
  const utilityKey = () => secretOf(utility, 'api-key');

  async function agreementFor(offerId: string): Promise<string> {
    const started = await call('POST', `${bank.url}/api/v1/negotiations`, bankKey(), { entryId, offerId: `urn:tds:offer:${entryId.split(':').pop()}:${offerId}`, purpose: PURPOSE });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let record: Job = started.body;
    await waitFor(async () => {
      record = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(started.body.id)}`, bankKey())).body;
      return record.state === 'FINALIZED' || record.state === 'TERMINATED';
    }, 30_000, 'the negotiation to end');
    expect(record.state, JSON.stringify(record.reason)).toBe('FINALIZED');
    return record.agreementId as string;
  }

  async function submit(body: Record<string, unknown>): Promise<Job> {
    const submitted = await call('POST', `${bank.url}/api/v1/sandbox/jobs`, bankKey(), body);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.state).toBe('queued');
    return submitted.body;
  }

  async function settled(id: string): Promise<Job> {
    let job: Job = {};
    await waitFor(async () => {
      job = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${id}`, bankKey())).body;
      return !['queued', 'running'].includes(job.state);
    }, 60_000, `sandbox job ${id} to end`);
    return job;
  }

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'sandbox.test');
    ({ utility, bank } = space);
    const data = generateElectricityData(300, 24);
    ({ entryId } = await publishedCsv(
      utility,
      V,
      data.csv,
      [
        // Exact answers, chosen explicitly: the query-set audit guards them.
        sandboxOffer('aggregate', [{ leftOperand: 'tds:privacyMechanism', operator: 'eq', rightOperand: 'exact' }]),
        sandboxOffer('twice', [{ leftOperand: 'tds:privacyMechanism', operator: 'eq', rightOperand: 'exact' }, { leftOperand: 'count', operator: 'lteq', rightOperand: 2 }]),
        sandboxOffer('private', [{ leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: 1 }, { leftOperand: 'tds:resultReview', operator: 'eq', rightOperand: 'manual' }]),
        // No privacy terms at all: records about enterprises get differential privacy by default.
        sandboxOffer('default'),
      ],
      { 统一社会信用代码: { concept: 'tds:uscc' }, 行政区划代码: { desensitization: { method: 'generalize', to: 'region-city' } }, 用电量: { bounds: { min: 0, max: 400_000 } } },
    ));
    agreementId = await agreementFor('aggregate');
  }, 180_000);

  afterAll(async () => {
    await space?.stop();
  });

  it('shows the consumer the granted schema: no identifier, desensitized columns, the rules', async () => {
    const schema = await call('GET', `${bank.url}/api/v1/sandbox/agreements/${encodeURIComponent(agreementId)}/schema`, bankKey());
    expect(schema.status, JSON.stringify(schema.body)).toBe(200);
    expect(schema.body.views[0].name).toBe(V);
    expect(schema.body.views[0].columns.map((c: { name: string }) => c.name)).toEqual(['行政区划代码', '行业代码', '月份', '用电量', '电费']);
    expect(schema.body.rules).toMatchObject({ aggregateOnly: true, k: 10, review: 'auto' });
  });

  it('runs an aggregate where the data lives and releases it with its ledger proof', async () => {
    const job = await settled((await submit({ agreementId, sql: `SELECT 行政区划代码, 行业代码, count(*) AS n, avg(用电量) FROM ${V} GROUP BY 1, 2 ORDER BY n DESC` })).id);
    expect(job.state, JSON.stringify(job.reason)).toBe('succeeded');
    expect(job.result.columns).toEqual(['行政区划代码', '行业代码', 'n', 'avg(用电量)']);
    // 行政区划代码 is generalized to the city (410100) by the dictionary's rule before the query sees it.
    expect(new Set(job.result.rows.map((r: unknown[]) => r[0]))).toEqual(new Set(['410100']));
    expect(job.proof.resultSha256).toMatch(/^[0-9a-f]{64}$/);
    await waitFor(async () => {
      const again = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${job.id}`, bankKey())).body;
      return again.proof.evidence.some((e: { type: string; ledgerIndex?: number }) => e.type === 'sandbox.result.released' && e.ledgerIndex !== undefined);
    }, 20_000, 'the release to reach the ledger');
  });

  it('counts each job as a use of the agreement on both sides, and refuses a job beyond the policy’s count', async () => {
    const twice = await agreementFor('twice');
    const sql = `SELECT 行业代码, count(*) AS n FROM ${V} GROUP BY 1`;
    for (let i = 0; i < 2; i++) await settled((await submit({ agreementId: twice, sql })).id);
    const third = await call('POST', `${bank.url}/api/v1/sandbox/jobs`, bankKey(), { agreementId: twice, sql });
    expect(third.status, JSON.stringify(third.body)).toBe(403);
    expect(third.body.code).toBe('sandbox.not-permitted');
    const ours = await call('GET', `${bank.url}/api/v1/agreements/${encodeURIComponent(twice)}`, bankKey());
    const theirs = await call('GET', `${utility.url}/api/v1/agreements/${encodeURIComponent(twice)}`, utilityKey());
    expect([ours.body.uses, theirs.body.uses]).toEqual([2, 2]);
  });

  it('refuses raw rows with a reason in both languages, and says where', async () => {
    const job = await settled((await submit({ agreementId, sql: `SELECT * FROM ${V}` })).id);
    expect(job.state).toBe('refused');
    expect(job.reason).toMatchObject({ code: 'sandbox.star', at: 7 });
    expect(job.reason.message['zh-CN']).toContain('*');
    expect(job.result).toBeUndefined();
  });

  it('answers bad submissions with problem+json and writes nothing', async () => {
    const before = (await call('GET', `${bank.url}/api/v1/sandbox/jobs`, bankKey())).body.total;
    const noQuery = await call('POST', `${bank.url}/api/v1/sandbox/jobs`, bankKey(), { agreementId });
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.code).toBe('request.invalid');
    const unknown = await call('POST', `${bank.url}/api/v1/sandbox/jobs`, bankKey(), { agreementId: 'urn:uuid:nothing', sql: 'SELECT 1' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('sandbox.job-not-found');
    const noKey = await call('POST', `${bank.url}/api/v1/sandbox/jobs`, undefined, { agreementId, sql: 'SELECT 1' });
    expect(noKey.status).toBe(401);
    expect((await call('GET', `${bank.url}/api/v1/sandbox/jobs`, bankKey())).body.total).toBe(before);
  });

  it('holds a private result for review, adds noise, and refuses to overspend ε', async () => {
    const privateAgreement = await agreementFor('private');
    const sql = `SELECT 行业代码, count(*) AS n FROM ${V} GROUP BY 1`;
    const held = await settled((await submit({ agreementId: privateAgreement, sql, privacy: { epsilon: 0.6 } })).id);
    expect(held.state).toBe('awaiting_review');
    expect(held.result).toBeUndefined();
    const queue = await call('GET', `${utility.url}/api/v1/sandbox/provided-jobs?state=awaiting_review`, utilityKey());
    expect(queue.body.items.map((j: Job) => j.id)).toContain(held.id);
    const reviewed = await call('POST', `${utility.url}/api/v1/sandbox/provided-jobs/${held.id}/review`, utilityKey(), { decision: 'release', reason: '已核对' });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    const released = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${held.id}`, bankKey())).body;
    expect(released.state).toBe('succeeded');
    expect(released.epsilon).toBe(0.6);
    const exact = await settled((await submit({ agreementId, sql })).id);
    const byIndustry = new Map(exact.result.rows.map((r: [string, number]) => [r[0], r[1]]));
    expect(released.result.rows.some((r: [string, number]) => r[1] !== byIndustry.get(r[0]))).toBe(true);
    const over = await settled((await submit({ agreementId: privateAgreement, sql, privacy: { epsilon: 0.6 } })).id);
    expect(over.state).toBe('refused');
    expect(over.reason.code).toBe('sandbox.budget-exhausted');
    // What is left can still be spent, and a held result can be withdrawn by the consumer.
    const rest = await settled((await submit({ agreementId: privateAgreement, sql, privacy: { epsilon: 0.4 } })).id);
    expect(rest.state).toBe('awaiting_review');
    const cancelled = await call('POST', `${bank.url}/api/v1/sandbox/jobs/${rest.id}/cancel`, bankKey());
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    const again = await call('POST', `${bank.url}/api/v1/sandbox/jobs/${rest.id}/cancel`, bankKey());
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('sandbox.job-state');
  });

  it('refuses the tracker attack of issue 15 under exact answers, with the reason, in a real connector', async () => {
    const q1 = await settled((await submit({ agreementId, sql: `SELECT 行业代码, 月份, sum(用电量) AS s, count(用电量) AS n FROM ${V} GROUP BY 1, 2` })).id);
    expect(q1.state, JSON.stringify(q1.reason)).toBe('succeeded');
    const q2 = await settled((await submit({ agreementId, sql: `SELECT 行业代码, 月份, round(用电量, -5) AS b, sum(用电量) AS s, count(用电量) AS n FROM ${V} WHERE 月份 = '2024-01' GROUP BY 1, 2, 3` })).id);
    expect(q2.state).toBe('refused');
    expect(q2.reason.code).toBe('sandbox.query-set');
    expect(q2.reason.message.en).toContain(q1.id);
  });

  it('puts an agreement with no privacy terms over enterprises under differential privacy, and says each column’s expected error', async () => {
    const dpAgreement = await agreementFor('default');
    const schema = await call('GET', `${bank.url}/api/v1/sandbox/agreements/${encodeURIComponent(dpAgreement)}/schema`, bankKey());
    expect(schema.body.rules.differentialPrivacy).toMatchObject({ mechanism: 'laplace', budget: 10, spent: 0, left: 10 });
    const job = await settled((await submit({ agreementId: dpAgreement, sql: `SELECT 行业代码, count(*) AS n, sum(用电量) AS s FROM ${V} GROUP BY 1` })).id);
    expect(job.state, JSON.stringify(job.reason)).toBe('succeeded');
    expect(job.epsilon).toBe(1);
    expect(job.result.privacy).toMatchObject({ epsilon: 1, mechanism: 'laplace' });
    // Sum: b = 24 rows per enterprise × 400,000 / (ε/2), its 95% bound b·ln 20.
    expect(job.result.privacy.columns.map((c: { name: string }) => c.name)).toEqual(['n', 's']);
    expect(job.result.privacy.columns[1].error95).toBeCloseTo(((24 * 400_000) / 0.5) * Math.log(20), 0);
    const after = await call('GET', `${bank.url}/api/v1/sandbox/agreements/${encodeURIComponent(dpAgreement)}/schema`, bankKey());
    expect(after.body.rules.differentialPrivacy).toMatchObject({ spent: 1, left: 9 });
    // A standard deviation has no calibrated noise here: refused, with the reason, and no ε spent.
    const spread = await settled((await submit({ agreementId: dpAgreement, sql: `SELECT 行业代码, stddev_samp(用电量) FROM ${V} GROUP BY 1` })).id);
    expect(spread.reason.code).toBe('sandbox.dp-unsupported');
    expect(spread.epsilon).toBeUndefined();
  });

  it('runs a registered algorithm with parameters bound, never spliced', async () => {
    const registered = await call('POST', `${utility.url}/api/v1/sandbox/algorithms`, utilityKey(), {
      name: 'industry-profile',
      version: 1,
      title: { 'zh-CN': '行业用电概况', en: 'Industry profile' },
      sql: `SELECT 行业代码, count(DISTINCT __tds_subject) AS 企业数, round(avg(用电量), 1) AS 平均用电量 FROM ${V} WHERE 行业代码 = $industry GROUP BY 1`,
      parameters: [{ name: 'industry', type: 'string', pattern: '[A-T][0-9]{2}', title: { 'zh-CN': '行业', en: 'Industry' } }],
      release: 'auto',
      quasiIdentifiers: ['行业代码'],
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const job = await settled((await submit({ agreementId, algorithm: 'industry-profile', parameters: { industry: 'C13' } })).id);
    expect(job.state, JSON.stringify(job.reason)).toBe('succeeded');
    expect(job.result.rows[0][0]).toBe('C13');
    const injected = await settled((await submit({ agreementId, algorithm: 'industry-profile', parameters: { industry: "C13' OR 1=1 --" } })).id);
    expect(injected.state).toBe('refused');
    expect(injected.reason.code).toBe('sandbox.algorithm');
  });

  it('finishes queued jobs after the provider restarts', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await submit({ agreementId, sql: `SELECT 月份, sum(用电量) FROM ${V} GROUP BY 月份` })).id);
    utility = await restartNode(utility);
    for (const id of ids) expect((await settled(id)).state).toBe('succeeded');
  }, 120_000);
});
