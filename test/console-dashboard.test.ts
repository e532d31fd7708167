// The effectiveness dashboard (应用成效) in a real browser, against the demo space (`tds demo`, which
// admits four organisations, publishes the utility's resources and runs the scenario: the bank's
// sandbox agreement and jobs, and a pull transfer of the open statistics). The operator's admin and
// the regulator's admin see it filled in, in Chinese and in English, and download its CSV sections
// with headers in the chosen language; the utility's and the bank's admins do not see it, and the
// API refuses them.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewScreenshot, useBrowser } from './support/browser.js';
import { freePortRange } from './support/free-port.js';
import { startCli, stopProcess } from './support/run-cli.js';
import { waitFor } from './support/wait-for.js';

interface Login {
  username: string;
  password: string;
}

interface DemoEndpoints {
  operator: { url: string; adminUser: string; adminPassword: string };
  participants: Array<Login & { participant: 'utility' | 'bank' | 'regulator' | 'compliance' }>;
}

async function logIn(page: Page, base: string, user: Login) {
  await page.goto(`${base}/`);
  await page.locator('#login-username').fill(user.username);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

const figure = async (page: Page, kpi: string) => Number((await page.getByTestId(`kpi-${kpi}`).innerText()).replace(/\D/g, ''));

/** Opens 应用成效 from the navigation and waits for its figures. */
async function openDashboard(page: Page, linkName: string) {
  await page.getByRole('navigation').getByRole('link', { name: linkName }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
  await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor();
}

/** Clicks a section's CSV button and reads the file the browser saves. */
async function downloadCsv(page: Page, section: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-csv="${section}"]`).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** The figures every overseer sees: the demo's resources, its four participants, the scenario's use, the ledger and its checkpoint. */
async function expectPopulated(page: Page, operatorUrl: string) {
  expect(await figure(page, 'resources')).toBeGreaterThanOrEqual(2);
  expect(await figure(page, 'participants')).toBe(4);
  expect(await figure(page, 'agreements')).toBeGreaterThanOrEqual(1);
  expect(await figure(page, 'transfers')).toBeGreaterThanOrEqual(1);
  expect(await figure(page, 'sandboxJobs')).toBeGreaterThanOrEqual(1);
  const checkpoint = await (await fetch(`${operatorUrl}/ledger/checkpoint`)).text();
  const checkpointSize = Number(checkpoint.split('\n')[1]);
  expect(await figure(page, 'ledger')).toBeGreaterThanOrEqual(checkpointSize);
  await page.getByTestId('kpi-checkpoint').waitFor();
  await expect(page.getByTestId('checkpoint-signature').innerText()).resolves.toMatch(/^— tds\.local\/demo [A-Za-z0-9+/]+=*$/);
  // Four roles, one admitted participant each: four slices in the role chart, and every chart drawn.
  const roles = page.getByTestId('chart-participants-role');
  await expect.poll(() => roles.locator('svg path').count()).toBeGreaterThanOrEqual(4);
  for (const chart of ['chart-resources-kind', 'chart-resources-format', 'chart-resources-industry', 'chart-daily', 'chart-utilization', 'chart-ledger-types']) {
    await expect.poll(() => page.getByTestId(chart).locator('svg').count(), { message: chart }).toBe(1);
  }
  await expect.poll(() => page.getByTestId('dashboard-products').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
}

describe('the effectiveness dashboard in the operator console', () => {
  const browser = useBrowser();
  let dir: string;
  let demo: ChildProcess | undefined;
  let endpoints: DemoEndpoints;
  const admin = (participant: string) => endpoints.participants.find((p) => p.participant === participant)!;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-console-dashboard-'));
    const base = await freePortRange(3);
    let output = '';
    demo = startCli(['demo', '--dir', dir, '--port', String(base)]);
    demo.stdout!.on('data', (d) => (output += d));
    demo.stderr!.on('data', (d) => (output += d));
    await waitFor(() => output.includes('Ctrl+C') || demo!.exitCode !== null, 150_000, 'the demo space to start');
    if (demo.exitCode !== null) throw new Error(`tds demo exited: ${output}`);
    endpoints = JSON.parse(fs.readFileSync(path.join(dir, 'endpoints.json'), 'utf8')) as DemoEndpoints;
  }, 180_000);

  afterAll(async () => {
    if (demo) await stopProcess(demo);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the operator’s admin the space’s figures in Chinese and English, and exports CSV in the chosen language', async () => {
    const { url } = endpoints.operator;
    const page = await browser.page();
    await logIn(page, url, { username: endpoints.operator.adminUser, password: endpoints.operator.adminPassword });
    await openDashboard(page, '应用成效');
    await page.locator('.page-title').getByText('应用成效').waitFor();
    await page.getByTestId('dashboard-period-shown').getByText('统计期间', { exact: false }).waitFor();
    await expectPopulated(page, url);
    await page.locator('[data-kpi="resources"]').getByText('已发布资源').waitFor();
    await reviewScreenshot(page, 'dashboard zh-CN');

    const zh = await downloadCsv(page, 'resources');
    expect(zh.name).toMatch(/^dashboard-resources-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(zh.text.startsWith('\uFEFF')).toBe(true);
    expect(zh.text.slice(1).split('\r\n')[0]).toBe('维度,取值,名称,数量');
    expect(zh.text).toContain('省电力公司');

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.page-title').getByText('Effectiveness').waitFor();
    await page.locator('[data-kpi="resources"]').getByText('Published resources').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Effectiveness' }).waitFor();
    await expectPopulated(page, url);
    const en = await downloadCsv(page, 'participants');
    expect(en.text.startsWith('\uFEFF')).toBe(true);
    const lines = en.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Participant ID,Participant,Roles,Status,Ledger entries in period');
    expect(lines).toHaveLength(5);
    const activity = await downloadCsv(page, 'activity');
    expect(activity.text.slice(1).split('\r\n')[0]).toBe('Date,Agreements,Transfers,Sandbox jobs,Sandbox running time (s)');
    await reviewScreenshot(page, 'dashboard en');

    // A period with nothing in it: the charts say so and the figures are zero.
    await page.locator('#dashboard-from').fill('2020-01-01');
    await page.locator('#dashboard-to').fill('2020-01-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2020-01-01&to=2020-01-31');
    await expect.poll(() => figure(page, 'agreements')).toBe(0);
    await page.getByTestId('dashboard-products').getByText('No agreements in this period.').waitFor();
  }, 90_000);

  it('shows the regulator’s admin the same figures, read-only oversight, with no Content Security Policy violation', async () => {
    const { url } = endpoints.operator;
    const page = await browser.page();
    // The console and its SVG charts must work under the node's CSP (ADR 0014): any refused script,
    // style or image is recorded by the browser and fails the test.
    await page.addInitScript({
      content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
    });
    const response = await page.goto(`${url}/`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await logIn(page, url, admin('regulator'));
    await openDashboard(page, '应用成效');
    await expectPopulated(page, url);
    expect(await page.evaluate('window.cspViolations')).toEqual([]);
    const products = await downloadCsv(page, 'products');
    expect(products.text.slice(1).split('\r\n')[0]).toBe('排名,资源标识,资源名称,数据提供方,合约数,传输数,沙箱作业数');
    const ledger = await downloadCsv(page, 'ledger');
    expect(ledger.text).toMatch(/\r\n检查点签名,— tds\.local\/demo /);
  }, 60_000);

  it('gives the provider’s and the consumer’s admins no dashboard: no link, no page, 403 from the API', async () => {
    const { url } = endpoints.operator;
    for (const participant of ['utility', 'bank']) {
      const page = await browser.page();
      await logIn(page, url, admin(participant));
      await page.getByRole('navigation').getByRole('link', { name: '资源目录' }).waitFor();
      await expect(page.getByRole('navigation').getByRole('link', { name: '应用成效' }).count()).resolves.toBe(0);
      await page.goto(`${url}/dashboard`);
      await page.getByTestId('current-user').waitFor();
      await expect(page.getByTestId('dashboard').count()).resolves.toBe(0);
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: admin(participant).username, password: admin(participant).password }) });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      for (const path of ['/api/v1/dashboard', '/api/v1/dashboard/export.csv?section=resources']) {
        const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status, `${participant} ${path}`).toBe(403);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(((await res.json()) as { code: string }).code).toBe('auth.forbidden');
      }
      await page.close();
    }
  }, 60_000);
});
