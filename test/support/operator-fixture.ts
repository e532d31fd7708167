import { hashSecretToken } from '../../src/core/crypto/secret-token.js';
import { createFieldCipher, generateFieldKey } from '../../src/core/crypto/field-cipher.js';
import { generateSigningKey } from '../../src/core/crypto/signing-key.js';
import type { HashAlgorithmName } from '../../src/core/crypto/hash-algorithm.js';
import type { Ed25519KeyPair } from '../../src/core/crypto/ed25519-key.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { createOperatorNode, type OperatorNode, type OperatorOptions } from '../../src/operator/operator-node.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases.js';
import { aLedgerKey } from './ledger-fixtures.js';

export const testAdminToken = 'tds_admin_test-token';

export interface OperatorFixture {
  node: OperatorNode;
  /** The ledger signing key, to start another operator that signs as this one. */
  key: Ed25519KeyPair;
  database: Database;
  close(): Promise<void>;
}

/** An operator node on a fresh database of `kind` (or `on` an existing one), not listening (use app.inject). */
export async function anOperator(
  kind: DatabaseKind,
  hash: HashAlgorithmName = 'sha256',
  ledgerKey: Ed25519KeyPair = aLedgerKey(),
  overrides: Partial<OperatorOptions> = {},
): Promise<OperatorFixture> {
  const testDb: TestDatabase = await createTestDatabase(kind);
  const database = await openDatabase(testDb.url);
  const node = await createOperatorNode({
    database,
    origin: 'tds.test/space',
    ledgerKey,
    hashAlgorithm: hash,
    adminTokenDigests: [hashSecretToken(testAdminToken)],
    publicUrl: 'http://operator.test',
    issuerKey: generateSigningKey('EdDSA'),
    piiCipher: createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', generateFieldKey()]]), currentKeyId: 'k1' }),
    logger: false,
    sequencerPollMs: 20,
    ...overrides,
  });
  await node.app.ready();
  return {
    node,
    key: ledgerKey,
    database,
    close: async () => {
      await node.app.close();
      await database.close();
      await testDb.drop();
    },
  };
}

/** Resolves once every recorded evidence entry has been integrated into the Merkle log. */
export async function ledgerSettled(fixture: OperatorFixture): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const pending = await fixture.database.db.selectFrom('evidence_outbox').select('id').limit(1).execute();
    if (pending.length === 0) return;
    fixture.node.sequencer.wake();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the evidence outbox did not drain');
}
