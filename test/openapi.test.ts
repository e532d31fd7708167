import fs from 'node:fs';
import path from 'node:path';
import { createFieldCipher, generateFieldKey } from '../src/core/crypto/field-cipher.js';
import { FileKeyStore } from '../src/connector/identity/file-key-store.js';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecretToken } from '../src/core/crypto/secret-token.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { createConnectorNode } from '../src/connector/connector-node.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';
import { anOperator, type OperatorFixture } from './support/operator-fixture.js';

// The generated API documents are committed so that every API change shows in a diff.
// Regenerate with `npm run openapi` after an intended change.
const update = process.env.TDS_UPDATE_OPENAPI === '1';

function compare(name: string, spec: unknown) {
  const file = new URL(`../docs/openapi/${name}.json`, import.meta.url);
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  if (update) fs.writeFileSync(file, text);
  expect(fs.existsSync(file), `docs/openapi/${name}.json is missing: run npm run openapi`).toBe(true);
  expect(text, `docs/openapi/${name}.json is stale: run npm run openapi and commit it`).toBe(fs.readFileSync(file, 'utf8'));
}

describe('committed OpenAPI documents', () => {
  let operator: OperatorFixture | undefined;
  let connectorDb: { test: TestDatabase; db: Database } | undefined;
  afterAll(async () => {
    await operator?.close();
    await connectorDb?.db.close();
    await connectorDb?.test.drop();
  });

  it('docs/openapi/operator.json matches the operator API', async () => {
    operator = await anOperator('sqlite');
    compare('operator', (await operator.node.app.inject({ url: '/docs/json' })).json());
  });

  it('docs/openapi/connector.json matches the connector API', async () => {
    const test = await createTestDatabase('sqlite');
    connectorDb = { test, db: await openDatabase(test.url) };
    const keyStore = new FileKeyStore(path.join(path.dirname(test.url.slice('sqlite:'.length)), 'identity-key.pem'));
    const dir = path.dirname(test.url.slice('sqlite:'.length));
    const { app } = await createConnectorNode({ name: 'example', operatorUrl: 'http://operator.example', database: connectorDb.db, apiKeyDigests: [hashSecretToken('k')], keyStore, publicUrl: 'http://connector.example', directories: { uploads: path.join(dir, 'uploads') }, secretCipher: createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', generateFieldKey()]]), currentKeyId: 'k1' }), logger: false });
    await app.ready();
    compare('connector', (await app.inject({ url: '/docs/json' })).json());
    await app.close();
  });
});
