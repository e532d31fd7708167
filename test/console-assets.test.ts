// Publication and discovery through the connector consoles, in a real browser, against an
// operator and two connectors each running as its own `tds` process, on SQLite and PostgreSQL.
// The provider uploads a CSV with Chinese headers in its connector console, is refused by the
// normative review (findings in its language, with rule ids and pointers), describes, classifies
// and saves it (a stale save is refused and reloaded), adds an offer and publishes it; another
// participant finds it by 用电 in its own connector console and opens the entry with its live offers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewScreenshot, useBrowser } from './support/browser.js';
import { withUsccCheck } from './support/participant-fixtures.js';
import { call, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';

/**
 * 企业用电 rows with Chinese headers: valid USCCs, months, consumption, a contact phone (personal
 * information), and a batch code no vocabulary term names, so one field needs a title from the provider.
 */
function electricityCsv(rows: number): string {
  const lines = ['统一社会信用代码,月份,用电量,联系电话,批次'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${withUsccCheck(`91410100${String(40_000_000 + i * 11).slice(-8)}0`)},2024-${String((i % 12) + 1).padStart(2, '0')},${(2000 + i * 12.5).toFixed(1)},1390000${String(2000 + i).slice(-4)},B${String(i % 3).padStart(2, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function logInWithKey(page: Page, node: SpaceNode) {
  await page.goto(`${node.url}/`);
  await page.getByRole('heading', { name: '登录连接器控制台' }).waitFor();
  await page.locator('#login-api-key').fill(secretOf(node, 'api-key'));
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

/** An HTTP API answering 企业纳税 rows only to requests carrying its key. */
async function taxApi(key: string): Promise<{ url: string; close(): Promise<void> }> {
  const rows = Array.from({ length: 8 }, (_, i) => ({ 纳税人名称: `企业${i + 1}`, 年份: 2024, 纳税额: 1000 + i * 250 }));
  const server = http.createServer((request, response) => {
    const ok = request.url === '/rows' && request.headers['x-api-key'] === key;
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(ok ? { data: rows } : { error: 'unauthorized' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const field = (page: Page, name: string) => page.getByTestId('dictionary-editor').locator(`tr[data-field="${name}"]`);

describe.each(databaseKinds)('publishing and discovery through the connector consoles on %s', (kind) => {
  const browser = useBrowser();
  let space: ProcessSpace;
  let utility: SpaceNode;
  let bank: SpaceNode;
  let assetId: string;
  let entryId: string;

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'assets.test');
    ({ utility, bank } = space);
  }, 180_000);

  afterAll(() => space?.stop());

  it('lets a provider upload a CSV, describe, classify and publish it from its connector console', async () => {
    const page = await browser.page();
    await logInWithKey(page, utility);
    // A connector console opens on its data resources; nothing is registered yet.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/resources');
    await page.getByText('尚未登记数据资源').waitFor();

    // Register: upload the file as it is; the name comes from the file name.
    await page.getByRole('link', { name: '登记数据资源' }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/resources/new');
    await page.locator('#upload-file').setInputFiles({ name: '企业用电数据.csv', mimeType: 'text/csv', buffer: Buffer.from(electricityCsv(60), 'utf8') });
    await expect(page.locator('#upload-name').inputValue()).resolves.toBe('企业用电数据');
    await page.getByText('text/csv').waitFor();
    await reviewScreenshot(page, `asset upload zh-CN ${kind}`);
    await page.getByRole('button', { name: '上传并登记' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/resources\/(?!new$)[^/]+$/);
    assetId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    // The page's address stands on its own: a reload (or a shared link) opens the same resource.
    await page.reload();

    // The preview reads the source; the dictionary was inferred, with the USCC concept and the phone found in the sample.
    await page.getByTestId('preview').getByRole('columnheader', { name: '统一社会信用代码' }).waitFor();
    await expect(page.getByTestId('preview').locator('tbody tr').count()).resolves.toBe(20);
    await expect(field(page, '统一社会信用代码').locator('input[name="concept"]').inputValue()).resolves.toBe('tds:uscc');
    await expect(field(page, '统一社会信用代码').locator('input[name="title-zh"]').inputValue()).resolves.toBe('统一社会信用代码');
    await field(page, '批次').getByText('缺少名称').waitFor();
    await expect(field(page, '联系电话').locator('select[name="pii-kind"]').inputValue()).resolves.toBe('phone');
    await field(page, '联系电话').getByText('样本检出：电话号码', { exact: false }).waitFor();
    await page.locator('.page-title').getByText('未发布').waitFor();

    // Publishing at once is refused by the normative review, with every finding at once.
    await page.locator('button[data-action="add-offer"]').click();
    await page.locator('input[name="offer-id-0"]').fill('sandbox');
    await page.locator('select[name="offer-access-0"]').selectOption('sandbox');
    await page.locator('select[name="offer-price-model-0"]').selectOption('payAfterUse');
    await page.locator('button[data-action="publish"]').click();
    await expect(page.getByTestId('publish-result').getAttribute('data-status')).resolves.toBe('rejected');
    await page.getByText('未通过资源规范性审查，请按审核结果修改后重新发布').waitFor();
    const publication = page.getByTestId('publication');
    await publication.locator('.page-title, .card-title').getByText('已驳回').waitFor();
    const licence = publication.locator('[data-rule="entry.license"]');
    await licence.getByText('缺少许可协议或许可协议不是 IRI').waitFor();
    await licence.getByText('/license', { exact: true }).waitFor();
    await publication.locator('[data-rule="review.classification-missing"]').getByText('缺少数据分类分级标识', { exact: false }).waitFor();
    await publication.locator('[data-rule="entry.contact-point"]').first().waitFor();
    await publication.locator('[data-rule="review.dictionary-field-undescribed"]').getByText('批次', { exact: false }).waitFor();
    await reviewScreenshot(page, `asset rejected zh-CN ${kind}`);
    // The findings follow the console's language.
    await page.getByRole('button', { name: 'English' }).click();
    await licence.getByText('The licence is missing or not an IRI', { exact: false }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await licence.getByText('缺少许可协议或许可协议不是 IRI').waitFor();

    // Describe it: titles, description, keywords, licence, contact, coverage, share attribute.
    await expect(page.locator('#asset-title-zh').inputValue()).resolves.toBe('企业用电数据');
    await page.locator('#asset-title-en').fill('Enterprise electricity consumption');
    await page.locator('#asset-description-zh').fill('规模以上企业月度用电量，按统一社会信用代码汇总。');
    await page.locator('#asset-description-en').fill('Monthly electricity consumption of large enterprises, by USCC.');
    await page.locator('#asset-keywords-zh').fill('用电、能源、企业');
    await page.locator('#asset-keywords-en').fill('electricity, energy');
    await page.locator('input[name="theme"][value="ENER"]').check();
    await page.locator('#asset-license').fill('https://w3id.org/trustspace/licence/restricted-1.0');
    await page.locator('#asset-contact-name').fill('数据服务部');
    await page.locator('#asset-contact-email').fill('data@grid.example.cn');
    await page.locator('#asset-spatial').fill('410000');
    await page.locator('#asset-periodicity').selectOption('monthly');
    await page.locator('#asset-share').selectOption('unconditional');

    // Classify it from an impact assessment: general harm to organisations yields general data, grade 2.
    await page.locator('button[data-action="add-impact"]').click();
    await page.locator('select[name="impact-object-0"]').selectOption('organisation-rights');
    await page.locator('select[name="impact-degree-0"]').selectOption('general');
    await page.getByTestId('assessed-level').getByText('一般数据 2 级').waitFor();
    await page.getByTestId('assessed-level').getByRole('button', { name: '采用' }).click();
    await expect(page.locator('#classification-level').inputValue()).resolves.toBe('general');
    await expect(page.locator('#classification-grade').inputValue()).resolves.toBe('2');

    // Give the field the vocabulary did not recognise a title and a description; give consumption its unit.
    await page.getByText('已说明 4/5 个字段').waitFor();
    await field(page, '批次').locator('input[name="title-zh"]').fill('数据批次');
    await field(page, '批次').locator('input[name="title-en"]').fill('Batch');
    await field(page, '批次').locator('input[name="description-zh"]').fill('数据采集批次编号');
    await field(page, '用电量').locator('input[name="unit"]').fill('kW.h');
    await page.getByText('已说明 5/5 个字段').waitFor();

    // Nothing unsaved is ever published.
    await expect(page.locator('button[data-action="publish"]').isDisabled()).resolves.toBe(true);
    await page.getByText('请先保存修改再发布').waitFor();
    await reviewScreenshot(page, `asset editing zh-CN ${kind}`);
    await page.locator('button[data-action="save"]').click();
    await page.getByTestId('save-bar').getByText('已保存').waitFor();
    await page.locator('.page-title').getByText('一般数据 2 级').waitFor();
    const key = secretOf(utility, 'api-key');
    const saved = (await call('GET', `${utility.url}/api/v1/assets/${encodeURIComponent(assetId)}`, key)).body;
    expect(saved).toMatchObject({
      classification: { level: 'general', grade: 2, assessment: [{ object: 'organisation-rights', degree: 'general' }] },
      entry: { title: { 'zh-CN': '企业用电数据', en: 'Enterprise electricity consumption' }, keywords: { 'zh-CN': ['用电', '能源', '企业'] }, license: 'https://w3id.org/trustspace/licence/restricted-1.0', contactPoint: { name: '数据服务部', email: 'data@grid.example.cn' }, spatial: ['410000'], shareAttribute: 'unconditional' },
    });

    // A save based on a version someone else has replaced meanwhile is refused, and the newer one loads.
    await page.locator('#asset-spatial').fill('410000, 410100');
    const elsewhere = await call('PATCH', `${utility.url}/api/v1/assets/${encodeURIComponent(assetId)}`, key, { version: saved.version, entry: { temporal: { start: '2024-01-01', end: '2024-12-31' } } });
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(200);
    await page.locator('button[data-action="save"]').click();
    await page.getByTestId('save-bar').getByText('该资源已被修改为更新的版本').waitFor();
    await page.getByRole('button', { name: '加载最新版本' }).click();
    await expect.poll(() => page.locator('#asset-temporal-start').inputValue()).toBe('2024-01-01');
    await expect(page.locator('#asset-spatial').inputValue()).resolves.toBe('410000');

    // Publish the saved version: it passes the review and is published.
    await page.locator('button[data-action="publish"]').click();
    await expect.poll(() => page.getByTestId('publish-result').getAttribute('data-status')).toBe('published');
    await page.getByText('已通过资源规范性审查，资源已发布').waitFor();
    await expect.poll(() => publication.getAttribute('data-status')).toBe('published');
    await publication.locator('[data-review="automatic"]').getByText('通过').first().waitFor();
    await expect(publication.locator('.finding-error').count()).resolves.toBe(0);
    entryId = (await publication.locator('a.mono').textContent()) ?? '';
    expect(entryId).toMatch(/^urn:tds:assets\.test:p_[^:]+:/);
    await reviewScreenshot(page, `asset published zh-CN ${kind}`);

    await page.getByRole('link', { name: '← 返回数据资源' }).click();
    await page.locator(`tr[data-asset="${assetId}"]`).getByText('已发布').waitFor();
    await page.locator(`tr[data-asset="${assetId}"]`).getByRole('link', { name: '企业用电数据' }).waitFor();
  });

  it('connects an HTTP API whose key is typed like a password, kept by the connector and never shown again', async () => {
    const secret = 'sk-tax-7f3a9c21e5';
    const api = await taxApi(secret);
    try {
      const page = await browser.page();
      await logInWithKey(page, utility);
      await page.goto(`${utility.url}/resources/new?tab=connect`);
      await expect(page.getByRole('tab', { name: '连接数据源' }).getAttribute('aria-selected')).resolves.toBe('true');
      await page.getByRole('radio', { name: '数据接口' }).check();
      await page.locator('#source-name').fill('企业纳税接口');
      await page.locator('#source-base-url').fill(api.url);
      await page.locator('#source-sample-path').fill('/rows');
      await page.locator('#source-auth-name').fill('X-Api-Key');
      await expect(page.locator('#source-auth-value').getAttribute('type')).resolves.toBe('password');
      // A wrong key: the connector cannot read the source and says so, with its stable code.
      await page.locator('#source-auth-value').fill('sk-wrong');
      await page.getByRole('button', { name: '连接并登记' }).click();
      await page.getByRole('alert').getByText('asset.source-unreadable', { exact: false }).waitFor();
      await page.locator('#source-auth-value').fill(secret);
      await page.getByRole('button', { name: '连接并登记' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/resources\/(?!new$)[^/]+$/);

      // The connector samples it with the stored key: preview and dictionary; the key itself never comes back.
      await page.getByTestId('preview').getByRole('columnheader', { name: '纳税人名称' }).waitFor();
      await expect(page.getByTestId('preview').locator('tbody tr').count()).resolves.toBe(8);
      await field(page, '纳税额').waitFor();
      await page.getByText('（值已加密保存）').waitFor();
      await reviewScreenshot(page, `asset http api zh-CN ${kind}`);
      expect(await page.content()).not.toContain(secret);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
      const stored = await fetch(`${utility.url}/api/v1/assets/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${secretOf(utility, 'api-key')}` } });
      const text = await stored.text();
      expect(text).toContain('"authHeaderName":"X-Api-Key"');
      expect(text).not.toContain(secret);
    } finally {
      await api.close();
    }
  });

  it('lets another participant find it by 用电 in its own connector console and open it with the live offers', async () => {
    expect(entryId).toBeTruthy();
    const page = await browser.page();
    await logInWithKey(page, bank);
    await page.getByRole('link', { name: '资源目录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/catalog');
    await page.locator('#catalog-q').fill('用电');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('catalog-total').getAttribute('data-total')).toBe('1');
    const card = page.locator(`article[data-entry="${entryId}"]`);
    await card.getByText('省电力公司').waitFor();
    await card.getByText('一般数据 2 级').waitFor();
    await card.getByText('先用后付').waitFor();
    await reviewScreenshot(page, `connector catalog search zh-CN ${kind}`);

    await card.getByRole('link', { name: '企业用电数据' }).click();
    await expect.poll(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(`/catalog/entry/${entryId}`);
    await page.locator('.page-title').getByText('企业用电数据').waitFor();
    await page.getByText('规模以上企业月度用电量，按统一社会信用代码汇总。').waitFor();
    const dictionary = page.getByTestId('dictionary');
    await dictionary.locator('tr[data-field="用电量"]').getByText('kW.h').waitFor();
    await dictionary.locator('tr[data-field="批次"]').getByText('数据批次').waitFor();
    // Personal information as declared: the PII column (the field's vocabulary title reads the same).
    await dictionary.locator('tr[data-field="联系电话"] td.nowrap').getByText('电话号码').waitFor();
    await page.locator('tr[data-offer="sandbox"]').getByText('先用后付').waitFor();
    // The live offer, read by the bank's connector from the provider's own DSP catalog.
    const live = page.getByTestId('live-offers');
    await live.locator(`[data-live-offer="urn:tds:offer:${assetId}:sandbox"]`).getByText('允许: use').waitFor();
    // A consumer gets neither the review nor the history.
    await expect(page.locator('[data-review]').count()).resolves.toBe(0);
    await reviewScreenshot(page, `connector catalog entry zh-CN ${kind}`);

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.page-title').getByText('Enterprise electricity consumption').waitFor();
    await live.getByText('Live offers').waitFor();
    await live.getByText('Permitted: use').waitFor();
  });
});
