import { call } from './demo-http.js';

interface Connector {
  url: string;
  apiKey: string;
}

/** What the demo's sandbox scenario set up: the bank's agreement and the tables it may query. */
export interface DemoSandbox {
  sandboxAgreementId: string;
  tables: Record<string, string[]>;
}

/** How many applicants one credit-score job takes: its parameter holds their codes, comma-separated. */
export const APPLICANTS_PER_JOB = 50;

const USCC_PATTERN = '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}';
const monthIndex = `CAST(substr(CAST("月份" AS VARCHAR), 1, 4) AS INTEGER) * 12 + CAST(substr(CAST("月份" AS VARCHAR), 6, 2) AS INTEGER)`;

/**
 * The provider-approved credit score (登记算法) of the demo: for each applicant enterprise the
 * bank names, the stability of its monthly consumption (coefficient of variation) and its trend
 * (relative change per month), scored 0–100 and graded A–D, computed in the utility's sandbox.
 * The bank gets one row per applicant the utility serves, never the months behind it; the
 * codes it gets back are the ones it sent.
 */
export const creditScoreAlgorithm = {
  name: 'credit-score',
  // Version 3 declares the output per-entity: every applicant asked about needs its authorization (ADR 0012).
  version: 3,
  title: { 'zh-CN': '企业用电稳定性信用评分', en: 'Electricity-stability credit score' },
  description: {
    'zh-CN': `按申请企业的统一社会信用代码（每次最多 ${APPLICANTS_PER_JOB} 个），计算其逐月用电量的波动系数与月均变化率，给出 0–100 的稳定性评分与 A–D 等级。`,
    en: `For up to ${APPLICANTS_PER_JOB} applicants' unified social credit codes: the coefficient of variation and monthly trend of their consumption, a 0–100 stability score and a grade A–D.`,
  },
  sql: `SELECT "统一社会信用代码", "月份数", "用电波动系数", "月均变化率", "稳定性评分",
  CASE WHEN "稳定性评分" >= 85 THEN 'A' WHEN "稳定性评分" >= 70 THEN 'B' WHEN "稳定性评分" >= 55 THEN 'C' ELSE 'D' END AS "评分等级"
FROM (
  SELECT "统一社会信用代码", "月份数", round(cv, 3) AS "用电波动系数", round(trend, 4) AS "月均变化率",
    CAST(round(greatest(0, least(100, 100 - 150 * coalesce(cv, 1) + 500 * least(greatest(coalesce(trend, -0.1), -0.1), 0.02)))) AS INTEGER) AS "稳定性评分"
  FROM (
    SELECT "__tds_subject" AS "统一社会信用代码", count(*) AS "月份数",
      stddev_samp("用电量") / nullif(avg("用电量"), 0) AS cv,
      regr_slope("用电量", ${monthIndex}) / nullif(avg("用电量"), 0) AS trend
    FROM "企业用电数据"
    WHERE list_contains(string_split($applicants, ','), "__tds_subject")
    GROUP BY "__tds_subject"
  ) per_applicant
) scored
ORDER BY "统一社会信用代码"`,
  parameters: [
    {
      name: 'applicants',
      type: 'string',
      pattern: `${USCC_PATTERN}(,${USCC_PATTERN}){0,${APPLICANTS_PER_JOB - 1}}`,
      title: { 'zh-CN': `申请企业统一社会信用代码（逗号分隔，最多 ${APPLICANTS_PER_JOB} 个）`, en: `Applicants' unified social credit codes (comma-separated, up to ${APPLICANTS_PER_JOB})` },
    },
  ],
  release: 'auto',
  quasiIdentifiers: ['统一社会信用代码'],
  entities: { parameter: 'applicants', column: '统一社会信用代码' },
};

export async function waitForAgreement(bank: Connector, negotiationId: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const n = await call<{ state: string | null; agreementId?: string; reason?: unknown }>('GET', `${bank.url}/api/v1/negotiations/${negotiationId}`, bank.apiKey);
    if (n.state === 'FINALIZED' && n.agreementId) return n.agreementId;
    if (n.state === 'TERMINATED') throw new Error(`The demo's sandbox negotiation was terminated: ${JSON.stringify(n.reason)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The demo's sandbox negotiation did not finish in 20 s");
}

/**
 * The bank's sandbox-only agreement on 企业用电数据 (negotiated once; later starts find it), the
 * utility's registered credit-score algorithm, and the schema the agreement grants.
 */
export async function setUpDemoSandbox(options: { utility: Connector; bank: Connector; offer: { entryId: string; offerId: string; purpose: string } }): Promise<DemoSandbox> {
  const { utility, bank, offer } = options;
  const algorithms = await call<{ items: Array<{ name: string; version: number }> }>('GET', `${utility.url}/api/v1/sandbox/algorithms`, utility.apiKey);
  if (!algorithms.items.some((a) => a.name === creditScoreAlgorithm.name && a.version === creditScoreAlgorithm.version)) {
    await call('POST', `${utility.url}/api/v1/sandbox/algorithms`, utility.apiKey, creditScoreAlgorithm);
  }
  const agreements = await call<{ items: Array<{ id: string; datasetId: string }> }>('GET', `${bank.url}/api/v1/agreements?role=consumer&state=active&limit=200`, bank.apiKey);
  let agreementId = agreements.items.find((a) => a.datasetId === offer.entryId)?.id;
  if (!agreementId) {
    const negotiation = await call<{ id: string }>('POST', `${bank.url}/api/v1/negotiations`, bank.apiKey, offer);
    agreementId = await waitForAgreement(bank, negotiation.id);
  }
  const schema = await call<{ views: Array<{ name: string; columns: Array<{ name: string; identifier?: boolean }> }> }>('GET', `${bank.url}/api/v1/sandbox/agreements/${encodeURIComponent(agreementId)}/schema`, bank.apiKey);
  const tables = Object.fromEntries(schema.views.map((v) => [v.name, v.columns.filter((c) => !c.identifier).map((c) => c.name)]));
  return { sandboxAgreementId: agreementId, tables };
}
