// The data sandbox (数据开发利用环境) through the connector console, in a real browser, against the
// demo space (`tds demo`: an operator, the utility and the bank as one process, with the bank's
// sandbox-only agreement on 企业用电数据). The bank picks that agreement in 沙箱工作台, reads the
// granted view and rules, runs an aggregate and sees it released with a table, a chart and its
// proof; `SELECT *` is refused with the gate's reason, which follows the console's language. The
// utility sees the same jobs under 沙箱作业审核.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewScreenshot, useBrowser } from './support/browser.js';
import { freePortRange } from './support/free-port.js';
import { startCli, stopProcess } from './support/run-cli.js';
import { call } from './support/space-processes.js';
import { anEd25519Authorization } from '../src/core/sandbox/entity-authorization-fixtures.js';
import { waitFor } from './support/wait-for.js';

interface DemoConnector {
  name: string;
  url: string;
  apiKey: string;
}

interface DemoEndpoints {
  connectors: DemoConnector[];
  scenario: { sandboxAgreementId: string; tables: Record<string, string[]> };
}

const VIEW = '企业用电数据';
const AGGREGATE = `SELECT 行业代码, count(*) AS 企业月数, avg(用电量) AS 平均用电量 FROM ${VIEW} GROUP BY 行业代码`;
const STAR = `SELECT * FROM ${VIEW}`;
const REVIEWED = '审核用电数据';
const BY_MONTH = `SELECT 月份, count(*) AS 企业数 FROM ${REVIEWED} GROUP BY 1`;

async function logInWithKey(page: Page, connector: DemoConnector) {
  await page.goto(`${connector.url}/`);
  await page.getByRole('heading', { name: '登录连接器控制台' }).waitFor();
  await page.locator('#login-api-key').fill(connector.apiKey);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * The utility publishes a small table under a sandbox offer whose results it reviews by hand
 * (人工审核) and which spends a differential-privacy budget; the bank negotiates it. Returns the
 * bank's agreement.
 */
async function reviewedSandboxAgreement(utility: DemoConnector, bank: DemoConnector): Promise<string> {
  const lines = ['统一社会信用代码,月份,用电量'];
  for (let i = 0; i < 240; i++) lines.push(`9141010000000${String(1000 + i).padStart(5, '0')},2024-${String((i % 12) + 1).padStart(2, '0')},${(1000 + i * 37.5).toFixed(1)}`);
  const uploaded = await fetch(`${utility.url}/api/v1/assets/uploads?name=${encodeURIComponent(REVIEWED)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${utility.apiKey}`, 'content-type': 'text/csv' },
    body: `${lines.join('\n')}\n`,
  });
  const asset = (await uploaded.json()) as { id: string; version: number; entry: { dictionary: { fields: Array<{ name: string }> } } };
  expect(uploaded.status, JSON.stringify(asset)).toBe(201);
  const edited = await call('PATCH', `${utility.url}/api/v1/assets/${asset.id}`, utility.apiKey, {
    version: asset.version,
    entry: {
      title: { 'zh-CN': REVIEWED, en: 'Electricity under review' },
      description: { 'zh-CN': `${REVIEWED}，按月更新。`, en: 'Monthly.' },
      keywords: { 'zh-CN': ['用电'], en: ['electricity'] },
      license: 'https://w3id.org/trustspace/licence/restricted-1.0',
      contactPoint: { name: '数据服务部', email: 'data@grid.example.cn' },
      dictionary: { ...asset.entry.dictionary, fields: asset.entry.dictionary.fields.map((f) => ({ ...f, title: { 'zh-CN': f.name, en: f.name }, description: { 'zh-CN': `${f.name}（月度）` } })) },
    },
    classification: { level: 'general', grade: 2, assessment: [{ object: 'organisation-rights', degree: 'general' }] },
  });
  expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  const constraint = [
    { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
    { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: 5 },
    { leftOperand: 'tds:resultReview', operator: 'eq', rightOperand: 'manual' },
    { leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: 3 },
  ];
  const offer = { id: 'sandbox-reviewed', accessMode: 'sandbox', priceModel: 'free', policy: { permission: [{ action: 'aggregate', constraint }] } };
  const published = await call('POST', `${utility.url}/api/v1/assets/${asset.id}/publication`, utility.apiKey, { offers: [offer], visibility: { scope: 'members' } });
  expect(published.body.status, JSON.stringify(published.body)).toBe('published');
  const negotiation = await call('POST', `${bank.url}/api/v1/negotiations`, bank.apiKey, { entryId: published.body.entryId, offerId: `urn:tds:offer:${asset.id}:${offer.id}` });
  expect(negotiation.status, JSON.stringify(negotiation.body)).toBe(201);
  let agreementId: string | undefined;
  await waitFor(async () => {
    const n = (await call('GET', `${bank.url}/api/v1/negotiations/${encodeURIComponent(negotiation.body.id as string)}`, bank.apiKey)).body;
    if (n.state === 'TERMINATED') throw new Error(`the negotiation was terminated: ${JSON.stringify(n.reason)}`);
    agreementId = n.agreementId as string | undefined;
    return n.state === 'FINALIZED' && agreementId !== undefined;
  }, 20_000, 'the reviewed sandbox agreement');
  return agreementId!;
}

