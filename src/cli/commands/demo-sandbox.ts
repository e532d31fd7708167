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

/**
 * The provider-approved credit score (登记算法) of the demo: for one applicant enterprise, the
 * stability of its monthly consumption, computed in the utility's sandbox; the bank gets the
 * score, never the months behind it.
 */
export const creditScoreAlgorithm = {
  name: 'credit-score',
  version: 1,
  title: { 'zh-CN': '企业用电稳定性信用评分', en: 'Electricity-stability credit score' },
  description: {
    'zh-CN': '按申请企业的统一社会信用代码，计算其逐月用电量的均值与波动系数，给出 0–100 的稳定性评分。',
    en: "For an applicant's unified social credit code: mean monthly consumption, its coefficient of variation, and a 0–100 stability score.",
  },
  sql: `SELECT $uscc AS "统一社会信用代码",
  count(*) AS "月份数",
  round(avg("用电量"), 1) AS "月均用电量",
  round(stddev_samp("用电量") / nullif(avg("用电量"), 0), 3) AS "用电波动系数",
  CAST(round(greatest(0, 100 - 100 * coalesce(stddev_samp("用电量") / nullif(avg("用电量"), 0), 1))) AS INTEGER) AS "稳定性评分"
FROM "企业用电数据" WHERE "__tds_subject" = $uscc`,
  parameters: [{ name: 'uscc', type: 'string', pattern: '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}', title: { 'zh-CN': '申请企业统一社会信用代码', en: "Applicant's unified social credit code" } }],
  release: 'auto',
  quasiIdentifiers: ['统一社会信用代码'],
};

async function waitForAgreement(bank: Connector, negotiationId: string): Promise<string> {
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
