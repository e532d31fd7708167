import { dspOfferId } from '../../connector/catalog/dsp-catalog.js';
import { call } from './demo-http.js';
import type { ElectricityData } from './demo-electricity-data.js';

interface Asset {
  id: string;
  name: string;
  version: number;
  entry: { dictionary?: { fields: Array<{ name: string; title?: Record<string, string>; description?: Record<string, string> }> } };
  publication?: { entryId: string; status: string; offers: Array<{ id: string }> };
}

interface Connector {
  url: string;
  apiKey: string;
}

/** Field titles and descriptions of the demo data (数据字典), zh-CN and English. */
const fieldTexts: Record<string, { zh: string; en: string; unit?: string; description: string; concept?: string; type?: string; bounds?: { min: number; max: number } }> = {
  统一社会信用代码: { zh: '统一社会信用代码', en: 'Unified social credit code', description: '企业的统一社会信用代码（GB 32100）', concept: 'tds:uscc' },
  // A code, not a number (inference sees six digits): it is grouped by, never summed.
  行政区划代码: { zh: '行政区划代码', en: 'Administrative division code', description: '企业注册地的区县代码（GB/T 2260）', type: 'string' },
  行业代码: { zh: '行业代码', en: 'Industry code', description: '国民经济行业分类（GB/T 4754）门类与大类' },
  月份: { zh: '月份', en: 'Month', description: '统计月份 YYYY-MM' },
  // Clamping bounds for differential privacy: above every enterprise-month the utility bills (ADR 0011).
  用电量: { zh: '用电量', en: 'Electricity consumption', unit: 'kW.h', description: '当月用电量（千瓦时）', bounds: { min: 0, max: 500_000 } },
  电费: { zh: '电费', en: 'Electricity charge', unit: 'CNY', description: '当月电费（元）', bounds: { min: 0, max: 310_000 } },
  企业数: { zh: '企业数', en: 'Enterprises', description: '区县当期有用电记录的企业数' },
  年度: { zh: '年度', en: 'Year', description: '统计年度' },
  用电量合计: { zh: '用电量合计', en: 'Total consumption', unit: 'kW.h', description: '区县当期企业用电量合计（千瓦时）' },
};

const common = {
  license: 'https://w3id.org/trustspace/licence/restricted-1.0',
  contactPoint: { name: '省电力公司数据服务部', email: 'data@power.example.cn', phone: '0371-61234567' },
  spatial: ['410100'],
  temporal: { start: '2024-01', end: '2025-12' },
  accrualPeriodicity: 'http://purl.org/cld/freq/monthly',
  themes: ['http://publications.europa.eu/resource/authority/data-theme/ENER', 'http://publications.europa.eu/resource/authority/data-theme/ECON'],
};

/** Uploads, describes, classifies and publishes one asset unless a previous start did. */
async function publishAsset(
  utility: Connector,
  name: string,
  csv: string,
  entry: Record<string, unknown>,
  classification: Record<string, unknown>,
  publication: { offers: Array<{ id: string } & Record<string, unknown>>; visibility: Record<string, unknown> },
): Promise<{ assetId: string; entryId: string }> {
  const existing = (await call<{ items: Asset[] }>('GET', `${utility.url}/api/v1/assets`, utility.apiKey)).items.find((a) => a.name === name);
  if (existing?.publication) {
    // A space created by an older tds lacks offers added since: publish them as a new version.
    const offered = new Set(existing.publication.offers.map((o) => o.id));
    const missing = publication.offers.some((o) => !offered.has(o.id));
    if (!missing) return { assetId: existing.id, entryId: existing.publication.entryId };
    await call('POST', `${utility.url}/api/v1/assets/${existing.id}/publication`, utility.apiKey, publication);
    return { assetId: existing.id, entryId: existing.publication.entryId };
  }
  const uploaded = existing ?? (await call<Asset>('POST', `${utility.url}/api/v1/assets/uploads?name=${encodeURIComponent(name)}`, utility.apiKey, csv, 'text/csv'));
  const fields = (uploaded.entry.dictionary?.fields ?? []).map((f) => {
    const text = fieldTexts[f.name];
    return text ? { ...f, title: { 'zh-CN': text.zh, en: text.en }, description: { 'zh-CN': text.description }, ...(text.unit ? { unit: text.unit } : {}), ...(text.concept ? { concept: text.concept } : {}), ...(text.type ? { type: text.type } : {}), ...(text.bounds ? { bounds: text.bounds } : {}) } : f;
  });
  const described = await call<Asset>('PATCH', `${utility.url}/api/v1/assets/${uploaded.id}`, utility.apiKey, {
    version: uploaded.version,
    entry: { ...common, ...entry, dictionary: { ...uploaded.entry.dictionary, fields } },
    classification,
  });
  const published = await call<{ entryId: string }>('POST', `${utility.url}/api/v1/assets/${described.id}/publication`, utility.apiKey, publication);
  return { assetId: described.id, entryId: published.entryId };
}