/** Runs the SQL from the workbench and waits until the job it started has settled; returns its id. */
async function run(page: Page, sql: string, state: string, epsilon?: string): Promise<string> {
  const previous = new URL(page.url()).searchParams.get('job');
  await page.locator('#sandbox-sql').fill(sql);
  if (epsilon !== undefined) await page.locator('#sandbox-epsilon').fill(epsilon);
  await page.locator('button[data-action="run-sql"]').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('job')).not.toBe(previous);
  const id = new URL(page.url()).searchParams.get('job') ?? '';
  const outcome = page.getByTestId('current-job').locator(`[data-testid="job-outcome"][data-job="${id}"]`);
  await expect.poll(() => outcome.getAttribute('data-state'), { timeout: 20_000 }).toBe(state);
  return id;
}

describe('the data sandbox through the connector console', () => {
  const browser = useBrowser();
  let dir: string;
  let demo: ChildProcess | undefined;
  let endpoints: DemoEndpoints;
  let bank: DemoConnector;
  let utility: DemoConnector;
  let released = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-console-sandbox-'));
    const base = await freePortRange(3);
    let output = '';
    demo = startCli(['demo', '--dir', dir, '--port', String(base)]);
    demo.stdout!.on('data', (d) => (output += d));
    demo.stderr!.on('data', (d) => (output += d));
    await waitFor(() => output.includes('Ctrl+C') || demo!.exitCode !== null, 90_000, 'the demo space to start');
    if (demo.exitCode !== null) throw new Error(`tds demo exited: ${output}`);
    endpoints = JSON.parse(fs.readFileSync(path.join(dir, 'endpoints.json'), 'utf8')) as DemoEndpoints;
    bank = endpoints.connectors.find((c) => c.name === 'bank')!;
    utility = endpoints.connectors.find((c) => c.name === 'utility')!;
  }, 120_000);

  afterAll(async () => {
    if (demo) await stopProcess(demo);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lands the bank, a consumer only, on its catalog search, and the utility on its data resources', async () => {
    const page = await browser.page();
    await logInWithKey(page, bank);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/catalog');
    await page.locator('.page-title').getByText('资源目录').waitFor();
    const provider = await browser.page();
    await logInWithKey(provider, utility);
    await expect.poll(() => new URL(provider.url()).pathname).toBe('/resources');
  });

  it('offers no transfer on the bank’s sandbox-only agreement, and says why', async () => {
    const page = await browser.page();
    await logInWithKey(page, bank);
    await page.goto(`${bank.url}/agreements/${encodeURIComponent(endpoints.scenario.sandboxAgreementId)}`);
    const transfers = page.getByTestId('transfers');
    await transfers.getByText('本合约只允许在数据提供方的沙箱中计算').waitFor();
    expect(await transfers.locator('button[data-action="start-transfer"]').count()).toBe(0);
  });

  it('runs an aggregate to a released result and shows the refusal of SELECT * in both languages', async () => {
    const { sandboxAgreementId, tables } = endpoints.scenario;
    expect(Object.keys(tables)).toContain(VIEW);
    const page = await browser.page();
    await logInWithKey(page, bank);
    await page.getByRole('navigation').getByRole('link', { name: '沙箱作业审核' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '沙箱工作台' }).click();
    await page.locator('.page-title').getByText('沙箱工作台').waitFor();

    // Pick the sandbox agreement: the granted view with its columns, and the rules in words.
    await page.locator('#sandbox-agreement').selectOption(sandboxAgreementId);
    const schema = page.getByTestId('sandbox-schema');
    const view = schema.locator(`[data-view="${VIEW}"]`);
    await view.waitFor();
    for (const column of tables[VIEW]!) await view.locator(`tr[data-column="${column}"]`).waitFor();
    const rules = page.getByTestId('sandbox-rules');
    await rules.getByText('仅允许聚合结果，不输出明细行').waitFor();
    await rules.getByText('每个输出分组至少覆盖 10 个不同主体', { exact: false }).waitFor();
    await rules.getByText('各项检查通过后自动发布').waitFor();
    await expect(page.locator('#sandbox-sql').inputValue()).resolves.toMatch(new RegExp(`^SELECT [\\s\\S]*count\\(\\*\\)[\\s\\S]*FROM ${VIEW}\\s+GROUP BY 1$`));
    // The flagship agreement is under differential privacy: the budget left is shown before a job runs.
    const leftBefore = Number((await rules.getByTestId('dp-left').textContent())?.match(/剩余预算 ε = ([\d.]+)/)?.[1]);
    expect(leftBefore).toBeGreaterThanOrEqual(1);
    await reviewScreenshot(page, 'sandbox workbench zh-CN');

    // An aggregate by industry: released, as a table and a chart, with what the gate checked and the proof.
    released = await run(page, AGGREGATE, 'succeeded');
    const current = page.getByTestId('current-job');
    await current.locator('.tag[data-status="succeeded"]').getByText('已发布').waitFor();
    const table = current.getByTestId('job-result');
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['行业代码', '企业月数', '平均用电量']);
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect.poll(() => current.getByTestId('job-chart').locator('[data-bar]').count()).toBeGreaterThan(1);
    await current.getByTestId('job-checks').getByText('按 行业代码 分组聚合输出').waitFor();
    const api = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${released}`, bank.apiKey)).body;
    expect(api.state).toBe('succeeded');
    // Each noisy column's expected error and the ε the result spent, beside the result; the budget left goes down.
    const privacy = current.getByTestId('result-privacy');
    await privacy.getByText('差分隐私：拉普拉斯机制噪声，本结果耗用 ε = 1', { exact: false }).waitFor();
    expect(api.result.privacy.columns.map((c: { name: string }) => c.name)).toEqual(['企业月数', '平均用电量']);
    for (const c of api.result.privacy.columns as Array<{ name: string; error95: number }>) {
      await privacy.locator(`[data-column="${c.name}"]`).getByText(`${c.name}：±`, { exact: false }).waitFor();
      expect(c.error95).toBeGreaterThan(0);
    }
    await rules.getByTestId('dp-left').getByText(`剩余预算 ε = ${leftBefore - 1}`, { exact: true }).waitFor();
    await current.getByTestId('job-result-sha256').getByText(api.proof.resultSha256 as string).waitFor();
    await current.getByTestId('job-proof').locator('tr[data-receipt="sandbox.result.released"]').getByText('结果发布').waitFor();
    await reviewScreenshot(page, 'sandbox result zh-CN');

    // SELECT * is refused, with the gate's reason in Chinese and where in the SQL.
    const refused = await run(page, STAR, 'refused');
    const reason = page.getByTestId('current-job').getByTestId('job-reason');
    await expect(reason.getAttribute('data-code')).resolves.toBe('sandbox.star');
    const refusal = (await call('GET', `${bank.url}/api/v1/sandbox/jobs/${refused}`, bank.apiKey)).body.reason as { message: { 'zh-CN': string; en: string }; at?: number };
    await reason.getByTestId('job-reason-message').getByText(refusal.message['zh-CN'], { exact: true }).waitFor();
    expect(refusal.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    if (refusal.at !== undefined) await reason.getByTestId('job-reason-at').getByText(`第 ${refusal.at + 1} 个字符`, { exact: false }).waitFor();
    await page.getByTestId('current-job').locator('.tag[data-status="refused"]').getByText('已拒绝').waitFor();
    await reviewScreenshot(page, 'sandbox refused zh-CN');

    // In English the refusal follows the console's language.
    await page.getByRole('button', { name: 'English' }).click();
    await reason.getByTestId('job-reason-message').getByText(refusal.message.en, { exact: true }).waitFor();
    await page.getByTestId('current-job').locator('.tag[data-status="refused"]').getByText('Refused').waitFor();
    await page.getByTestId('sandbox-rules').getByText('Aggregates only; no individual rows').waitFor();
    await page.getByTestId('sandbox-rules').getByTestId('dp-left').getByText(`Budget left: ε = ${leftBefore - 1}`, { exact: true }).waitFor();
    await reviewScreenshot(page, 'sandbox refused en');

    // Both jobs are in the history; the released one opens on its own page.
    const history = page.getByTestId('job-history').getByTestId('sandbox-jobs');
    await history.locator(`tr[data-job="${refused}"][data-state="refused"]`).waitFor();
    await history.locator(`tr[data-job="${released}"][data-state="succeeded"]`).getByText('Released').waitFor();
    await history.locator(`tr[data-job="${released}"] a`).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/workbench/jobs/${released}`);
    await page.getByTestId('job-sql').getByText(AGGREGATE).waitFor();
    await expect.poll(() => page.getByTestId('job-result').locator('tbody tr').count()).toBeGreaterThan(1);
  }, 60_000);

  it('lists the jobs run in the provider’s sandbox under 沙箱作业审核', async () => {
    expect(released).not.toBe('');
    const page = await browser.page();
    await logInWithKey(page, utility);
    await page.getByRole('navigation').getByRole('link', { name: '沙箱作业审核' }).click();
    await page.locator('.page-title').getByText('沙箱作业审核').waitFor();
    // The default filter shows every job (the demo's agreement releases automatically, so a
    // queue-only default would be empty); nothing awaits review, so no count is shown.
    await expect(page.locator('select[name="state"]').inputValue()).resolves.toBe('');
    const row = page.getByTestId('provided-jobs').locator(`tr[data-job="${released}"]`);
    await row.getByText('已发布').waitFor();
    await row.locator('a').first().click();
    await page.getByTestId('job-sql').getByText(AGGREGATE).waitFor();
    await page.getByTestId('deidentification-report').waitFor();
    await expect(page.locator('button[data-action="release"]').count()).resolves.toBe(0);
    await reviewScreenshot(page, 'sandbox provided job zh-CN');
  });

  it('runs the per-entity credit score only with the entity’s authorization, refusing it before it runs otherwise', async () => {
    const { sandboxAgreementId } = endpoints.scenario;
    const agreement = (await call('GET', `${bank.url}/api/v1/agreements/${encodeURIComponent(sandboxAgreementId)}`, bank.apiKey)).body;
    const stranger = '91410100MA47TDQ0XQ';
    const page = await browser.page();
    await logInWithKey(page, bank);
    await page.goto(`${bank.url}/workbench`);
    await page.locator('#sandbox-agreement').selectOption(sandboxAgreementId);
    await page.getByTestId('sandbox-schema').locator(`[data-view="${VIEW}"]`).waitFor();
    await page.locator('button[data-tab="algorithm"]').click();
    await page.locator('#sandbox-param-applicants').fill(stranger);
    await page.locator('label[for="sandbox-authorizations"]').getByText('主体授权记录', { exact: false }).waitFor();
    const runIt = async (state: string) => {
      const previous = new URL(page.url()).searchParams.get('job');
      await page.locator('button[data-action="run-algorithm"]').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('job')).not.toBe(previous);
      const id = new URL(page.url()).searchParams.get('job') ?? '';
      await expect.poll(() => page.getByTestId('current-job').locator(`[data-testid="job-outcome"][data-job="${id}"]`).getAttribute('data-state'), { timeout: 20_000 }).toBe(state);
    };
    // No authorization: refused at once, naming the entry, in the console's language.
    await runIt('refused');
    const reason = page.getByTestId('current-job').getByTestId('job-reason');
    await expect(reason.getAttribute('data-code')).resolves.toBe('sandbox.entity-unauthorized');
    await reason.getByText(`applicants[0] ${stranger}（无授权）`, { exact: false }).waitFor();
    // With the enterprise's signed authorization for this bank and purpose, it runs.
    const validity = { consumer: agreement.consumerDid as string, purpose: agreement.purpose as string, validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString() };
    await page.locator('#sandbox-authorizations').fill(JSON.stringify([anEd25519Authorization(stranger, validity)]));
    await runIt('succeeded');
    await reviewScreenshot(page, 'sandbox per-entity algorithm zh-CN');
  }, 60_000);

  it('holds results for the provider’s review: released with its proof, or rejected with the reason', async () => {
    const agreementId = await reviewedSandboxAgreement(utility, bank);
    const page = await browser.page();
    await logInWithKey(page, bank);
    await page.goto(`${bank.url}/workbench?agreement=${encodeURIComponent(agreementId)}`);
    const rules = page.getByTestId('sandbox-rules');
    await rules.getByText('由数据提供方人工审核后发布').waitFor();
    await rules.getByTestId('dp-left').getByText('剩余预算 ε = 3').waitFor();
    await page.getByTestId('sandbox-schema').locator(`[data-view="${REVIEWED}"]`).waitFor();

    // Two jobs wait for the provider, each spending ε = 0.5 of the budget.
    const kept = await run(page, BY_MONTH, 'awaiting_review', '0.5');
    await page.getByTestId('current-job').getByText('结果已计算完成，由数据提供方审核后发布。').waitFor();
    await expect(page.getByTestId('current-job').getByTestId('job-result').count()).resolves.toBe(0);
    const dropped = await run(page, BY_MONTH, 'awaiting_review', '0.5');
    await rules.getByTestId('dp-left').getByText('剩余预算 ε = 2', { exact: true }).waitFor();

    // The utility sees both in its review queue, with the held result and the report.
    const provider = await browser.page();
    await logInWithKey(provider, utility);
    await provider.goto(`${utility.url}/provided-jobs`);
    await provider.getByTestId('review-queue-count').getByText('2 个作业的结果等待本方审核').waitFor();
    await provider.getByRole('button', { name: '只看待审核的作业' }).click();
    await expect.poll(() => new URL(provider.url()).search).toBe('?state=awaiting_review');
    const queue = provider.getByTestId('provided-jobs');
    await queue.locator(`tr[data-job="${kept}"][data-state="awaiting_review"]`).getByText('待审核').waitFor();
    await queue.locator(`tr[data-job="${dropped}"] a`).first().click();
    await provider.getByTestId('job-sql').getByText(BY_MONTH).waitFor();
    await provider.getByText('待审核的结果（尚未发布）').waitFor();
    await expect.poll(() => provider.getByTestId('job-result').locator('tbody tr').count()).toBe(12);
    await provider.getByTestId('deidentification-report').waitFor();
    await reviewScreenshot(provider, 'sandbox review zh-CN');
    await provider.locator('button[data-action="reject"]').click();
    await provider.getByRole('dialog').locator('#contract-reason').fill('分组口径需与业务部门确认');
    await provider.getByRole('dialog').getByRole('button', { name: '驳回' }).click();
    await provider.getByTestId('review-decision').getByText('驳回', { exact: false }).waitFor();
    await provider.locator('.page-title').getByText('已拒绝').waitFor();

    await provider.goto(`${utility.url}/provided-jobs/${encodeURIComponent(kept)}`);
    await provider.locator('button[data-action="release"]').click();
    await provider.locator('.page-title').getByText('已发布').waitFor();
    await expect(provider.locator('button[data-action="release"]').count()).resolves.toBe(0);

    // The bank: the released result with its proof, and the rejection in the provider's words.
    await page.goto(`${bank.url}/workbench/jobs/${encodeURIComponent(kept)}`);
    await page.locator('.page-title').getByText('已发布').waitFor();
    await expect.poll(() => page.getByTestId('job-result').locator('tbody tr').count()).toBe(12);
    await page.getByTestId('job-proof').locator('tr[data-receipt="sandbox.result.released"]').waitFor();
    await page.goto(`${bank.url}/workbench/jobs/${encodeURIComponent(dropped)}`);
    await page.getByTestId('job-reason-message').getByText('分组口径需与业务部门确认', { exact: false }).waitFor();
  }, 60_000);
});
