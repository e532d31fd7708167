// The console's policy editor (issue 15), in a real browser, against an operator and two
// connectors each running as its own `tds` process, on SQLite and PostgreSQL. A provider starts an
// offer from the sandbox template, sets k and a purpose from the vocabulary, reads the offer in
// words, and publishes it: the offer the operator and the provider's DSP catalog then serve
// carries those constraints. An offer written through the API with constraints the editor does
// not model survives a re-publish from the console untouched. An organisation registering with
// the operator picks its region and industry by name.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewScreenshot, useBrowser } from './support/browser.js';
import { publishedCsv } from './support/published-asset.js';
import { call, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';

const csv = (rows: number) => ['区县,月份,用电量', ...Array.from({ length: rows }, (_, i) => `4101${String(2 + (i % 6)).padStart(2, '0')},2024-${String((i % 12) + 1).padStart(2, '0')},${1000 + i}`)].join('\n') + '\n';

async function logInWithKey(page: Page, node: SpaceNode) {
  await page.goto(`${node.url}/`);
  await page.locator('#login-api-key').fill(secretOf(node, 'api-key'));
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

type Offer = { id: string; policy: Record<string, unknown> };
const publishedOffers = async (node: SpaceNode, assetId: string): Promise<Offer[]> =>
  (await call('GET', `${node.url}/api/v1/assets/${encodeURIComponent(assetId)}`, secretOf(node, 'api-key'))).body.publication.offers;

/** Re-publishes from the console and waits for the operator's answer. */
async function publishFromConsole(page: Page) {
  await page.locator('button[data-action="publish"]').click();
  await expect.poll(() => page.getByTestId('publish-result').getAttribute('data-status')).toBe('published');
}

describe.each(databaseKinds)('the offer policy editor in the connector console on %s', (kind) => {
  const browser = useBrowser();
  let space: ProcessSpace;

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'policy.test');
  }, 180_000);
  afterAll(() => space?.stop());

  it('publishes a sandbox offer with k = 10 and purpose 信用风险评估, shown in words first, and the live offer carries them', async () => {
    const { utility, bank } = space;
    const { assetId, entryId } = await publishedCsv(utility, '区县用电统计', csv(40), [{ id: 'sandbox', accessMode: 'sandbox', priceModel: 'free' }]);
    const page = await browser.page();
    await logInWithKey(page, utility);
    await page.goto(`${utility.url}/resources/${encodeURIComponent(assetId)}`);

    // The offer published through the API has the plain policy; open it and start from the sandbox template.
    await page.locator('button[data-action="edit-policy-0"]').click();
    const editor = page.getByTestId('policy-editor-0');
    await editor.locator('select[name="policy-template-0"]').selectOption('sandbox-aggregate');
    await editor.locator('button[data-action="apply-template-0"]').click();
    await expect.poll(() => editor.locator('select[name="policy-channel-0"]').inputValue()).toBe('sandbox');
    await editor.locator('input[name="policy-k-0"]').fill('10');
    await editor.getByRole('checkbox', { name: '信用风险评估' }).check();
    await editor.getByRole('checkbox', { name: '科学研究' }).uncheck();
    // Only members in Henan: picked by name, the code one hover away.
    await editor.locator('select[name="policy-regions-0"]').selectOption('410000');
    await editor.locator('[data-picker="policy-regions-0"] [data-code="410000"]').getByText('河南省').waitFor();

    // The offer in words, before it is published, in the console's language.
    const words = page.getByTestId('policy-description-0');
    await words.getByText('信用风险评估（credit-risk-assessment）', { exact: false }).waitFor();
    await words.getByText('结果的 k 匿名度 不少于 10', { exact: false }).waitFor();
    await words.getByText('交付方式 等于 沙箱（sandbox）', { exact: false }).waitFor();
    await reviewScreenshot(page, `policy editor zh-CN ${kind}`);
    await page.getByRole('button', { name: 'English' }).click();
    await words.getByText('Credit-risk assessment (credit-risk-assessment)', { exact: false }).waitFor();
    await words.getByText('the k-anonymity of the result is at least 10', { exact: false }).waitFor();
    await editor.getByRole('checkbox', { name: 'Credit-risk assessment' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();

    await publishFromConsole(page);
    const [offer] = await publishedOffers(utility, assetId);
    expect(offer?.policy).toEqual({
      '@id': `urn:tds:offer:${assetId}:sandbox`,
      '@type': 'Offer',
      permission: [{
        action: 'aggregate',
        constraint: [
          { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
          { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['credit-risk-assessment'] },
          { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: { '@value': '10', '@type': 'xsd:integer' } },
          // The template's differential privacy (ADR 0011): a budget of ε = 10, Laplace noise.
          { leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: expect.objectContaining({ '@value': '10' }) },
          { leftOperand: 'tds:privacyMechanism', operator: 'eq', rightOperand: 'laplace' },
          { leftOperand: 'tds:region', operator: 'isPartOf', rightOperand: ['410000'] },
        ],
      }],
    });
    // The provider's own DSP catalog serves it to a consumer with the same constraints.
    const live = await call('GET', `${bank.url}/api/v1/catalog/entries/${encodeURIComponent(entryId)}/offers`, secretOf(bank, 'api-key'));
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    expect(JSON.stringify(live.body)).toContain('credit-risk-assessment');
    // Our operands travel as full IRIs in DSP bodies (ADR 0015).
    expect(JSON.stringify(live.body)).toContain('https://w3id.org/trustspace/ns#kAnonymity');
  });

  it('keeps an offer written through the API, with constraints and duties the editor does not model, through a console re-publish', async () => {
    const { utility } = space;
    const policy = {
      '@id': 'urn:tds:offer:api-written',
      '@type': 'Offer',
      permission: [{
        action: 'use',
        constraint: [
          { leftOperand: 'purpose', operator: 'eq', rightOperand: '贷后管理' },
          { leftOperand: 'tds:deploymentEnvironment', operator: 'eq', rightOperand: 'consumer-premises' },
          { or: [{ leftOperand: 'industry', operator: 'isAnyOf', rightOperand: ['J66'] }, { leftOperand: 'tds:role', operator: 'isAnyOf', rightOperand: ['regulator'] }] },
          { leftOperand: 'count', operator: 'lteq', rightOperand: { '@value': '100', '@type': 'xsd:integer' } },
        ],
        duty: [{ action: 'inform', constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P1D' }] }],
      }],
      prohibition: [{ action: 'distribute' }],
    };
    const { assetId } = await publishedCsv(utility, '区县用电统计（接口）', csv(30), [{ id: 'api', accessMode: 'api', priceModel: 'free', policy }]);
    const [written] = await publishedOffers(utility, assetId);
    const page = await browser.page();
    await logInWithKey(page, utility);
    await page.goto(`${utility.url}/resources/${encodeURIComponent(assetId)}`);

    // The editor shows what it models, lists the rest as kept, and says it all in words.
    await page.locator('button[data-action="edit-policy-0"]').click();
    const editor = page.getByTestId('policy-editor-0');
    await expect(editor.getByRole('checkbox', { name: '贷后管理' }).isChecked()).resolves.toBe(true);
    await expect(editor.locator('input[name="policy-maxUses-0"]').inputValue()).resolves.toBe('100');
    await expect(page.getByTestId('policy-kept-0').getAttribute('data-kept')).resolves.toBe('3');
    await page.getByTestId('policy-description-0').getByText('贷后管理', { exact: false }).first().waitFor();

    // Re-published untouched, the offer is exactly as the API wrote it.
    await publishFromConsole(page);
    expect((await publishedOffers(utility, assetId))[0]?.policy).toEqual(written?.policy);

    // Only the count is changed: everything else stays as it was.
    await editor.locator('input[name="policy-maxUses-0"]').fill('500');
    await publishFromConsole(page);
    const expected = structuredClone(written?.policy) as { permission: Array<{ constraint: unknown[] }> };
    const count = expected.permission[0]!.constraint.findIndex((c) => (c as { leftOperand?: string }).leftOperand === 'count');
    expected.permission[0]!.constraint[count] = { leftOperand: 'count', operator: 'lteq', rightOperand: { '@value': '500', '@type': 'xsd:integer' } };
    await expect.poll(async () => (await publishedOffers(utility, assetId))[0]?.policy).toEqual(expected);
  });
  it("lets an organisation registering with the operator pick its region and industry by name, the code filled in", async () => {
    const page = await browser.page();
    await page.goto(`${space.operator.url}/apply`);
    await page.locator('#region-picker').selectOption({ label: '\u3000郑州市 (410100)' });
    await expect(page.locator('#region').inputValue()).resolves.toBe('410100');
    await page.locator('#industry-picker').selectOption('J66');
    await expect(page.locator('#industry').inputValue()).resolves.toBe('J66');
    // A code typed by hand is kept; the picker then shows it by name when it knows it.
    await page.locator('#industry').fill('D44');
    await expect(page.locator('#industry-picker').inputValue()).resolves.toBe('D44');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#industry-picker option:checked').getByText('Production and supply of electricity and heat', { exact: false }).waitFor({ state: 'attached' });
  });
});