/** The purpose (用途) the demo's bank declares; the demo's pull offer permits use for it alone. */
export const demoPurpose = 'credit-risk-assessment';

/**
 * A download offer (DSP `HttpData-PULL`) of the district summary whose ODRL policy the bank meets
 * by declaring {@link demoPurpose}; other DSP implementations negotiate it against the demo.
 */
const creditPullOffer = {
  id: 'download-credit',
  title: { 'zh-CN': '下载（限信用风险评估用途）', en: 'Download (credit-risk assessment only)' },
  accessMode: 'download',
  priceModel: 'free',
  policy: { permission: [{ action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: demoPurpose }] }] },
};

/** The licence of the open statistics: use for any purpose, naming the source (署名). */
export const openLicence = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * The open statistics' offer: download by anyone admitted, for any purpose, under the duty to
 * attribute the source (ODRL `attribute`, tracked as a task after each use). Downloads only, so
 * the bank's sandbox agreement grants the same views before and after it takes the file.
 */
const openDataOffer = {
  id: 'open-download',
  title: { 'zh-CN': '开放下载（署名 CC BY 4.0）', en: 'Open download (attribution, CC BY 4.0)' },
  accessMode: 'download',
  priceModel: 'free',
  policy: { permission: [{ action: 'use', constraint: [{ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'download' }], duty: [{ action: 'attribute' }] }] },
};

/** What the demo catalog holds: the entries' URNs and the pull offer the bank can negotiate. */
export interface DemoCatalog {
  electricityEntry: string;
  /** The open statistics (开放数据) under an attribution licence, and its download offer. */
  openEntry: string;
  openOffer: { entryId: string; offerId: string };
  /** The sandbox-only offer of 企业用电数据: its DSP `@id` and the purpose it permits. */
  sandboxOffer: { entryId: string; offerId: string; purpose: string };
  restrictedEntry: string;
  pullOffer: { entryId: string; offerId: string; purpose: string };
}

/**
 * The utility's publications (数据发布): 企业用电数据 for all members, sandbox use only,
 * conditionally shared (有条件共享), so it passes the operator's manual review, which the demo's
 * reviewer approves; and a district summary visible to the bank alone (指定参与方可见), aggregated
 * so it may be downloaded, also under a purpose-bound offer (HTTP pull) the bank satisfies.
 */
