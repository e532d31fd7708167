// Publication and discovery across separate processes: an operator and two connectors, each its
// own `tds` process talking HTTP, on SQLite and PostgreSQL. The provider uploads a CSV to its
// connector, reviews the inferred dictionary, classifies and publishes it for one named
// participant; that participant finds it by a Chinese keyword through its own connector and
// reads its live offer from the provider's DSP catalog; nobody else ever sees it.
import fs from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electricityCsv } from './support/electricity-csv.js';
import { aUscc } from './support/participant-fixtures.js';
import { call, secretOf, startProcessSpace, type ProcessSpace, type SpaceNode } from './support/space-processes.js';
import { databaseKinds } from './support/test-databases.js';

const DSP = new URL('./conformance/dsp-2025-1/', import.meta.url);
const dspJson = (file: string) => JSON.parse(fs.readFileSync(new URL(file, DSP), 'utf8')) as Record<string, unknown>;

describe.each(databaseKinds)('catalog across processes on %s', (kind) => {
  let space: ProcessSpace;
  let operator: SpaceNode;
  let utility: SpaceNode;
  let bank: SpaceNode;
  const ids: Record<string, string> = {};
  let otherSession: string;
  let entryId: string;

  beforeAll(async () => {
    space = await startProcessSpace(kind, 'catalog.test');
    ({ operator, utility, bank } = space);
    Object.assign(ids, space.ids);
    // A third member without a connector searches through the operator console's API.
    const applied = await call('POST', `${operator.url}/api/v1/participants/applications`, undefined, {
      name: '其他科技公司', uscc: aUscc(), legalRepresentative: { name: '王五', idNumber: '11010519491231002X' },
      contact: { name: '赵六', phone: '13912345678', email: 'x@example.cn' }, region: '410100', industry: 'I65', roles: ['consumer'],
      account: { username: 'other-admin', password: 'Correct-Horse-9' },
    });
    const admin = secretOf(operator, 'admin-token');
    await call('POST', `${operator.url}/api/v1/participants/${applied.body.id}/start-review`, admin, {});
    await call('POST', `${operator.url}/api/v1/participants/${applied.body.id}/approve`, admin, { reason: 'ok' });
    otherSession = (await call('POST', `${operator.url}/api/v1/auth/login`, undefined, { username: 'other-admin', password: 'Correct-Horse-9' })).body.token;
  }, 180_000);

  afterAll(() => space?.stop());

  it('registers an uploaded CSV with a dictionary inferred from it: types, concepts and personal information', async () => {
    const response = await fetch(`${utility.url}/api/v1/assets/uploads?name=${encodeURIComponent('企业用电数据')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretOf(utility, 'api-key')}`, 'content-type': 'text/csv' },
      body: electricityCsv(200),
    });
    const asset = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read field by field
    expect(response.status, JSON.stringify(asset)).toBe(201);
    ids.asset = asset.id;
    const fields = Object.fromEntries(asset.entry.dictionary.fields.map((f: { name: string }) => [f.name, f]));
    expect(fields['统一社会信用代码']).toMatchObject({ type: 'string', concept: 'tds:uscc' });
    expect(fields['用电量']).toMatchObject({ type: 'number' });
    expect(fields['联系电话']).toMatchObject({ pii: { kind: 'phone', sensitive: false } });
    expect(asset.sample).toMatchObject({ rows: 200 });
    expect(asset.source).toMatchObject({ kind: 'file', format: 'csv', uploaded: true });
  });

  it('publishes the classified asset for one named participant after the automatic review', async () => {
    const key = secretOf(utility, 'api-key');
    const asset = (await call('GET', `${utility.url}/api/v1/assets/${ids.asset}`, key)).body;
    const dictionary = {
      ...asset.entry.dictionary,
      fields: asset.entry.dictionary.fields.map((f: { name: string }) => ({ ...f, title: { 'zh-CN': f.name, en: f.name }, description: { 'zh-CN': `${f.name}（月度）` } })),
    };
    const edited = await call('PATCH', `${utility.url}/api/v1/assets/${ids.asset}`, key, {
      version: asset.version,
      entry: {
        title: { 'zh-CN': '企业用电数据', en: 'Enterprise electricity consumption' },
        description: { 'zh-CN': '规模以上企业月度用电量，按统一社会信用代码汇总。', en: 'Monthly electricity consumption by enterprise.' },
        keywords: { 'zh-CN': ['用电', '能源'], en: ['electricity'] },
        license: 'https://w3id.org/trustspace/licence/restricted-1.0',
        contactPoint: { name: '数据服务部', email: 'data@grid.example.cn' },
        spatial: ['410000'],
        dictionary,
      },
      classification: { level: 'general', grade: 2, assessment: [{ object: 'organisation-rights', degree: 'general' }] },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: asset.version + 1, entry: { classification: { level: 'general', grade: 2 } } });
    const stale = await call('PATCH', `${utility.url}/api/v1/assets/${ids.asset}`, key, { version: asset.version, entry: { title: { 'zh-CN': 'x' } } });
    expect(stale.body.code).toBe('asset.version-conflict');

    const published = await call('POST', `${utility.url}/api/v1/assets/${ids.asset}/publication`, key, {
      offers: [{ id: 'sandbox', accessMode: 'sandbox', priceModel: 'payAfterUse' }],
      visibility: { scope: 'named', participants: [ids.bank] },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body, JSON.stringify(published.body.review?.automatic.findings)).toMatchObject({ status: 'published', version: 1, review: { automatic: { outcome: 'passed' } } });
    entryId = published.body.entryId;
    expect(entryId).toBe(`urn:tds:catalog.test:${ids.utility}:${ids.asset}`);
  });

  it('lets the named participant find it by a Chinese keyword through its own connector, and nobody else', async () => {
    const found = await call('GET', `${bank.url}/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, secretOf(bank, 'api-key'));
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ id: entryId, provider: { name: '省电力公司' } });

    const other = await call('GET', `${operator.url}/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, otherSession);
    expect(other.body.total).toBe(0);
    expect(other.body.facets).toEqual({});
    expect((await call('GET', `${operator.url}/api/v1/catalog/entries/${encodeURIComponent(entryId)}`, otherSession)).status).toBe(404);
  });

  it('serves the entry as DCAT JSON-LD through the consumer connector, and its live offer from the provider’s DSP catalog', async () => {
    const jsonld = await fetch(`${bank.url}/api/v1/catalog/entries/${encodeURIComponent(entryId)}`, { headers: { authorization: `Bearer ${secretOf(bank, 'api-key')}`, accept: 'application/ld+json' } });
    expect(jsonld.headers.get('content-type')).toContain('application/ld+json');
    expect(await jsonld.json()).toMatchObject({ '@id': entryId, '@type': 'Dataset', title: expect.anything() });

    const offers = await call('GET', `${bank.url}/api/v1/catalog/entries/${encodeURIComponent(entryId)}/offers`, secretOf(bank, 'api-key'));
    expect(offers.status, JSON.stringify(offers.body)).toBe(200);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addSchema(dspJson('common/context-schema.json'));
    ajv.addSchema(dspJson('negotiation/contract-schema.json'));
    const validate = ajv.compile(dspJson('catalog/dataset-schema.json'));
    expect(validate(offers.body), JSON.stringify(validate.errors)).toBe(true);
    expect(offers.body.hasPolicy[0]).toMatchObject({ '@type': 'Offer', permission: [{ action: 'use' }] });
    expect((await call('GET', `${utility.url}/.well-known/dspace-version`)).body.protocolVersions[0]).toMatchObject({ version: '2025-1', path: '/dsp' });
  });

  it('takes the entry off the catalog when the provider unpublishes it', async () => {
    const unpublished = await call('POST', `${utility.url}/api/v1/assets/${ids.asset}/publication/unpublish`, secretOf(utility, 'api-key'), { reason: '数据更新中' });
    expect(unpublished.body.status).toBe('unpublished');
    expect((await call('GET', `${bank.url}/api/v1/catalog/search?q=${encodeURIComponent('用电')}`, secretOf(bank, 'api-key'))).body.total).toBe(0);
  });
});
