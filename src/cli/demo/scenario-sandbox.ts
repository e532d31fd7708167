import fs from 'node:fs';
import path from 'node:path';
import type { Localized } from '../../core/i18n/locale.js';
import { call } from './demo-http.js';
import { APPLICANTS_PER_JOB, creditScoreAlgorithm } from './demo-sandbox.js';
import { check, poll } from './scenario-check.js';
import type { ScenarioContext } from './scenario-context.js';
import { bankAuthorizations, refuseUnauthorized } from './scenario-entity-authorization.js';

type Cell = string | number | boolean | null;

interface Job {
  id: string;
  state: string;
  reason?: { code: string; message: Localized };
  result?: { columns: string[]; rows: Cell[][]; privacy?: { epsilon: number; columns: Array<{ name: string; error95: number }> } };
  proof?: { resultSha256: string };
  epsilon?: number;
}

const settled = ['refused', 'failed', 'cancelled', 'awaiting_review', 'succeeded'];

/** Submits a job through the bank's connector and follows it until it settles. */
async function runJob(ctx: ScenarioContext, body: Record<string, unknown>): Promise<Job> {
  const submitted = await call<Job>('POST', `${ctx.bank.url}/api/v1/sandbox/jobs`, ctx.bank.apiKey, { agreementId: ctx.sandboxAgreementId, ...body });
  ctx.jobs.push(submitted.id);
  return poll(() => call<Job>('GET', `${ctx.bank.url}/api/v1/sandbox/jobs/${encodeURIComponent(submitted.id)}`, ctx.bank.apiKey), (j) => settled.includes(j.state), { 'zh-CN': `沙箱作业 ${submitted.id}`, en: `sandbox job ${submitted.id}` }, 120_000, 200);
}

const csvCell = (v: Cell | undefined) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/**
 * The bank scores its applicants with the utility's registered algorithm, fifty to a job, and
 * keeps the scores beside its own applications in DIR/scenario/credit-scores.csv. What comes
 * back is one row per applicant the utility serves, with the algorithm's columns only.
 */
