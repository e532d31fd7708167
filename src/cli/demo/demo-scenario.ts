import path from 'node:path';
import { call } from './demo-http.js';
import type { DemoSpace } from './demo-space.js';
import { check } from './scenario-check.js';
import { demoOrganisations } from './demo-organisations.js';
import type { ScenarioContext } from './scenario-context.js';
import { runScenario, type ScenarioReport, type ScenarioStep } from './scenario-runner.js';
import { scoreApplicants, showTheGate } from './scenario-sandbox.js';
import { meterSandboxUse } from './scenario-metering.js';
import { downloadOpenData } from './scenario-open-data.js';
import { proveEvidence } from './scenario-evidence.js';

interface Participant {
  name: string;
  status: string;
  roles: string[];
  did: string | null;
}

const admission: ScenarioStep<ScenarioContext> = {
  key: 'admission',
  title: { 'zh-CN': '接入核验：参与方入驻与连接器登记', en: 'Admission: participants admitted, connectors enrolled' },
  async run(ctx) {
    const { items } = await call<{ items: Participant[] }>('GET', `${ctx.operator.url}/api/v1/participants?status=approved&limit=200`, ctx.operator.adminToken);
    for (const org of demoOrganisations) {
      const found = items.find((p) => p.name === org.name);
      check(found?.did, { 'zh-CN': `${org.name} 不是已核验并具有 DID 的参与方`, en: `${org.name} is not an approved participant with a DID` });
    }
    for (const connector of [ctx.utility, ctx.bank]) {
      const identity = await call<{ enrolled: boolean; did?: string }>('GET', `${connector.url}/api/v1/identity`, connector.apiKey);
      check(identity.enrolled, { 'zh-CN': `连接器 ${connector.name} 尚未登记密钥`, en: `connector ${connector.name} has not enrolled its key` });
    }
    const roles = [...new Set(items.flatMap((p) => p.roles))].sort().join(', ');
    return {
      'zh-CN': `${items.length} 个参与方已核验入驻并取得成员凭证（角色：${roles}）；省电力公司与城商银行的连接器已以自有密钥登记`,
      en: `${items.length} participants admitted with membership credentials (roles: ${roles}); the utility's and the bank's connectors enrolled their own keys`,
    };
  },
};

const publication: ScenarioStep<ScenarioContext> = {
  key: 'publication',
  title: { 'zh-CN': '数据发布：规范性审查与人工审核', en: 'Publication: normative and manual review' },
  async run(ctx) {
    const titles: string[] = [];
    for (const id of [ctx.entries.electricity, ctx.entries.open]) {
      const entry = await call<{ status: string; entry: { title: Record<string, string> }; review?: { decision?: string } }>('GET', `${ctx.operator.url}/api/v1/catalog/entries/${encodeURIComponent(id)}`, ctx.operator.adminToken);
      check(entry.status === 'published', { 'zh-CN': `${id} 的状态为 ${entry.status}，未发布`, en: `${id} is ${entry.status}, not published` });
      titles.push(entry.entry.title['zh-CN'] ?? id);
    }
    return {
      'zh-CN': `省电力公司发布“${titles[0]}”（有条件共享，仅沙箱计算，经运营方人工审核）与“${titles[1]}”（CC BY 4.0 开放）；发布的只有元数据与要约，没有一行数据`,
      en: `The utility published its enterprise electricity data (conditional sharing, sandbox only, approved by the operator's reviewer) and open statistics (CC BY 4.0); only metadata and offers, not a row of data`,
    };
  },
};

const discovery: ScenarioStep<ScenarioContext> = {
  key: 'discovery',
  title: { 'zh-CN': '资源发现：城商银行检索目录', en: 'Discovery: the bank searches the catalog' },
  async run(ctx) {
    const found = await call<{ items: Array<{ id: string; accessModes: string[] }>; total: number }>('GET', `${ctx.bank.url}/api/v1/catalog/search?q=${encodeURIComponent('用电')}&limit=50`, ctx.bank.apiKey);
    const electricity = found.items.find((i) => i.id === ctx.entries.electricity);
    check(electricity, { 'zh-CN': `银行检索“用电”找不到 ${ctx.entries.electricity}`, en: `the bank's search for 用电 does not find ${ctx.entries.electricity}` });
    check(electricity.accessModes.includes('sandbox'), { 'zh-CN': '企业用电数据未以沙箱计算方式提供', en: 'the electricity entry is not offered for sandbox use' });
    check(found.items.some((i) => i.id === ctx.entries.open), { 'zh-CN': `银行检索“用电”找不到 ${ctx.entries.open}`, en: `the bank's search for 用电 does not find ${ctx.entries.open}` });
    return {
      'zh-CN': `检索“用电”得到 ${found.total} 个条目，其中企业用电数据以沙箱计算方式提供`,
      en: `A search for 用电 (electricity) finds ${found.total} entries; the enterprise data is offered for sandbox computation`,
    };
  },
};

