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

async function logInWithKey(page: Page, connector: DemoConnector) {
  await page.goto(`${connector.url}/`);
  await page.getByRole('heading', { name: '登录连接器控制台' }).waitFor();
  await page.locator('#login-api-key').fill(connector.apiKey);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

/** Runs the SQL from the workbench and waits until the job it started has settled; returns its id. */
async function run(page: Page, sql: string, state: string): Promise<string> {
  const previous = new URL(page.url()).searchParams.get('job');
  await page.locator('#sandbox-sql').fill(sql);
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
    // The review queue is empty (the demo's agreement releases automatically); all jobs show the bank's.
    await page.getByText('没有待审核的作业').waitFor();
    await page.locator('select[name="state"]').selectOption('');
    const row = page.getByTestId('provided-jobs').locator(`tr[data-job="${released}"]`);
    await row.getByText('已发布').waitFor();
    await row.locator('a').first().click();
    await page.getByTestId('job-sql').getByText(AGGREGATE).waitFor();
    await page.getByTestId('deidentification-report').waitFor();
    await expect(page.locator('button[data-action="release"]').count()).resolves.toBe(0);
    await reviewScreenshot(page, 'sandbox provided job zh-CN');
  });
});