export async function publishDemoCatalog(options: { operatorUrl: string; adminToken: string; utility: Connector; bankParticipantId: string; data: ElectricityData }): Promise<DemoCatalog> {
  const { data } = options;
  const { entryId: electricityEntry, assetId: electricityAsset } = await publishAsset(
    options.utility,
    '企业用电数据',
    data.csv,
    {
      title: { 'zh-CN': '企业用电数据', en: 'Enterprise electricity consumption' },
      description: {
        'zh-CN': `郑州市 ${data.enterprises.length} 家企业 2024—2025 年逐月用电量与电费，按统一社会信用代码汇总，可用于普惠金融信用评估。原始数据不出域，仅在沙箱中计算。`,
        en: `Monthly electricity consumption and charges of ${data.enterprises.length} enterprises in Zhengzhou, 2024–2025, by unified social credit code; for inclusive-finance credit assessment. Raw data stays in the provider's sandbox.`,
      },
      keywords: { 'zh-CN': ['用电', '企业', '能源', '普惠金融'], en: ['electricity', 'enterprise', 'energy', 'credit'] },
      shareAttribute: 'conditional',
      openAttribute: 'none',
    },
    { level: 'general', grade: 3, assessment: [{ object: 'organisation-rights', degree: 'serious' }] },
    { offers: [sandboxOffer], visibility: { scope: 'members' } },
  );
  await approvePending(options.operatorUrl, options.adminToken, electricityEntry);
  // The utility learns the review's outcome as its staff would, by looking: its DSP catalog then offers the dataset.
  await call('GET', `${options.utility.url}/api/v1/assets/${electricityAsset}/publication`, options.utility.apiKey);
  const restricted = await publishAsset(
    options.utility,
    '区县企业用电月度汇总',
    data.summaryCsv,
    {
      title: { 'zh-CN': '区县企业用电月度汇总（城商银行专供）', en: 'Monthly electricity by district (for the city bank)' },
      description: { 'zh-CN': '各区县逐月有用电记录的企业数与用电量合计，仅城商银行可见。', en: 'Enterprises and total consumption per district and month; visible to the city bank only.' },
      keywords: { 'zh-CN': ['用电', '区县', '汇总'], en: ['electricity', 'district'] },
      shareAttribute: 'unconditional',
    },
    { level: 'general', grade: 2 },
    { offers: [{ id: 'download', accessMode: 'download', priceModel: 'free' }, creditPullOffer], visibility: { scope: 'named', participants: [options.bankParticipantId] } },
  );
  const open = await publishAsset(
    options.utility,
    '分区县分行业企业用电年度统计',
    data.openStatisticsCsv,
    {
      title: { 'zh-CN': '郑州市分区县分行业企业用电年度统计（开放数据）', en: 'Annual enterprise electricity by district and industry, Zhengzhou (open data)' },
      description: {
        'zh-CN': '各区县、各行业（GB/T 4754 大类）逐年的用电企业数与用电量合计；不足 10 家企业的单元格不予公布。依 CC BY 4.0 开放，使用时须注明来源“省电力公司”。',
        en: 'Enterprises with consumption and total consumption per district, industry division (GB/T 4754) and year; cells of fewer than 10 enterprises are not published. Open under CC BY 4.0: name the Provincial Power Company as the source.',
      },
      keywords: { 'zh-CN': ['用电', '开放数据', '统计', '行业'], en: ['electricity', 'open data', 'statistics', 'industry'] },
      license: openLicence,
      shareAttribute: 'unconditional',
      openAttribute: 'unconditional',
    },
    { level: 'general', grade: 1 },
    { offers: [openDataOffer], visibility: { scope: 'public' } },
  );
  await approvePending(options.operatorUrl, options.adminToken, open.entryId);
  return {
    electricityEntry,
    openEntry: open.entryId,
    openOffer: { entryId: open.entryId, offerId: dspOfferId(open.assetId, openDataOffer) },
    sandboxOffer: { entryId: electricityEntry, offerId: dspOfferId(electricityAsset, sandboxOffer), purpose: demoPurpose },
    restrictedEntry: restricted.entryId,
    pullOffer: { entryId: restricted.entryId, offerId: dspOfferId(restricted.assetId, creditPullOffer), purpose: demoPurpose },
  };
}

/**
 * The sandbox-only offer (沙箱计算) of 企业用电数据: aggregates computed in the utility's sandbox,
 * for credit-risk assessment only, every released group covering at least 10 enterprises, under
 * differential privacy: Laplace noise, an ε budget of 10 for the agreement (ADR 0011).
 * Identifier columns (the USCC) are not in the sandbox's view at all.
 */
const sandboxOffer = {
  id: 'sandbox-aggregate',
  title: { 'zh-CN': '沙箱计算（聚合、k≥10、差分隐私 ε≤10，限信用风险评估）', en: 'Sandbox computation (aggregates, k ≥ 10, differential privacy ε ≤ 10, credit-risk assessment only)' },
  accessMode: 'sandbox',
  priceModel: 'payAfterUse',
  policy: {
    permission: [
      {
        action: 'aggregate',
        constraint: [
          { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
          { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: [demoPurpose] },
          { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: 10 },
          { leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: 10 },
          { leftOperand: 'tds:privacyMechanism', operator: 'eq', rightOperand: 'laplace' },
        ],
      },
    ],
  },
};

/** The operator's manual review step, as its reviewer would take it in the console. */
async function approvePending(operatorUrl: string, adminToken: string, entryId: string): Promise<void> {
  const entry = await call<{ status: string }>('GET', `${operatorUrl}/api/v1/catalog/entries/${encodeURIComponent(entryId)}`, adminToken);
  if (entry.status !== 'pending_review') return;
  await call('POST', `${operatorUrl}/api/v1/catalog/entries/${encodeURIComponent(entryId)}/review`, adminToken, { decision: 'approve', reason: '演示空间：规范性审查通过 (demo space: normative review passed)' });
}
