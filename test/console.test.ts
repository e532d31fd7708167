// The web console in a real browser against a real operator (listening on a free port), on
// SQLite and PostgreSQL: language, login, and the evidence ledger page, whose inclusion proofs
// are recomputed by the browser itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anOperator, ledgerSettled, testAdminToken, type OperatorFixture } from './support/operator-fixture.js';
import { operatorApi } from './support/operator-api.js';
import { aUscc } from './support/participant-fixtures.js';
import { databaseKinds } from './support/test-databases.js';
import { reviewScreenshot, useBrowser } from './support/browser.js';

const auditor = { username: 'audit-li', displayName: '李审计', password: 'audit-password-2026', roles: ['auditor'] };

async function logIn(page: Page, base: string, user: { username: string; password: string }) {
  await page.goto(`${base}/`);
  await page.locator('#login-username').fill(user.username);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

describe.each(databaseKinds)('web console on %s', (kind) => {
  const browser = useBrowser();
  let operator: OperatorFixture;
  let base: string;

  beforeAll(async () => {
    operator = await anOperator(kind);
    const at = new Date().toISOString();
    await operator.node.sequencer.append(
      Array.from({ length: 6 }, (_, n) => ({ type: 'test.console', subject: `urn:tds:test:console:${n}`, actor: 'did:web:operator.test', at, payload: { n, note: '控制台测试' } })),
    );
    const created = await operator.node.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${testAdminToken}` },
      payload: auditor,
    });
    expect(created.statusCode, created.body).toBe(201);
    base = await operator.node.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await operator?.close();
  });

  it('opens in zh-CN, switches to English and back, and remembers the choice', async () => {
    const page = await browser.page({ locale: 'en-US' });
    await page.goto(`${base}/`);
    // zh-CN is the default whatever the browser prefers.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { name: '登录运营控制台' }).waitFor();
    await expect(page.locator('.space-name').textContent()).resolves.toBe('tds.test/space');
    await reviewScreenshot(page, `login zh-CN ${kind}`);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Log in to the operator console' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await reviewScreenshot(page, `login en ${kind}`);

    // The choice survives a reload (localStorage) and reaches the API (Accept-Language).
    await page.reload();
    await page.getByRole('heading', { name: 'Log in to the operator console' }).waitFor();
    await page.locator('#login-username').fill('nobody');
    await page.locator('#login-password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: 'Credentials are invalid' }).waitFor();

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录运营控制台' }).waitFor();
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: '身份凭据无效' }).waitFor();
  });

  it('shows the latest checkpoint and verifies inclusion proofs in the browser', async () => {
    const checkpoint = (await operator.node.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
    const [origin, size, root] = checkpoint.split('\n');
    const page = await browser.page();
    await logIn(page, base, auditor);
    // An auditor reads participants but may not act on them.
    await page.getByText('您的角色为只读').waitFor();
    await reviewScreenshot(page, `review list auditor zh-CN ${kind}`);

    await page.getByRole('link', { name: '存证账本' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/evidence');
    await expect(page.getByTestId('checkpoint-origin').textContent()).resolves.toBe(origin);
    await expect(page.getByTestId('checkpoint-root').textContent()).resolves.toBe(root);
    expect(Number((await page.getByTestId('checkpoint-size').textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(Number(size));
    await page.getByText('签名有效').waitFor();

    // Newest first: the first row is the last entry the checkpoint covers.
    const rows = page.locator('tbody tr[data-entry-index]');
    await expect(rows.first().getAttribute('data-entry-index')).resolves.toBe(String(Number(size) - 1));

    const entry = page.locator('tr[data-entry-index="2"]');
    await entry.getByRole('button', { name: '验证证明' }).click();
    await entry.getByText('验证通过').waitFor();
    await reviewScreenshot(page, `ledger zh-CN ${kind}`);

    // The verdict is the browser's own: a proof with one altered hash fails.
    await page.route('**/ledger/proof/inclusion?**', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { hashes: string[] };
      const first = Buffer.from(body.hashes[0] ?? '', 'base64');
      first[0] = (first[0] ?? 0) ^ 0xff;
      await route.fulfill({ response, json: { hashes: [first.toString('base64'), ...body.hashes.slice(1)] } });
    });
    const tampered = page.locator('tr[data-entry-index="3"]');
    await tampered.getByRole('button', { name: '验证证明' }).click();
    await tampered.getByText('验证失败').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Evidence ledger' }).waitFor();
    await entry.getByText('Proof valid').waitFor();
    await reviewScreenshot(page, `ledger en ${kind}`);
  });

  it('names organisations and translates event types on the ledger page, identifiers one click away', async () => {
    const { id } = await operatorApi(operator.node).admitted({ name: '省电力公司', uscc: aUscc() });
    await ledgerSettled(operator);
    const page = await browser.page();
    await logIn(page, base, auditor);
    await page.goto(`${base}/evidence`);
    const approved = page.locator('tbody tr[data-entry-index]').filter({ has: page.locator('[data-event-type="participant.approved"]') });
    await approved.getByText('入驻审核通过').waitFor();
    await approved.getByTestId('ledger-subject').getByText('省电力公司').waitFor();
    // The subject's identifier is not shown until asked for.
    await expect(approved.getByText(`participant:${id}`, { exact: true }).count()).resolves.toBe(0);
    await approved.getByTestId('ledger-subject').getByRole('button', { name: '显示“省电力公司”的标识' }).click();
    await approved.getByText(`participant:${id}`, { exact: true }).waitFor();
    await reviewScreenshot(page, `ledger names zh-CN ${kind}`);
    await page.getByRole('button', { name: 'English' }).click();
    await approved.getByText('Admission approved').waitFor();
  });

  it('routes console pages to index.html and keeps API 404s as problem+json', async () => {
    const page = await browser.page();
    const response = await page.goto(`${base}/review/p_does-not-exist`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: '登录运营控制台' }).waitFor();
    const api = await page.goto(`${base}/api/v1/nope`);
    expect(api?.status()).toBe(404);
    expect(api?.headers()['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('web console on an SM3 space', () => {
  const browser = useBrowser();
  let operator: OperatorFixture;
  let base: string;

  beforeAll(async () => {
    operator = await anOperator('sqlite', 'sm3');
    const at = new Date().toISOString();
    await operator.node.sequencer.append(Array.from({ length: 5 }, (_, n) => ({ type: 'test.console', subject: `urn:tds:test:sm3:${n}`, actor: 'did:web:operator.test', at, payload: { n } })));
    const created = await operator.node.app.inject({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${testAdminToken}` }, payload: auditor });
    expect(created.statusCode, created.body).toBe(201);
    base = await operator.node.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await operator?.close();
  });

  it('recomputes SM3 inclusion proofs in the browser (国密)', async () => {
    const page = await browser.page();
    await logIn(page, base, auditor);
    await page.goto(`${base}/evidence`);
    const entry = page.locator('tr[data-entry-index="1"]');
    await entry.getByRole('button', { name: '验证证明' }).click();
    await entry.getByText('验证通过').click();
    await expect(entry.locator('.proof-facts').textContent()).resolves.toContain('SM3');
  });
});
