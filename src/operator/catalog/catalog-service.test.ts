import jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCatalogEntry } from '../../core/metadata/catalog-entry-fixtures.js';
import { aPiiScan, anOfferPolicy } from '../../core/catalog/fixtures/publication-fixtures.js';
import type { Visibility } from '../../core/catalog/catalog-visibility.js';
import type { PublicationInput } from './catalog-service.js';
import { anOperator, ledgerSettled, type OperatorFixture } from '../../../test/support/operator-fixture.js';
import { admin, bearer, operatorApi } from '../../../test/support/operator-api.js';
import { aUscc } from '../../../test/support/participant-fixtures.js';
import { databaseKinds } from '../../../test/support/test-databases.js';

function aPublicationInput(resource: string, overrides: Partial<PublicationInput> = {}, entry: Record<string, unknown> = {}): PublicationInput {
  const { id: _id, ...base } = aCatalogEntry({ shareAttribute: 'unconditional', ...entry });
  return { resource, entry: base, offers: [{ id: `${resource}-offer`, accessMode: 'sandbox', priceModel: 'payAfterUse', policy: anOfferPolicy() }], visibility: { scope: 'members' }, piiScan: aPiiScan(), ...overrides };
}

describe.each(databaseKinds)('the catalog on %s', (kind) => {
  let fixture: OperatorFixture;
  let api: ReturnType<typeof operatorApi>;
  let provider: Awaited<ReturnType<typeof api.admitted>>;
  let bank: Awaited<ReturnType<typeof api.admitted>>;
  let other: Awaited<ReturnType<typeof api.admitted>>;

  beforeEach(async () => {
    fixture = await anOperator(kind);
    api = operatorApi(fixture.node);
    provider = await api.admitted({ name: '省电力公司', industry: 'D44', region: '410100', roles: ['provider'] });
    bank = await api.admitted({ name: '城商银行', industry: 'J66', region: '410100', roles: ['consumer'] });
    other = await api.admitted({ name: '外省科技公司', industry: 'I65', region: '330100', uscc: aUscc('9', '1', '330100'), roles: ['consumer'] });
  });
  afterEach(() => fixture.close());

  const publish = (resource: string, overrides: Partial<PublicationInput> = {}, entry: Record<string, unknown> = {}) =>
    fixture.node.catalog.publish(provider.id, `did:test:${provider.id}`, aPublicationInput(resource, overrides, entry));
  const search = async (session: string, query: string) => (await api.request('GET', `/api/v1/catalog/search?${query}`, { headers: bearer(session) })).body;

  it('publishes an entry that passes the review and finds it by a two-character Chinese word, an English prefix and a facet', async () => {
    const record = await publish('electricity-2024');
    expect(record).toMatchObject({ status: 'published', version: 1, id: `urn:tds:tds.test.space:${provider.id}:electricity-2024` });
    expect(record.entry.publisher).toMatchObject({ id: provider.id, name: '省电力公司' });

    const byWord = await search(bank.session, `q=${encodeURIComponent('用电')}`);
    expect(byWord.total).toBe(1);
    expect(byWord.items[0]).toMatchObject({ id: record.id, provider: { id: provider.id, name: '省电力公司' }, accessModes: ['sandbox'], priceModels: ['payAfterUse'] });
    expect((await search(bank.session, 'q=electr')).total).toBe(1);
    expect((await search(bank.session, `q=${encodeURIComponent('电')}`)).total).toBe(1);
    expect((await search(bank.session, `q=${encodeURIComponent('用水')}`)).total).toBe(0);
    expect(byWord.facets.industry).toEqual(expect.arrayContaining([{ value: 'D', count: 1 }, { value: 'D44', count: 1 }]));
    expect(byWord.facets.region).toEqual(expect.arrayContaining([{ value: '410000', count: 1 }]));
    expect(byWord.facets.provider).toEqual([{ value: provider.id, count: 1, label: '省电力公司' }]);
    expect((await search(bank.session, 'industry=D&classification=general-3&accessMode=sandbox')).total).toBe(1);
    expect((await search(bank.session, 'industry=J')).total).toBe(0);
    // Discovery by concept: the uscc field is found by its concept and by the broader one.
    expect((await search(bank.session, 'concept=tds:uscc')).total).toBe(1);
    expect((await search(bank.session, 'concept=tds:enterprise-identifier')).total).toBe(1);
    expect((await search(bank.session, 'concept=tds:address')).total).toBe(0);
  });

  it('never shows or counts an entry to a participant outside its visibility, and answers 404 for it', async () => {
    await publish('open', { visibility: { scope: 'members' } });
    const named = await publish('for-bank', { visibility: { scope: 'named', participants: [bank.id] } });
    const local = await publish('henan-only', { visibility: { scope: 'restricted', regions: ['410000'], roles: ['consumer'] } });
    const finance = await publish('finance-only', { visibility: { scope: 'restricted', industries: ['J'] } });

    const seenBy = async (session: string) => (await search(session, `q=${encodeURIComponent('企业')}`)) as { total: number; items: Array<{ id: string }>; facets: Record<string, Array<{ count: number }>> };
    const bankView = await seenBy(bank.session);
    const otherView = await seenBy(other.session);
    expect(bankView.total).toBe(4);
    expect(otherView.total).toBe(1);
    expect(otherView.items.map((i) => i.id)).not.toContain(named.id);
    expect(otherView.facets.provider?.[0]?.count).toBe(1);
    for (const hidden of [named, local, finance]) {
      const read = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(hidden.id)}`, { headers: bearer(other.session) });
      expect(read.status).toBe(404);
      expect(read.body.code).toBe('catalog.entry-not-found');
    }
    expect((await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(named.id)}`, { headers: bearer(bank.session) })).status).toBe(200);
    // The provider and the operator's staff see everything of theirs / everything.
    expect((await seenBy(provider.session)).total).toBe(4);
    const auditor = await api.createStaff('auditor1', ['auditor']);
    expect((await seenBy(auditor)).total).toBe(4);
  });

  it('sends a publication needing a person to the review queue, and publishes it on approval with evidence', async () => {
    const pending = await publish('conditional', {}, { shareAttribute: 'conditional' });
    expect(pending.status).toBe('pending_review');
    expect(pending.review?.manual?.reasons).toContain('review.manual.conditional-share');
    expect((await search(bank.session, `q=${encodeURIComponent('用电')}`)).total).toBe(0);

    const reviewer = await api.createStaff('reviewer1', ['reviewer']);
    const queue = await api.request('GET', '/api/v1/catalog/reviews', { headers: bearer(reviewer) });
    expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual([pending.id]);
    const refused = await api.request('POST', `/api/v1/catalog/entries/${encodeURIComponent(pending.id)}/review`, { headers: bearer(reviewer), body: { decision: 'reject' } });
    expect(refused.status).toBe(400);
    const approved = await api.request('POST', `/api/v1/catalog/entries/${encodeURIComponent(pending.id)}/review`, { headers: bearer(reviewer), body: { decision: 'approve' } });
    expect(approved.body).toMatchObject({ status: 'published', review: { manual: { outcome: 'approved' } } });
    expect((await search(bank.session, `q=${encodeURIComponent('用电')}`)).total).toBe(1);
    const again = await api.request('POST', `/api/v1/catalog/entries/${encodeURIComponent(pending.id)}/review`, { headers: bearer(reviewer), body: { decision: 'approve' } });
    expect(again.status).toBe(409);

    const history = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(pending.id)}/history`, { headers: bearer(provider.session) });
    expect(history.body.reviews.map((r: { stage: string; outcome: string }) => `${r.stage}:${r.outcome}`)).toEqual(['automatic:passed', 'manual:approved']);
    await ledgerSettled(fixture);
    const types = (await fixture.database.db.selectFrom('ledger_leaf').select('leaf').orderBy('idx').execute()).map((l) => JSON.parse(Buffer.from(l.leaf).toString('utf8')).type as string);
    expect(types.filter((t) => t.startsWith('catalog.'))).toEqual(['catalog.published', 'catalog.reviewed']);
  });

  it('indexes only the distributions the offers’ policies allow: a sandbox-only entry lists no download', async () => {
    const distributions = [
      { title: { 'zh-CN': '文件下载' }, accessUrl: 'https://connector.grid.example.cn/dsp', format: 'CSV', accessMode: 'download' },
      { title: { 'zh-CN': '沙箱计算' }, accessUrl: 'https://connector.grid.example.cn/dsp', format: 'CSV', accessMode: 'sandbox' },
    ];
    const record = await publish('sandbox-only', {}, { distributions });
    expect(record.status).toBe('published');
    expect(record.entry.distributions?.map((d) => d.accessMode)).toEqual(['sandbox']);
    expect(record.offers[0]!.policy).toMatchObject({ permission: [{ constraint: [{ leftOperand: 'deliveryChannel', rightOperand: 'sandbox' }] }] });
  });

  it('holds important data offered beyond the sandbox for a named reviewer, and records who approved which channels', async () => {
    const important = { classification: { level: 'important' } };
    const sandboxOnly = await publish('important-sandbox', {}, important);
    expect(sandboxOnly.review?.manual?.reasons).not.toContain('review.manual.important-data-channel');

    const download = [{ id: 'download', accessMode: 'download' as const, priceModel: 'free' as const, policy: anOfferPolicy('urn:tds:offer:important:download') }];
    const pending = await publish('important-download', { offers: download }, { ...important, distributions: [{ title: { 'zh-CN': '文件下载' }, accessUrl: 'https://connector.grid.example.cn/dsp', format: 'CSV', accessMode: 'download' }] });
    expect(pending.review?.automatic.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(pending.status).toBe('pending_review');
    expect(pending.review?.manual?.reasons).toContain('review.manual.important-data-channel');
    const review = (headers: Record<string, string>) => api.request('POST', `/api/v1/catalog/entries/${encodeURIComponent(pending.id)}/review`, { headers, body: { decision: 'approve' } });
    // The bootstrap token names nobody, so it cannot approve this.
    const anonymous = await review(admin);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.code).toBe('auth.forbidden');

    const reviewer = await api.createStaff('wang.reviewer', ['reviewer']);
    const approved = await review(bearer(reviewer));
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.review.manual).toMatchObject({ outcome: 'approved', approvedBy: { id: expect.any(String), name: 'wang.reviewer' }, approvedChannels: ['download'] });
    const history = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(pending.id)}/history`, { headers: bearer(provider.session) });
    const manual = history.body.reviews.find((r: { stage: string }) => r.stage === 'manual');
    expect(manual.findings).toEqual([expect.objectContaining({ rule: 'review.manual.important-data-channel', detail: expect.objectContaining({ 'zh-CN': expect.stringContaining('wang.reviewer（') }) })]);
  });

  it('refuses core data and records why, and keeps the live version when a new one fails the review', async () => {
    const core = await publish('core', {}, { classification: { level: 'core' } });
    expect(core.status).toBe('rejected');
    expect(core.review?.automatic.findings.map((f) => f.rule)).toContain('review.core-data');
    expect((await search(bank.session, `q=${encodeURIComponent('用电')}`)).total).toBe(0);

    const live = await publish('live');
    const failing = await publish('live', {}, { license: undefined });
    expect(failing).toMatchObject({ status: 'published', version: 1 });
    expect(failing.review?.automatic.outcome).toBe('failed');
    expect((await search(bank.session, `q=${encodeURIComponent('用电')}`)).items.map((i: { id: string }) => i.id)).toEqual([live.id]);
  });

  it('tells readers of an older version about the new one, and about withdrawal; a withdrawn URN resolves as withdrawn', async () => {
    const v1 = await publish('versions');
    const read = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(v1.id)}`, { headers: bearer(bank.session) });
    expect(read.body).toMatchObject({ version: 1, latestVersion: 1 });
    expect(read.body.review).toBeUndefined();
    const v2 = await publish('versions', {}, { title: { 'zh-CN': '企业用电数据（第二版）', en: 'Enterprise electricity, v2' } });
    expect(v2.version).toBe(2);
    const notices = await api.request('GET', '/api/v1/catalog/notices', { headers: bearer(bank.session) });
    expect(notices.body.items).toEqual([expect.objectContaining({ entryId: v1.id, fromVersion: 1, toVersion: 2, kind: 'new-version', read: false })]);
    const old = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(v1.id)}?version=1`, { headers: bearer(bank.session) });
    expect(old.body).toMatchObject({ version: 1, latestVersion: 2, entry: { title: { 'zh-CN': '企业用电数据' } } });

    await fixture.node.catalog.withdraw(v1.id, provider.id, 'provider', 'retired');
    const resolved = await api.request('GET', `/api/v1/catalog/resolve?id=${encodeURIComponent(v1.id)}`, { headers: bearer(bank.session) });
    expect(resolved.body).toMatchObject({ id: v1.id, status: 'withdrawn', provider: { id: provider.id } });
    expect((await search(bank.session, `q=${encodeURIComponent('用电')}`)).total).toBe(0);
    await expect(publish('versions')).rejects.toMatchObject({ code: 'catalog.invalid-transition' });
  });

  it('judges ?version=N by version N\'s own visibility: a bank-only v4 stays hidden from others after a public v5', async () => {
    const edition = (n: number) => ({ title: { 'zh-CN': `企业用电数据（第${n}版）`, en: `Enterprise electricity, v${n}` } });
    for (let n = 1; n <= 3; n++) await publish('editions', { visibility: { scope: 'members' } }, edition(n));
    await publish('editions', { visibility: { scope: 'named', participants: [bank.id] } }, edition(4));
    const v5 = await publish('editions', { visibility: { scope: 'public' } }, edition(5));
    expect(v5.version).toBe(5);
    const read = (session: string, version?: number) =>
      api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(v5.id)}${version ? `?version=${version}` : ''}`, { headers: bearer(session) });
    expect((await read(other.session)).status).toBe(200);
    const hidden = await read(other.session, 4);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'catalog.entry-not-found']);
    expect(JSON.stringify(hidden.body)).not.toContain('第4版');
    // Turtle and JSON-LD go through the same gate.
    const asTurtle = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(v5.id)}?version=4`, { headers: { ...bearer(other.session), accept: 'text/turtle' } });
    expect(asTurtle.status).toBe(404);
    expect((await read(other.session, 3)).body).toMatchObject({ version: 3, latestVersion: 5 });
    expect((await read(bank.session, 4)).body).toMatchObject({ version: 4, entry: { title: { 'zh-CN': '企业用电数据（第4版）' } } });
    expect((await read(provider.session, 4)).status).toBe(200);
  });

  it('serves an entry as DCAT JSON-LD and Turtle on request, and refuses formats it has not', async () => {
    const record = await publish('formats');
    const url = `/api/v1/catalog/entries/${encodeURIComponent(record.id)}`;
    const jsonld = await fixture.node.app.inject({ method: 'GET', url, headers: { ...bearer(bank.session), accept: 'application/ld+json' } });
    expect(jsonld.headers['content-type']).toContain('application/ld+json');
    expect(JSON.parse(jsonld.body)).toMatchObject({ '@id': record.id, '@type': 'Dataset' });
    const turtle = await fixture.node.app.inject({ method: 'GET', url, headers: { ...bearer(bank.session), accept: 'text/turtle' } });
    expect(turtle.body).toContain('dcat:Dataset');
    const refused = await fixture.node.app.inject({ method: 'GET', url, headers: { ...bearer(bank.session), accept: 'application/xml' } });
    expect(refused.statusCode).toBe(406);
  });

  it('exports what a search finds as a CSV catalog sheet and a DCAT catalog, and nothing hidden from the caller', async () => {
    await publish('open');
    await publish('hidden', { visibility: { scope: 'named', participants: [provider.id] } });
    const sheet = await fixture.node.app.inject({ method: 'GET', url: `/api/v1/catalog/export?q=${encodeURIComponent('用电')}`, headers: { ...bearer(other.session), accept: 'text/csv' } });
    const lines = sheet.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toContain('目录名称');
    expect(lines).toHaveLength(2);
    const catalog = await fixture.node.app.inject({ method: 'GET', url: '/api/v1/catalog/export', headers: { ...bearer(other.session), accept: 'application/ld+json' } });
    const exported = JSON.parse(catalog.body) as Record<string, unknown>;
    expect(exported).toMatchObject({ '@type': 'dcat:Catalog', 'dcat:dataset': [{ '@id': expect.stringContaining(':open') }] });
    // Its context is inline: an unmodified processor expands it, dropping nothing, resolving nothing.
    const refuse = async (url: string) => {
      throw new Error(`nothing should be fetched: ${url}`);
    };
    const [expanded] = (await jsonld.expand(exported as JsonLdDocument, { documentLoader: refuse, safe: true } as unknown as Options.Expand)) as Array<Record<string, unknown>>;
    expect(expanded!['@type']).toEqual(['http://www.w3.org/ns/dcat#Catalog']);
    expect(expanded!['http://www.w3.org/ns/dcat#dataset']).toHaveLength(1);
    expect((await fixture.node.app.inject({ method: 'GET', url: '/api/v1/catalog/export', headers: { ...bearer(other.session), accept: 'text/html' } })).statusCode).toBe(406);
  });

  it('publishes one version when two first publications of a resource race, and refuses the other as a conflict', async () => {
    const results = await Promise.allSettled([publish('race'), publish('race')]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'catalog.version-conflict' });
    const history = await api.request('GET', `/api/v1/catalog/entries/${encodeURIComponent(`urn:tds:tds.test.space:${provider.id}:race`)}/history`, { headers: bearer(provider.session) });
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual(fulfilled.length === 2 ? [1, 2] : [1]);
  });

  it('refuses publication by a participant without the provider role', async () => {
    await expect(fixture.node.catalog.publish(bank.id, 'x', aPublicationInput('nope'))).rejects.toMatchObject({ code: 'catalog.not-provider' });
    const visibility: Visibility = { scope: 'public' };
    await expect(fixture.node.catalog.publish(provider.id, 'x', aPublicationInput('bad name!', { visibility }))).rejects.toMatchObject({ code: 'catalog.entry-invalid' });
  });
});
