import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher, generateFieldKey } from '../../core/crypto/field-cipher.js';
import { hashSecretToken } from '../../core/crypto/secret-token.js';
import { parsePolicy } from '../../core/policy/index.js';
import { openDatabase, type Database } from '../../store/database.js';
import { createConnectorNode, type ConnectorNode } from '../connector-node.js';
import { FileKeyStore } from '../identity/file-key-store.js';
import { aTempDir, removeTempDirs } from '../assets/readers/reader-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-databases.js';

const apiKey = 'tds_key_policy-tests';

// Nothing here is stored: one database (SQLite) carries the node; publication's check runs on both in asset-routes.test.ts.
describe("the policy editor's API", () => {
  let testDb: TestDatabase;
  let database: Database;
  let node: ConnectorNode;

  beforeAll(async () => {
    testDb = await createTestDatabase('sqlite');
    database = await openDatabase(testDb.url);
    const dir = await aTempDir();
    node = await createConnectorNode({
      name: 'utility',
      operatorUrl: 'http://127.0.0.1:9',
      database,
      apiKeyDigests: [hashSecretToken(apiKey)],
      keyStore: new FileKeyStore(path.join(dir, 'identity-key.pem')),
      publicUrl: 'http://connector.test',
      directories: { uploads: path.join(dir, 'uploads'), sources: await aTempDir() },
      secretCipher: createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', generateFieldKey()]]), currentKeyId: 'k1' }),
      logger: false,
    });
    await node.app.ready();
  });
  afterAll(async () => {
    await node.app.close();
    await database.close();
    await testDb.drop();
    await removeTempDirs();
  });

  const post = (url: string, payload: unknown, token: string | null = apiKey) =>
    node.app.inject({ method: 'POST', url, headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as string });

  it('builds the sandbox template with k and a vocabulary purpose as a DSP offer with typed literals', async () => {
    const res = await post('/api/v1/policies/templates', { template: 'sandbox-aggregate', uid: 'urn:tds:offer:a:sandbox', purposes: ['credit-risk-assessment'], k: 10 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().policy).toEqual({
      '@id': 'urn:tds:offer:a:sandbox',
      '@type': 'Offer',
      permission: [{
        action: 'aggregate',
        constraint: [
          { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
          { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['credit-risk-assessment'] },
          { leftOperand: 'tds:kAnonymity', operator: 'gteq', rightOperand: { '@value': '10', '@type': 'xsd:integer' } },
          // Differential privacy by default (ADR 0011): a budget of ε = 10, Laplace noise.
          { leftOperand: 'tds:privacyBudget', operator: 'lteq', rightOperand: expect.objectContaining({ '@value': '10' }) },
          { leftOperand: 'tds:privacyMechanism', operator: 'eq', rightOperand: 'laplace' },
        ],
      }],
    });
  });

  it.each([
    { template: 'sandbox-aggregate', purposes: ['credit-risk-assessment'], k: 10 },
    { template: 'time-limited-download', period: 'P30D' },
    { template: 'api-access', maxCalls: 1000, validUntil: '2026-12-31T23:59:59+08:00' },
    { template: 'open-data' },
    { template: 'members-only', industries: ['J66'], regions: ['410000'], roles: ['consumer'] },
  ])('gives a $template offer that parses as the offer book reads it', async (options) => {
    const res = await post('/api/v1/policies/templates', { uid: 'urn:tds:offer:a:o', ...options });
    expect(res.statusCode, res.body).toBe(200);
    expect(parsePolicy(res.json().policy).ok).toBe(true);
    expect((await post('/api/v1/policies/description', { policy: res.json().policy })).statusCode).toBe(200);
  });

  it('refuses template options it cannot build an offer from, with a pointer per option', async () => {
    const res = await post('/api/v1/policies/templates', { template: 'sandbox-aggregate', uid: 'urn:x', purposes: [], k: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/purposes', '/k']);
  });

  it('describes an offer in zh-CN and English, and refuses one that cannot be enforced with policy.invalid and its pointer', async () => {
    const policy = { '@id': 'urn:x', '@type': 'Offer', permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'lteq', rightOperand: { '@value': '100', '@type': 'xsd:integer' } }] }] };
    const res = await post('/api/v1/policies/description', { policy });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().description['zh-CN'].permissions[0].text).toContain('100');
    expect(res.json().description.en.permissions[0].conditions.join(' ')).toContain('number of uses');
    const bad = await post('/api/v1/policies/description', { policy: { ...policy, permission: [{ action: 'use', constraint: [{ leftOperand: 'count', operator: 'term-lteq', rightOperand: '5' }] }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'policy.invalid', errors: [{ pointer: '/policy/permission/0/constraint/0/operator' }] });
  });

  it('offers the purpose vocabulary, and the region and industry code lists by name to anyone', async () => {
    const res = await node.app.inject({ method: 'GET', url: '/api/v1/policies/vocabulary', headers: { authorization: `Bearer ${apiKey}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().purposes).toContainEqual(expect.objectContaining({ id: 'credit-risk-assessment', label: { 'zh-CN': '信用风险评估', en: 'Credit-risk assessment' } }));
    const regions = await node.app.inject({ method: 'GET', url: '/api/v1/code-lists/regions' });
    expect(regions.json().items).toContainEqual({ code: '410000', name: { 'zh-CN': '河南省', en: 'Henan' } });
    const industries = await node.app.inject({ method: 'GET', url: '/api/v1/code-lists/industries' });
    expect(industries.json().items).toContainEqual({ code: 'J66', name: { 'zh-CN': '货币金融服务', en: 'Monetary financial services' }, parent: 'J' });
  });

  it('answers none of it without the API key', async () => {
    expect((await post('/api/v1/policies/templates', { template: 'open-data', uid: 'urn:x' }, null)).statusCode).toBe(401);
    expect((await node.app.inject({ method: 'GET', url: '/api/v1/policies/vocabulary' })).statusCode).toBe(401);
  });
});