interface AgreementView {
  status: string;
  hash: string;
  purpose?: string;
  providerSignature?: string;
  consumerSignature?: string;
  evidence?: Array<{ ledgerIndex: number; type: string; leafHash: string }>;
}

const negotiation: ScenarioStep<ScenarioContext> = {
  key: 'negotiation',
  title: { 'zh-CN': '合约协商：仅限沙箱的数字合约', en: 'Negotiation: a sandbox-only agreement' },
  async run(ctx) {
    const path = `/api/v1/agreements/${encodeURIComponent(ctx.sandboxAgreementId)}`;
    const bank = await call<AgreementView>('GET', `${ctx.bank.url}${path}`, ctx.bank.apiKey);
    const utility = await call<AgreementView>('GET', `${ctx.utility.url}${path}`, ctx.utility.apiKey);
    check(bank.status === 'active' && utility.status === 'active', { 'zh-CN': `合约在银行为 ${bank.status}，在省电力公司为 ${utility.status}`, en: `the agreement is ${bank.status} at the bank and ${utility.status} at the utility` });
    check(bank.hash === utility.hash, { 'zh-CN': '双方持有的合约哈希不同', en: 'the two sides hold different agreement hashes' });
    check(bank.providerSignature && bank.consumerSignature, { 'zh-CN': '合约缺少签名', en: 'the agreement lacks a signature' });
    check(bank.purpose === 'credit-risk-assessment', { 'zh-CN': `合约用途为 ${bank.purpose}`, en: `the agreement's purpose is ${bank.purpose}` });
    return {
      'zh-CN': `双方签署的合约 ${bank.hash.slice(0, 19)}…：用途“信用风险评估”，仅聚合、k≥10、标识列不出域`,
      en: `Agreement ${bank.hash.slice(0, 19)}… signed by both: purpose credit-risk assessment, aggregates only, k ≥ 10, no identifier columns`,
    };
  },
};

/**
 * 公共数据赋能普惠金融, step by step, through the product's public APIs only: what a person
 * would do in the console, checked as they would check it.
 */
export const demoScenarioSteps: ReadonlyArray<ScenarioStep<ScenarioContext>> = [
  admission,
  publication,
  discovery,
  negotiation,
  {
    key: 'scoring',
    title: { 'zh-CN': '沙箱计算：为贷款申请企业评分', en: "Sandbox: scoring the bank's loan applicants" },
    run: scoreApplicants,
  },
  {
    key: 'gate',
    title: { 'zh-CN': '数据可用不可见：聚合放行、明细拒绝', en: 'Usable, not visible: aggregates released, rows refused' },
    run: showTheGate,
  },
  {
    key: 'metering',
    title: { 'zh-CN': '计量：提供方记录的使用', en: "Metering: the use the provider recorded" },
    run: meterSandboxUse,
  },
  {
    key: 'open-data',
    title: { 'zh-CN': '开放数据：协商、拉取、署名', en: 'Open data: negotiate, pull, attribute' },
    run: downloadOpenData,
  },
  {
    key: 'evidence',
    title: { 'zh-CN': '可信存证：逐条验证包含证明', en: 'Evidence: every inclusion proof checked' },
    run: proveEvidence,
  },
];

/** The scenario's context for a started demo space. */
export function scenarioContextOf(space: DemoSpace): ScenarioContext {
  const { endpoints } = space;
  const connector = (name: string) => {
    const found = endpoints.connectors.find((c) => c.name === name);
    if (!found) throw new Error(`the demo space has no connector ${name}`);
    return { name, url: found.url, apiKey: found.apiKey };
  };
  return {
    dir: path.dirname(space.endpointsFile),
    operator: { url: endpoints.operator.url, adminToken: endpoints.operator.adminToken, verifierKey: endpoints.operator.ledgerVerifierKey },
    utility: connector(endpoints.scenario.provider),
    bank: connector(endpoints.scenario.consumer),
    entries: { electricity: endpoints.scenario.electricityEntry, open: endpoints.scenario.openOffer.entryId },
    sandboxAgreementId: endpoints.scenario.sandboxAgreementId,
    openOffer: endpoints.scenario.openOffer,
    applicants: space.applicants,
    jobs: [],
    agreements: [],
  };
}

/** Runs 公共数据赋能普惠金融 against a started demo space. */
export function runDemoScenario(space: DemoSpace): Promise<ScenarioReport> {
  return runScenario(demoScenarioSteps, scenarioContextOf(space));
}
