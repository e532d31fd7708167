import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFieldCipher, generateFieldKey } from '../../core/crypto/field-cipher.js';
import { hashSecretToken } from '../../core/crypto/secret-token.js';
import { openDatabase, type Database } from '../../store/database.js';
import { createConnectorNode, type ConnectorNode } from '../connector-node.js';
import { FileKeyStore } from '../identity/file-key-store.js';
import { aFile, anSqliteFile, aTempDir, removeTempDirs } from './readers/reader-fixtures.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/test-databases.js';

const apiKey = 'tds_key_asset-tests';
const auth = { authorization: `Bearer ${apiKey}` };
const csv = '统一社会信用代码,月份,用电量,联系电话\n91410100MA3X0P7E1X,2024-01,1200.5,13800001111\n91410100MA44C8R2X3,2024-02,980,13800002222\n';

describe.each(databaseKinds)('the asset registry API on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let node: ConnectorNode;
  let sources: string;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.url);
    const dir = await aTempDir();
    sources = await aTempDir();
    node = await createConnectorNode({
      name: 'utility',
      operatorUrl: 'http://127.0.0.1:9',
      database,
      apiKeyDigests: [hashSecretToken(apiKey)],
      keyStore: new FileKeyStore(path.join(dir, 'identity-key.pem')),
      publicUrl: 'http://connector.test',
      directories: { uploads: path.join(dir, 'uploads'), sources },
      secretCipher: createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', generateFieldKey()]]), currentKeyId: 'k1' }),
      logger: false,
    });
    await node.app.ready();
  });
  afterEach(async () => {
    await node.app.close();
    await database.close();
    await testDb.drop();
    await removeTempDirs();
  });

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    node.app.inject({ method, url, headers: { ...auth, ...headers }, ...(payload === undefined ? {} : { payload: payload as string }) });
  const upload = (name: string, body: string) => inject('POST', `/api/v1/assets/uploads?name=${encodeURIComponent(name)}`, body, { 'content-type': 'text/csv' });

  it('uploads a CSV and infers its dictionary; an empty or untyped upload is refused with problem+json', async () => {
    const created = await upload('企业用电数据', csv);
    expect(created.statusCode, created.body).toBe(201);
    const asset = created.json();
    expect(asset.entry.dictionary.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual(['统一社会信用代码:string', '月份:yearmonth', '用电量:number', '联系电话:string']);
    expect(asset.source).toMatchObject({ kind: 'file', format: 'csv', uploaded: true, byteSize: Buffer.byteLength(csv), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await inject('GET', `/api/v1/assets/${asset.id}/preview?rows=1`)).json()).toEqual({ columns: ['统一社会信用代码', '月份', '用电量', '联系电话'], rows: [expect.objectContaining({ 月份: '2024-01' })] });

    const empty = await upload('空文件', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    const untyped = await inject('POST', '/api/v1/assets/uploads?name=x', 'a,b\n1,2\n', { 'content-type': 'text/plain' });
    expect(untyped.statusCode).toBe(415);
    const json = await inject('POST', '/api/v1/assets/uploads?name=x&format=csv', JSON.stringify({ a: 1 }), { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    expect((await upload('企业用电数据', csv)).json().code).toBe('asset.name-taken');
    expect((await inject('GET', '/api/v1/assets')).json().items).toHaveLength(1);
  });

  it('registers a table of a SQLite database and keeps its location out of every answer', async () => {
    const file = await anSqliteFile('CREATE TABLE loans (uscc TEXT, amount REAL); INSERT INTO loans VALUES (\'91410100MA3X0P7E1X\', 100.5);');
    const created = await inject('POST', '/api/v1/assets', { name: '贷款', source: { kind: 'table', engine: 'sqlite', url: file, table: 'loans' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().entry.dictionary.fields.map((f: { name: string }) => f.name)).toEqual(['uscc', 'amount']);
    const missing = await inject('POST', '/api/v1/assets', { name: '不存在', source: { kind: 'table', engine: 'sqlite', url: file, table: 'nope' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'asset.source-unreadable', errors: [{ pointer: '/source', detail: expect.stringContaining('source.not-found') }] });
  });

  it('keeps an HTTP API auth header encrypted: used to read, never returned', async () => {
    const server = http.createServer((request, response) => {
      const ok = request.headers['x-api-key'] === 'very-secret-value';
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? JSON.stringify({ data: [{ uscc: '91410100MA3X0P7E1X', score: 700 }] }) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const created = await inject('POST', '/api/v1/assets', { name: '信用分接口', source: { kind: 'http-api', baseUrl, samplePath: '/scores', authHeader: { name: 'X-Api-Key', value: 'very-secret-value' } } });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ entry: { kind: 'dataService' }, source: { authHeaderName: 'X-Api-Key' } });
      const id = created.json().id;
      for (const answer of [created, await inject('GET', `/api/v1/assets/${id}`), await inject('GET', '/api/v1/assets'), await inject('POST', `/api/v1/assets/${id}/inference`)]) {
        expect(answer.body).not.toContain('very-secret-value');
      }
      const stored = await database.db.selectFrom('asset').select('secret_cipher').where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored.secret_cipher).not.toContain('very-secret-value');
      expect((await inject('GET', `/api/v1/assets/${id}/preview`)).json().rows).toEqual([{ uscc: '91410100MA3X0P7E1X', score: 700 }]);
    } finally {
      server.close();
    }
  });

  it('refuses a file source outside the source directory', async () => {
    await aFile('elsewhere.csv', csv);
    const escaping = await inject('POST', '/api/v1/assets', { name: 'x', source: { kind: 'file', format: 'csv', path: '../../etc/passwd' } });
    expect(escaping.statusCode).toBe(400);
    expect(escaping.json().code).toBe('asset.source-unreadable');
  });

  it('versions every edit, keeps what the provider wrote on re-inference, and refuses a stale or invalid edit', async () => {
    const asset = (await upload('企业用电数据', csv)).json();
    const fields = asset.entry.dictionary.fields.map((f: { name: string }) => (f.name === '用电量' ? { ...f, unit: 'kW.h', title: { 'zh-CN': '用电量', en: 'Consumption' } } : f));
    const edited = await inject('PATCH', `/api/v1/assets/${asset.id}`, { version: 1, entry: { dictionary: { ...asset.entry.dictionary, fields } }, classification: { level: 'general', grade: 3 } });
    expect(edited.json()).toMatchObject({ version: 2, entry: { classification: { level: 'general', grade: 3 } } });
    const withLicence = await inject('PATCH', `/api/v1/assets/${asset.id}`, { entry: { license: 'https://example.org/l' } });
    expect(withLicence.json().entry.license).toBe('https://example.org/l');
    const cleared = await inject('PATCH', `/api/v1/assets/${asset.id}`, { version: 3, clear: ['license'] });
    expect(cleared.json().entry.license).toBeUndefined();
    expect((await inject('PATCH', `/api/v1/assets/${asset.id}`, { clear: ['title'] })).statusCode).toBe(400);
    expect((await inject('PATCH', `/api/v1/assets/${asset.id}`, { version: 1, entry: {} })).json().code).toBe('asset.version-conflict');
    const below = await inject('PATCH', `/api/v1/assets/${asset.id}`, { classification: { level: 'general', grade: 1, assessment: [{ object: 'national-security', degree: 'serious' }] } });
    expect(below.statusCode).toBe(400);
    expect(below.json()).toMatchObject({ code: 'asset.invalid', errors: [{ pointer: '/classification/level' }] });
    const reinferred = (await inject('POST', `/api/v1/assets/${asset.id}/inference`)).json();
    expect(reinferred.version).toBe(5);
    expect(reinferred.entry.dictionary.fields.find((f: { name: string }) => f.name === '用电量')).toMatchObject({ unit: 'kW.h', title: { en: 'Consumption' }, statistics: { rows: 2 } });
    expect((await inject('GET', `/api/v1/assets/${asset.id}/versions`)).json().items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('exports the description as Turtle, JSON-LD and a catalog sheet, and imports each back without loss', async () => {
    const asset = (await upload('企业用电数据', csv)).json();
    await inject('PATCH', `/api/v1/assets/${asset.id}`, { entry: { title: { 'zh-CN': '企业用电数据', en: 'Enterprise electricity' }, description: { 'zh-CN': '月度用电量' }, license: 'https://example.org/licence', keywords: { 'zh-CN': ['用电'] }, shareAttribute: 'conditional', openAttribute: 'none', accrualPeriodicity: 'http://purl.org/cld/freq/monthly', publisher: { id: 'p_grid', name: '省电力公司' } } });
    for (const type of ['text/turtle', 'application/ld+json']) {
      const exported = await inject('GET', `/api/v1/assets/${asset.id}/metadata`, undefined, { accept: type });
      expect(exported.headers['content-type']).toContain(type);
      const imported = await inject('PUT', `/api/v1/assets/${asset.id}/metadata`, exported.body, { 'content-type': type });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json().entry).toMatchObject({ title: { 'zh-CN': '企业用电数据', en: 'Enterprise electricity' }, license: 'https://example.org/licence', keywords: { 'zh-CN': ['用电'] } });
    }
    const sheet = await inject('GET', `/api/v1/assets/${asset.id}/metadata`, undefined, { accept: 'text/csv' });
    expect(sheet.body).toContain('目录名称');
    const fromSheet = await inject('PUT', `/api/v1/assets/${asset.id}/metadata`, sheet.body, { 'content-type': 'text/csv' });
    expect(fromSheet.statusCode, fromSheet.body).toBe(200);
    expect(fromSheet.json().entry).toMatchObject({ title: { 'zh-CN': '企业用电数据' }, shareAttribute: 'conditional', openAttribute: 'none', accrualPeriodicity: 'http://purl.org/cld/freq/monthly' });
  });

  it('refuses invalid metadata with the line or pointer that is wrong', async () => {
    const asset = (await upload('企业用电数据', csv)).json();
    const turtle = await inject('PUT', `/api/v1/assets/${asset.id}/metadata`, '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<urn:x> a dcat:Dataset ;\n  dcat:keyword "unclosed .\n', { 'content-type': 'text/turtle' });
    expect(turtle.statusCode).toBe(400);
    expect(turtle.json()).toMatchObject({ code: 'catalog.import-invalid', errors: [{ pointer: expect.stringMatching(/^line \d/) }] });
    const jsonld = await inject('PUT', `/api/v1/assets/${asset.id}/metadata`, JSON.stringify({ '@context': 'https://evil.example/ctx.jsonld', '@type': 'Dataset' }), { 'content-type': 'application/ld+json' });
    expect(jsonld.json()).toMatchObject({ code: 'catalog.import-invalid', errors: [{ pointer: '/@context' }] });
    const schema = await inject('PUT', `/api/v1/assets/${asset.id}/table-schema`, { fields: [{ name: 'a', type: 'nonsense' }] });
    expect(schema.json()).toMatchObject({ code: 'catalog.import-invalid', errors: [{ pointer: '/fields/0/type' }] });
    expect((await inject('GET', `/api/v1/assets/${asset.id}`)).json().version).toBe(1);
  });
  it('refuses to publish an offer whose policy cannot be enforced, pointing into the offer, and sends nothing', async () => {
    const asset = (await upload('企业用电数据', csv)).json();
    const policy = { permission: [{ action: 'use', constraint: [{ leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: 'ten' }] }] };
    const res = await inject('POST', `/api/v1/assets/${asset.id}/publication`, { offers: [{ id: 'sandbox', accessMode: 'sandbox', priceModel: 'free', policy }], visibility: { scope: 'members' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'policy.invalid', errors: [{ pointer: '/offers/0/policy/permission/0/constraint/0/rightOperand' }] });
    expect((await inject('GET', `/api/v1/assets/${asset.id}`)).json().publication).toBeUndefined();
  });
});
