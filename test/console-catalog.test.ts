// The resource catalog through the web console, in a real browser, on SQLite and PostgreSQL: a
// consumer searches in Chinese, narrows by a facet and reads an entry with its data dictionary; an
// entry published for someone else never shows, not even in the counts; a reviewer approves a
// pending publication from the review queue; the provider reads its review findings in its language.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { aPiiScan, anOfferPolicy } from '../src/core/catalog/fixtures/publication-fixtures.js';
import { aCatalogEntry } from '../src/core/metadata/catalog-entry-fixtures.js';
import type { CatalogEntry } from '../src/core/metadata/catalog-entry.js';
import type { CatalogRecord } from '../src/core/catalog/catalog-record.js';
import type { PublicationInput } from '../src/operator/catalog/catalog-service.js';
import { anOperator, type OperatorFixture } from './support/operator-fixture.js';
import { bearer, operatorApi } from './support/operator-api.js';
import { aUscc } from './support/participant-fixtures.js';
import { databaseKinds } from './support/test-databases.js';
import { reviewScreenshot, useBrowser } from './support/browser.js';

const password = 'Correct-Horse-9';
const users = { provider: 'grid-admin', consumer: 'bank-analyst', outsider: 'zj-tech', reviewer: 'catalog-reviewer' };

function aPublication(resource: string, overrides: Partial<PublicationInput> = {}, entry: Partial<CatalogEntry> = {}): PublicationInput {
  const { id: _id, ...base } = aCatalogEntry({ shareAttribute: 'unconditional', ...entry });
  return { resource, entry: base, offers: [{ id: `${resource}-offer`, accessMode: 'sandbox', priceModel: 'payAfterUse', policy: anOfferPolicy() }], visibility: { scope: 'members' }, piiScan: aPiiScan(), ...overrides };
}

async function logIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor();
}

const totalShown = (page: Page) => page.getByTestId('catalog-total').getAttribute('data-total');

