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
  /** Stops this node and starts another on the same database and options (a restart); `node` is the new one. */
  restart(): Promise<OperatorNode>;
  close(): Promise<void>;
}

/** An operator node on a fresh database of `kind`, not listening (use app.inject). */
export async function anOperator(
  kind: DatabaseKind,
  hash: HashAlgorithmName = 'sha256',
  ledgerKey: Ed25519KeyPair = aLedgerKey(),
  overrides: Partial<OperatorOptions> = {},
): Promise<OperatorFixture> {
  const testDb: TestDatabase = await createTestDatabase(kind);
  const database = await openDatabase(testDb.url);
  const options: OperatorOptions = {
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
    // Route tests send hundreds of public requests from one address within a minute; the limits
    // themselves are tested in src/server/rate-limit.test.ts.
    rateLimits: { login: 10_000, publicWrite: 10_000, publicRead: 100_000, peer: 100_000 },
    ...overrides,
  };
  const node = await createOperatorNode(options);
  await node.app.ready();
  const fixture: OperatorFixture = {
    node,
    key: ledgerKey,
    database,
    restart: async () => {
      await fixture.node.app.close();
      fixture.node = await createOperatorNode(options);
      await fixture.node.app.ready();
      return fixture.node;
    },
    close: async () => {
      await fixture.node.app.close();
      await database.close();
      await testDb.drop();
    },
  };
  return fixture;
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