export async function scoreApplicants(ctx: ScenarioContext): Promise<Localized> {
  const scores = new Map<string, Record<string, Cell>>();
  const authorizations = await bankAuthorizations(ctx);
  let jobs = 0;
  for (let i = 0; i < ctx.applicants.length; i += APPLICANTS_PER_JOB) {
    const batch = ctx.applicants.slice(i, i + APPLICANTS_PER_JOB);
    const job = await runJob(ctx, { algorithm: creditScoreAlgorithm.name, version: creditScoreAlgorithm.version, parameters: { applicants: batch.map((a) => a.uscc).join(',') }, authorizations: batch.map((a) => authorizations.get(a.uscc)) });
    jobs += 1;
    check(job.state === 'succeeded', { 'zh-CN': `评分作业 ${job.id} 结束于 ${job.state}：${job.reason?.message['zh-CN'] ?? ''}`, en: `credit-score job ${job.id} ended ${job.state}: ${job.reason?.message.en ?? ''}` });
    check(job.result && job.proof, { 'zh-CN': `评分作业 ${job.id} 没有已发布的结果与证明`, en: `credit-score job ${job.id} has no released result and proof` });
    check(job.result.columns.includes('稳定性评分') && !job.result.columns.includes('用电量'), { 'zh-CN': `评分作业 ${job.id} 返回了列 ${job.result.columns.join('、')}`, en: `credit-score job ${job.id} returned columns ${job.result.columns.join(', ')}` });
    const asked = new Set(batch.map((a) => a.uscc));
    for (const row of job.result.rows) {
      const record = Object.fromEntries(job.result.columns.map((c, k) => [c, row[k] ?? null]));
      const code = String(record['统一社会信用代码']);
      check(asked.has(code), { 'zh-CN': `评分作业 ${job.id} 返回了银行未询问的企业`, en: `credit-score job ${job.id} returned an enterprise the bank did not ask about` });
      scores.set(code, record);
    }
  }
  const grades = new Map<string, number>();
  const lines = ['申请编号,统一社会信用代码,申请金额（万元）,申请日期,月份数,用电波动系数,月均变化率,稳定性评分,评分等级'];
  for (const a of ctx.applicants) {
    const s = scores.get(a.uscc);
    if (s) grades.set(String(s['评分等级']), (grades.get(String(s['评分等级'])) ?? 0) + 1);
    lines.push([a.applicationNo, a.uscc, a.amount, a.appliedOn, s?.['月份数'], s?.['用电波动系数'], s?.['月均变化率'], s?.['稳定性评分'], s ? s['评分等级'] : '无用电记录'].map(csvCell).join(','));
  }
  const file = path.join(ctx.dir, 'scenario', 'credit-scores.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `\ufeff${lines.join('\n')}\n`);
  check(scores.size > 0, { 'zh-CN': '没有一家申请企业获得评分', en: 'no applicant was scored' });
  const unknown = ctx.applicants.length - scores.size;
  const byGrade = ['A', 'B', 'C', 'D'].map((g) => `${g} ${grades.get(g) ?? 0}`).join(' / ');
  const refused = await refuseUnauthorized(ctx, runJob, authorizations);
  return {
    'zh-CN': `在省电力公司沙箱中运行登记算法 ${creditScoreAlgorithm.name}@${creditScoreAlgorithm.version}（${jobs} 个作业，耗用 ε 0：提供方审批的登记算法不计入差分隐私预算；每家企业附其授权），${ctx.applicants.length} 家申请企业中 ${scores.size} 家获评分（${byGrade}），${unknown} 家无用电记录\n银行只收到评分，逐月用电量未出域；结果见 ${file}\n${refused['zh-CN']}`,
    en: `Ran the registered algorithm ${creditScoreAlgorithm.name}@${creditScoreAlgorithm.version} in the utility's sandbox (${jobs} jobs, ε 0 spent: a registered algorithm the provider approved is outside the differential-privacy budget; each applicant's authorization attached): ${scores.size} of ${ctx.applicants.length} applicants scored (${byGrade}), ${unknown} with no consumption on record\nThe bank received the scores only; no month of consumption left the utility; written to ${file}\n${refused.en}`,
  };
}

/**
 * The aggregate a credit analyst would ask for is released under the agreement's differential
 * privacy, spending ε from its budget; asking for the rows is refused, with the reason, and spends none.
 */
export async function showTheGate(ctx: ScenarioContext): Promise<Localized> {
  const aggregate = await runJob(ctx, {
    sql: 'SELECT "行业代码", count(*) AS "企业月数", avg("用电量") AS "月均用电量" FROM "企业用电数据" GROUP BY "行业代码" ORDER BY "行业代码"',
    privacy: { epsilon: 1 },
  });
  check(aggregate.state === 'succeeded' && aggregate.result, { 'zh-CN': `按行业聚合的作业结束于 ${aggregate.state}：${aggregate.reason?.message['zh-CN'] ?? ''}`, en: `the industry aggregate ended ${aggregate.state}: ${aggregate.reason?.message.en ?? ''}` });
  const privacy = aggregate.result.privacy;
  check(privacy && aggregate.epsilon === 1, { 'zh-CN': '按行业聚合的结果未经差分隐私发布', en: 'the industry aggregate was not released under differential privacy' });
  const rows = await runJob(ctx, { sql: 'SELECT * FROM "企业用电数据"' });
  check(rows.state === 'refused' && rows.reason && rows.epsilon === undefined, { 'zh-CN': `SELECT * 结束于 ${rows.state}，未被拒绝`, en: `SELECT * ended ${rows.state}, not refused` });
  const schema = await call<{ rules: { differentialPrivacy?: { budget: number; left: number } } }>('GET', `${ctx.bank.url}/api/v1/sandbox/agreements/${encodeURIComponent(ctx.sandboxAgreementId)}/schema`, ctx.bank.apiKey);
  const dp = schema.rules.differentialPrivacy;
  check(dp, { 'zh-CN': '沙箱协议没有差分隐私预算', en: 'the sandbox agreement has no differential-privacy budget' });
  const error = (name: string) => Math.round(privacy.columns.find((c) => c.name === name)?.error95 ?? NaN);
  return {
    'zh-CN': `按行业的聚合查询在差分隐私下放行（${aggregate.result.rows.length} 组，每组至少 10 家企业；耗用 ε ${privacy.epsilon}，预算 ε ${dp.budget} 剩余 ${dp.left}；95% 误差：企业月数 ±${error('企业月数')}，月均用电量 ±${error('月均用电量')} 千瓦时）；SELECT * 被拒绝（${rows.reason.code}，耗用 ε 0）：${rows.reason.message['zh-CN']}`,
    en: `An aggregate by industry was released under differential privacy (${aggregate.result.rows.length} groups of at least 10 enterprises; ε ${privacy.epsilon} spent, ${dp.left} of ${dp.budget} left; 95% error: enterprise-months ±${error('企业月数')}, average consumption ±${error('月均用电量')} kWh); SELECT * was refused (${rows.reason.code}, ε 0 spent): ${rows.reason.message.en}`,
  };
}
