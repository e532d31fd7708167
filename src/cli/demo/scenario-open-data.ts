import { createHash } from 'node:crypto';
import type { Localized } from '../../core/i18n/locale.js';
import { call } from './demo-http.js';
import { waitForAgreement } from './demo-sandbox.js';
import { check, poll } from './scenario-check.js';
import type { ScenarioContext } from './scenario-context.js';

interface Transfer {
  id: string;
  state: string | null;
  reason?: unknown;
  content?: { sha256: string; bytes: number };
}

interface Duty {
  pointer: string;
  action: string;
  status: string;
}

/** The bank's agreement for the open statistics: the one a previous start negotiated, or a new one. */
async function openAgreement(ctx: ScenarioContext): Promise<string> {
  const { items } = await call<{ items: Array<{ id: string; datasetId: string }> }>('GET', `${ctx.bank.url}/api/v1/agreements?role=consumer&state=active&limit=200`, ctx.bank.apiKey);
  const existing = items.find((a) => a.datasetId === ctx.openOffer.entryId);
  if (existing) return existing.id;
  const negotiation = await call<{ id: string }>('POST', `${ctx.bank.url}/api/v1/negotiations`, ctx.bank.apiKey, { ...ctx.openOffer, purpose: 'credit-risk-assessment' });
  return waitForAgreement(ctx.bank, negotiation.id);
}

/**
 * The open statistics by HTTP pull (DSP `HttpData-PULL`): negotiate, start a transfer, pull the
 * file into the bank's connector, check its SHA-256 against what the provider served, perform the
 * attribution duty, and complete the transfer.
 */
export async function downloadOpenData(ctx: ScenarioContext): Promise<Localized> {
  const agreementId = await openAgreement(ctx);
  const started = await call<Transfer>('POST', `${ctx.bank.url}/api/v1/transfers`, ctx.bank.apiKey, { agreementId, format: 'HttpData-PULL' });
  const transfer = await poll(() => call<Transfer>('GET', `${ctx.bank.url}/api/v1/transfers/${encodeURIComponent(started.id)}`, ctx.bank.apiKey), (t) => t.state === 'STARTED' || t.state === 'TERMINATED', { 'zh-CN': `传输 ${started.id}`, en: `transfer ${started.id}` });
  check(transfer.state === 'STARTED', { 'zh-CN': `开放数据传输被终止：${JSON.stringify(transfer.reason)}`, en: `the open-data transfer was terminated: ${JSON.stringify(transfer.reason)}` });
  const received = await call<{ id: string; sha256: string; bytes: number }>('POST', `${ctx.bank.url}/api/v1/transfers/${encodeURIComponent(started.id)}/pull`, ctx.bank.apiKey, {});
  const content = await fetch(`${ctx.bank.url}/api/v1/received/${encodeURIComponent(received.id)}/content`, { headers: { authorization: `Bearer ${ctx.bank.apiKey}` } });
  check(content.ok, { 'zh-CN': `无法读取收到的文件：HTTP ${content.status}`, en: `the received file cannot be read: HTTP ${content.status}` });
  const bytes = Buffer.from(await content.arrayBuffer());
  check(createHash('sha256').update(bytes).digest('hex') === received.sha256, { 'zh-CN': '收到的文件与接收时记录的 SHA-256 不符', en: 'the received file does not hash to the SHA-256 recorded on receipt' });
  const served = await call<{ items: Transfer[] }>('GET', `${ctx.utility.url}/api/v1/transfers?agreementId=${encodeURIComponent(agreementId)}&limit=100`, ctx.utility.apiKey);
  check(served.items.some((t) => t.content?.sha256 === received.sha256), { 'zh-CN': '提供方没有交付过该 SHA-256 的传输', en: 'the provider has no transfer that served this SHA-256' });

  const duties = await call<{ items: Duty[] }>('GET', `${ctx.bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/duties`, ctx.bank.apiKey);
  const attribution = duties.items.find((d) => d.action === 'attribute');
  check(attribution, { 'zh-CN': '开放数据合约没有署名义务', en: 'the open-data agreement has no attribution duty' });
  await call('POST', `${ctx.bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/duties`, ctx.bank.apiKey, { duty: attribution.pointer, note: '数据来源：省电力公司《郑州市分区县分行业企业用电年度统计》，CC BY 4.0' });
  const after = await call<{ items: Duty[] }>('GET', `${ctx.bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}/duties`, ctx.bank.apiKey);
  check(after.items.find((d) => d.pointer === attribution.pointer)?.status === 'fulfilled', { 'zh-CN': '署名义务履行后仍未显示为已履行', en: 'the attribution duty is not fulfilled after it was performed' });
  await call('POST', `${ctx.bank.url}/api/v1/transfers/${encodeURIComponent(started.id)}/complete`, ctx.bank.apiKey, {});

  ctx.agreements.push(agreementId);
  const lines = bytes.toString('utf8').replace(/^\ufeff/, '').trimEnd().split('\n').length - 1;
  return {
    'zh-CN': `开放统计数据经 HTTP 拉取（${received.bytes} 字节，${lines} 行），SHA-256 ${received.sha256.slice(0, 12)}… 与提供方一致；署名义务已履行，传输已完成`,
    en: `The open statistics pulled over HTTP (${received.bytes} bytes, ${lines} rows), SHA-256 ${received.sha256.slice(0, 12)}… as the provider served it; the attribution duty performed, the transfer completed`,
  };
}
