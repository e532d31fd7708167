// Contracts through the connector console, in a real browser, against an operator and two
// connectors each running as its own `tds` process (SQLite). The bank finds the utility's entry in
// its catalog, negotiates its download offer with a purpose and watches the DSP state machine
// reach FINALIZED, reads the agreement (policy in words, hash, signatures, ledger receipts),
// starts a transfer, downloads the data and saves the received file; in English the policy
// follows. The provider sees the same agreement with its access log. A purpose the offer does not
// allow ends in TERMINATED with the provider's reasons, in Chinese and English.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewScreenshot, useBrowser } from './support/browser.js';
import { electricityCsv } from './support/electricity-csv.js';
import { publishedCsv } from './support/published-asset.js';
import { call, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';

const PURPOSE = 'credit-risk-assessment';
const pullOffer = {
  id: 'pull',
  accessMode: 'download',
  priceModel: 'free',
  policy: { permission: [{ action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: PURPOSE }] }] },
};

async function logInWithKey(page: Page, node: SpaceNode) {
  await page.goto(`${node.url}/`);
  await page.getByRole('heading', { name: '登录连接器控制台' }).waitFor();
  await page.locator('#login-api-key').fill(secretOf(node, 'api-key'));
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

const pathOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

describe('contracts through the connector console', () => {
  const browser = useBrowser();
  let space: ProcessSpace;
  let entryId: string;
  let assetId: string;
  let agreementId: string;

  beforeAll(async () => {
    space = await startProcessSpace('sqlite', 'console-contracts.test');
    ({ entryId, assetId } = await publishedCsv(space.utility, '企业用电数据', electricityCsv(40), [pullOffer]));
  }, 180_000);

  afterAll(() => space?.stop());

  it('negotiates from a catalog entry, shows the agreement in words, transfers and downloads the data', async () => {
    const { bank, utility } = space;
    const page = await browser.page();
    await logInWithKey(page, bank);
    await page.getByRole('navigation').getByRole('link', { name: '合约协商' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '数字合约' }).waitFor();

    // The entry with its live offer, and the action that negotiates it.
    await page.goto(`${bank.url}/catalog/entry/${encodeURIComponent(entryId)}`);
    const offer = page.getByTestId('live-offers').locator(`[data-live-offer="urn:tds:offer:${assetId}:pull"]`);
    await offer.getByRole('button', { name: '协商合约' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`该要约要求的用途：${PURPOSE}`).waitFor();
    await dialog.locator('#negotiate-purpose').fill(PURPOSE);
    await reviewScreenshot(page, 'negotiate dialog zh-CN');
    await dialog.getByRole('button', { name: '发起协商' }).click();

    // The negotiation page follows the state machine live until it is FINALIZED.
    await expect.poll(() => pathOf(page)).toMatch(/^\/negotiations\/.+/);
    const steps = page.getByTestId('negotiation-steps');
    await expect.poll(() => steps.getAttribute('data-state'), { timeout: 20_000 }).toBe('FINALIZED');
    await steps.locator('[data-step="FINALIZED"][data-status="current"]').getByText('已生效').waitFor();
    await expect(steps.locator('[data-status="done"]').count()).resolves.toBe(3);
    await page.locator('.page-title').getByText('已生效').waitFor();
    // The negotiation names its purpose by the vocabulary's label, not its id.
    await page.getByText('信用风险评估').first().waitFor();
    await expect(page.locator('button[data-action="terminate"]').count()).resolves.toBe(0);
    await reviewScreenshot(page, 'negotiation finalized zh-CN');

    // The agreement: the policy in Chinese, parties, the hash both signed, both signatures, receipts.
    await page.locator('a[data-action="open-agreement"]').click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/agreements\/.+/);
    agreementId = pathOf(page).split('/')[2] ?? '';
    const api = (await call('GET', `${bank.url}/api/v1/agreements/${encodeURIComponent(agreementId)}`, secretOf(bank, 'api-key'))).body;
    await page.locator('.page-title').getByText('生效中').waitFor();
    const policy = page.getByTestId('policy-description');
    await policy.getByText('本合约包含 1 项许可').waitFor();
    await policy.locator('[data-rules="permission"]').getByText('信用风险评估（credit-risk-assessment）', { exact: false }).waitFor();
    const facts = page.getByTestId('agreement-facts');
    await facts.getByTestId('agreement-hash').getByText(api.hash as string).waitFor();
    expect(api.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The parties by name, their DIDs one click away.
    const provider = facts.locator(`[data-id="${api.providerDid as string}"]`);
    await provider.getByText('省电力公司').waitFor();
    await facts.locator(`[data-id="${api.consumerDid as string}"]`).getByText('城商银行').waitFor();
    await expect(facts.getByText(api.providerDid as string, { exact: true }).count()).resolves.toBe(0);
    await provider.getByRole('button', { name: '显示“省电力公司”的标识' }).click();
    await provider.getByText(api.providerDid as string, { exact: true }).waitFor();
    await expect(facts.locator('[data-signature="provider"]').getAttribute('data-signed')).resolves.toBe('true');
    await expect(facts.locator('[data-signature="consumer"]').getAttribute('data-signed')).resolves.toBe('true');
    const receipt = page.getByTestId('evidence-receipts').locator('tr[data-receipt="agreement.finalized"]');
    await receipt.getByText('合约生效').waitFor({ timeout: 20_000 });
    const index = await receipt.getAttribute('data-ledger-index');
    await expect(receipt.getByRole('link', { name: '在存证账本中核验' }).getAttribute('href')).resolves.toBe(`${space.operator.url}/evidence?entry=${index}`);
    await page.getByTestId('usage-count').getByText('0 次（不限次数）').waitFor();

    // Start a transfer, download under it, and save what was received.
    await page.locator('button[data-action="start-transfer"]').click();
    const transfer = page.getByTestId('transfers').locator('tr[data-transfer]');
    await expect.poll(() => transfer.getAttribute('data-state'), { timeout: 20_000 }).toBe('STARTED');
    await transfer.getByText('传输中').waitFor();
    await transfer.getByRole('button', { name: '下载' }).click();
    await transfer.getByTestId('pulled').getByText('SHA-256 已核对', { exact: false }).waitFor();
    const received = page.getByTestId('received').locator('tr[data-received]');
    await expect.poll(() => received.count()).toBe(1);
    await received.getByText('text/csv').waitFor();
    await page.getByTestId('usage-count').getByText('1 次（不限次数）').waitFor();
    await reviewScreenshot(page, 'agreement with transfer zh-CN');
    const [download] = await Promise.all([page.waitForEvent('download'), received.locator('button[data-format="received"]').click()]);
    expect(download.suggestedFilename()).toBe(`${assetId}.csv`);
    await expect(readFile((await download.path()) ?? '', 'utf8')).resolves.toContain('统一社会信用代码');

    // In English the policy follows the console's language.
    await page.getByRole('button', { name: 'English' }).click();
    await policy.getByText('This agreement grants 1 permission').waitFor();
    await policy.getByText('Credit-risk assessment (credit-risk-assessment)', { exact: false }).waitFor();
    await page.getByTestId('evidence-receipts').getByText('Agreement finalized').waitFor();
    await page.getByTestId('transfers').getByText('Started').waitFor();
    await reviewScreenshot(page, 'agreement en');

    // Both lists show it.
    await page.getByRole('navigation').getByRole('link', { name: 'Contract negotiations' }).click();
    await page.getByTestId('negotiations').getByText('Finalized').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Agreements' }).click();
    const row = page.getByTestId('agreements').locator(`tr[data-agreement="${agreementId}"]`);
    await row.getByText('Active').waitFor();
    // The counterpart and the resource by name and title, not by DID and URN.
    await row.getByTestId('agreement-counterpart').getByText('省电力公司').waitFor();
    await row.getByTestId('agreement-dataset').getByRole('link', { name: '企业用电数据' }).waitFor();
    await expect(row.getByText(api.providerDid as string).count()).resolves.toBe(0);

    // The provider's console: the same agreement, its access log with the completed download.
    const providerPage = await browser.page();
    await logInWithKey(providerPage, utility);
    await providerPage.goto(`${utility.url}/agreements/${encodeURIComponent(agreementId)}`);
    await providerPage.getByTestId('agreement-facts').getByTestId('agreement-hash').getByText(api.hash as string).waitFor();
    await providerPage.getByTestId('agreement-facts').locator(`[data-id="${api.consumerDid as string}"]`).getByText('城商银行').waitFor();
    await providerPage.getByTestId('access-log').locator('tr[data-outcome="completed"]').getByText('已完成').waitFor();
    await providerPage.locator('button[data-action="revoke"]').waitFor();
    await reviewScreenshot(providerPage, 'agreement provider zh-CN');
  }, 60_000);

  it("shows a negotiation the provider refuses as TERMINATED, with the provider's reasons", async () => {
    const page = await browser.page();
    await logInWithKey(page, space.bank);
    await page.goto(`${space.bank.url}/catalog/entry/${encodeURIComponent(entryId)}`);
    await page.getByTestId('live-offers').locator(`[data-live-offer="urn:tds:offer:${assetId}:pull"]`).getByRole('button', { name: '协商合约' }).click();
    await page.getByRole('dialog').locator('#negotiate-purpose').fill('marketing');
    await page.getByRole('dialog').getByRole('button', { name: '发起协商' }).click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/negotiations\/.+/);
    const steps = page.getByTestId('negotiation-steps');
    await expect.poll(() => steps.getAttribute('data-state'), { timeout: 20_000 }).toBe('TERMINATED');
    await steps.locator('[data-step="TERMINATED"][data-status="failed"]').getByText('已终止').waitFor();
    const reasons = page.getByTestId('process-reason');
    await reasons.getByText('policy-not-met', { exact: false }).waitFor();
    await expect(reasons.locator('li').count()).resolves.toBe(2);
    await expect(reasons.locator('li').allTextContents()).resolves.toEqual([expect.stringMatching(/[\u4e00-\u9fff]/), expect.stringMatching(/purpose/)]);
    await expect(page.locator('a[data-action="open-agreement"]').count()).resolves.toBe(0);
    await reviewScreenshot(page, 'negotiation terminated zh-CN');
  });
});