describe.each(databaseKinds)('the resource catalog through the console on %s', (kind) => {
  const browser = useBrowser();
  let operator: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;
  let base: string;
  let staffToken: string;
  const entries = {} as Record<'sandbox' | 'api' | 'hidden' | 'pending' | 'core', CatalogRecord>;

  beforeAll(async () => {
    operator = await anOperator(kind);
    api = operatorApi(operator.node);
    const provider = await api.admitted({ name: '省电力公司', industry: 'D44', region: '410100', roles: ['provider'] }, users.provider);
    await api.admitted({ name: '城商银行', industry: 'J66', region: '410100', roles: ['consumer'] }, users.consumer);
    const outsider = await api.admitted({ name: '外省科技公司', industry: 'I65', region: '330100', uscc: aUscc('9', '1', '330100'), roles: ['consumer'] }, users.outsider);
    staffToken = await api.createStaff(users.reviewer, ['reviewer']);

    const publish = (input: PublicationInput) => operator.node.catalog.publish(provider.id, `did:test:${provider.id}`, input);
    // Visible to every participant: one sandbox (先用后付), one API (按次计费) entry.
    entries.sandbox = await publish(aPublication('electricity-2024'));
    entries.api = await publish(
      aPublication(
        'electricity-api',
        { offers: [{ id: 'api-offer', accessMode: 'api', priceModel: 'payPerUse', price: { amount: 0.5, currency: 'CNY', unit: '次' }, policy: anOfferPolicy() }] },
        {
          title: { 'zh-CN': '企业用电查询接口', en: 'Enterprise electricity lookup API' },
          distributions: [{ title: { 'zh-CN': '查询接口' }, accessUrl: 'https://connector.grid.example.cn/api/v1/lookup', accessMode: 'api' }],
        },
      ),
    );
    // Published, matching 用电, but for the outsider only: the consumer must never see or count it.
    entries.hidden = await publish(aPublication('outsider-only', { visibility: { scope: 'named', participants: [outsider.id] } }, { title: { 'zh-CN': '定向用电明细', en: 'Targeted electricity details' } }));
    // Shared on conditions: waits for a person.
    entries.pending = await publish(aPublication('park-load', {}, { shareAttribute: 'conditional', title: { 'zh-CN': '园区用电负荷', en: 'Industrial park electricity load' } }));
    // Core data: refused by the automatic review.
    entries.core = await publish(aPublication('grid-core', {}, { classification: { level: 'core' }, title: { 'zh-CN': '电网调度核心数据', en: 'Grid dispatch core data' } }));
    expect([entries.sandbox, entries.api, entries.hidden, entries.pending, entries.core].map((e) => e.status)).toEqual(['published', 'published', 'published', 'pending_review', 'rejected']);

    base = await operator.node.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await operator?.close();
  });

  it('lets a consumer search in Chinese, filter by a facet and read an entry with its dictionary, never showing what it may not see', async () => {
    // The operator's staff find three published entries for 用电; the consumer may see two.
    const staffView = (await api.request('GET', `/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, { headers: bearer(staffToken) })).body as { total: number; items: Array<{ id: string }> };
    expect(staffView.items.map((i) => i.id)).toContain(entries.hidden.id);
    expect(staffView.total).toBe(3);

    const page = await browser.page();
    await logIn(page, base, users.consumer);
    await page.getByRole('link', { name: '资源目录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/catalog');
    await page.locator('#catalog-q').fill('用电');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('用电');
    await expect.poll(() => totalShown(page)).toBe('2');
    await page.getByText('共找到 2 个资源').waitFor();

    const card = page.locator(`article[data-entry="${entries.sandbox.id}"]`);
    await card.getByRole('link', { name: '企业用电数据' }).waitFor();
    await card.getByText('省电力公司').waitFor();
    await card.getByText('一般数据 3 级').waitFor();
    await card.getByText('先用后付').waitFor();
    await page.locator(`article[data-entry="${entries.api.id}"]`).getByText('按次计费').waitFor();
    // Neither the entry named for the outsider nor the pending one shows, and the counts leave them out.
    await expect(page.locator(`article[data-entry="${entries.hidden.id}"]`).count()).resolves.toBe(0);
    await expect(page.locator(`article[data-entry="${entries.pending.id}"]`).count()).resolves.toBe(0);
    await expect(page.locator('[data-facet="provider"] .facet-count').first().textContent()).resolves.toBe('2');
    await expect(page.locator('[data-facet="provider"] .facet-label').first().textContent()).resolves.toBe('省电力公司');
    await reviewScreenshot(page, `catalog search zh-CN ${kind}`);

    // Facet: access mode 沙箱 narrows to one entry; the filter is kept in the address.
    const sandbox = page.locator('[data-facet="accessMode"] label').filter({ hasText: '沙箱' });
    await expect(sandbox.locator('.facet-count').textContent()).resolves.toBe('1');
    await sandbox.locator('input[type=checkbox]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('accessMode')).toBe('sandbox');
    await expect.poll(() => totalShown(page)).toBe('1');
    await expect(page.locator('article[data-entry]').count()).resolves.toBe(1);
    await page.getByRole('button', { name: '移除条件：访问模式: 沙箱' }).waitFor();
    await reviewScreenshot(page, `catalog facet zh-CN ${kind}`);

    // The reload keeps the search and filter.
    await page.reload();
    await expect.poll(() => totalShown(page)).toBe('1');
    await expect(page.locator('#catalog-q').inputValue()).resolves.toBe('用电');

    // The entry: metadata, offers and the data dictionary with PII and vocabulary terms.
    await card.getByRole('link', { name: '企业用电数据' }).click();
    await expect.poll(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(`/catalog/entry/${entries.sandbox.id}`);
    await page.locator('.page-title').getByText('企业用电数据').waitFor();
    const dictionary = page.getByTestId('dictionary');
    await dictionary.locator('tr[data-field="kwh"]').getByText('用电量').waitFor();
    await dictionary.locator('tr[data-field="kwh"]').getByText('kW.h').waitFor();
    await dictionary.locator('tr[data-field="contact_phone"]').getByText('电话号码').waitFor();
    await dictionary.locator('tr[data-field="uscc"]').getByText('统一社会信用代码').first().waitFor();
    await dictionary.locator('tr[data-field="uscc"]').getByText('tds:uscc').waitFor();
    await page.locator('tr[data-offer="electricity-2024-offer"]').getByText('先用后付').waitFor();
    await page.getByText('有条件共享').or(page.getByText('无条件共享')).first().waitFor();
    // A consumer gets neither the review nor the history.
    await expect(page.locator('[data-review]').count()).resolves.toBe(0);
    await expect(page.getByText('版本与审核记录').count()).resolves.toBe(0);
    await reviewScreenshot(page, `catalog entry zh-CN ${kind}`);

    // DCAT metadata downloads carry the session's token.
    const [jsonld] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-format="jsonld"]').click()]);
    expect(jsonld.suggestedFilename()).toMatch(/\.jsonld$/);
    expect(JSON.parse(await readFile((await jsonld.path()) ?? '', 'utf8'))).toMatchObject({ '@id': entries.sandbox.id });
    const [turtle] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-format="turtle"]').click()]);
    await expect(readFile((await turtle.path()) ?? '', 'utf8')).resolves.toContain('dcat:Dataset');

    // In English the title and the labels follow.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.page-title').getByText('Enterprise electricity consumption').waitFor();
    await page.getByTestId('dictionary').locator('tr[data-field="contact_phone"]').getByText('Phone number').waitFor();
    await page.getByText('Pay after use').first().waitFor();
    await reviewScreenshot(page, `catalog entry en ${kind}`);

    // Asked for directly, the hidden entry is not found.
    await page.goto(`${base}/catalog/entry/${encodeURIComponent(entries.hidden.id)}`);
    await page.getByRole('alert').getByText('catalog.entry-not-found', { exact: false }).waitFor();
  });

  it('lets a reviewer approve a pending entry from the review queue', async () => {
    const page = await browser.page();
    await logIn(page, base, users.reviewer);
    await page.getByRole('link', { name: '目录审核' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/catalog/reviews');
    const row = page.locator(`tr[data-entry="${entries.pending.id}"]`);
    await row.getByText('待审核').waitFor();
    await row.getByText('资源为有条件共享').waitFor();
    await expect(page.locator('tbody tr[data-entry]').count()).resolves.toBe(1);
    await reviewScreenshot(page, `catalog review queue ${kind}`);

    await row.getByRole('link', { name: '园区用电负荷' }).click();
    await expect.poll(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(`/catalog/reviews/${entries.pending.id}`);
    await page.locator('[data-review="automatic"]').getByText('通过').first().waitFor();
    await page.locator('[data-review="manual"]').getByText('等待审核员审核').waitFor();

    // Rejecting needs a reason: the dialog refuses to send it empty.
    await page.locator('button[data-decision="reject"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('button[type=submit]').click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('button[data-decision="approve"]').click();
    await dialog.locator('#decision-reason').fill('有条件共享的条件明确，同意发布。');
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已审核通过，资源已发布').waitFor();
    await page.locator('.page-title').getByText('已发布').waitFor();
    await page.locator('[data-review="manual"]').getByText('有条件共享的条件明确，同意发布。').waitFor();
    await page.getByText('人工审核').first().waitFor();
    await reviewScreenshot(page, `catalog review approved ${kind}`);

    await page.getByRole('link', { name: '← 返回目录审核' }).click();
    await page.getByText('没有待审核的资源').waitFor();
    const consumer = await api.login(users.consumer, password);
    const found = await api.request('GET', `/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, { headers: bearer(consumer) });
    expect(found.body.total).toBe(3);
  });

  it("shows the provider its own entries with the review's findings in its language", async () => {
    const page = await browser.page();
    await logIn(page, base, users.provider);
    await page.getByRole('link', { name: '我的发布' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/catalog/mine');
    const core = page.locator(`[data-entry="${entries.core.id}"]`);
    await core.getByText('已驳回').waitFor();
    await core.locator('[data-rule="review.core-data"]').getByText('核心数据不得发布到资源目录', { exact: false }).waitFor();
    await page.locator(`[data-entry="${entries.hidden.id}"]`).getByText('已发布').waitFor();
    await reviewScreenshot(page, `catalog mine zh-CN ${kind}`);

    await page.getByRole('button', { name: 'English' }).click();
    await core.locator('[data-rule="review.core-data"]').getByText('Core data may never be published to the catalog', { exact: false }).waitFor();
    await core.getByText('Rejected').first().waitFor();

    // Its own entry's page carries the review and the history.
    await core.getByRole('link', { name: 'Grid dispatch core data' }).click();
    await page.getByText('Versions and reviews').waitFor();
    await page.getByTestId('versions').locator('tr[data-version="1"]').waitFor();
    await page.getByText('Automatic review').first().waitFor();
    await reviewScreenshot(page, `catalog mine entry en ${kind}`);
  });
});
