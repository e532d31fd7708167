import path from 'node:path';
import type { Logger } from 'pino';
import { hashSecretToken } from '../core/crypto/secret-token.js';
import type { HashAlgorithmName } from '../core/crypto/hash-algorithm.js';
import { openDatabase } from '../store/database.js';
import { createOperatorNode, type OperatorNode } from '../operator/operator-node.js';
import { createConnectorNode, type ConnectorNode } from '../connector/connector-node.js';
import type { SandboxOptions } from '../connector/sandbox/sandbox-module.js';
import { createFieldCipher } from '../core/crypto/field-cipher.js';
import type { SigningAlgorithm } from '../core/crypto/signing-key.js';
import type { ManualReviewRule } from '../core/catalog/normative-review.js';
import { FileKeyStore } from '../connector/identity/file-key-store.js';
import { loadOrCreateFieldKey, loadOrCreateKey, loadOrCreateSigningKey } from './secret-files.js';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export interface OperatorConfig {
  dir: string;
  host: string;
  port: number;
  databaseUrl?: string;
  /** PostgreSQL: the schema of databaseUrl that holds this node's tables (the demo shares one database). */
  databaseSchema?: string;
  origin: string;
  hashAlgorithm: HashAlgorithmName;
  adminToken: string;
  /** Where participants reach the operator (names its did:web); default http://HOST:PORT. */
  publicUrl?: string;
  /** Algorithm of a newly created credential issuer key; an existing key file keeps its own. */
  issuerAlgorithm?: SigningAlgorithm;
  /** When a person reviews catalog publications after the automatic review. */
  catalogManualReview?: ManualReviewRule;
  /** Reverse proxies trusted to name the client in X-Forwarded-For. */
  trustProxy?: string[];
  logger: Logger | false;
}

export interface ConnectorConfig {
  name: string;
  operatorUrl: string;
  dir: string;
  host: string;
  port: number;
  databaseUrl?: string;
  databaseSchema?: string;
  apiKey: string;
  keyAlgorithm?: SigningAlgorithm;
  /** Where peers reach this connector; default http://HOST:PORT. */
  publicUrl?: string;
  /** A directory whose files may be registered as assets (besides uploads). */
  sourceDir?: string;
  /** How long peer-verification look-ups are cached (DID documents, status lists). */
  identityCacheMs?: number;
  /** The sandbox's limits; its key always comes from DIR/sandbox-key. */
  sandbox?: Omit<SandboxOptions, 'key'>;
  /** Reverse proxies trusted to name the client in X-Forwarded-For. */
  trustProxy?: string[];
  logger: Logger | false;
}

/** Opens the operator's database and key, assembles the node and listens. */
export async function startOperator(config: OperatorConfig): Promise<Listening & { node: OperatorNode }> {
  const database = await openDatabase(config.databaseUrl ?? `sqlite:${path.join(config.dir, 'operator.db')}`, config.databaseUrl ? { schema: config.databaseSchema } : {});
  try {
    const { key } = loadOrCreateKey(path.join(config.dir, 'ledger-signing-key.pem'));
    const node = await createOperatorNode({
      database,
      origin: config.origin,
      ledgerKey: key,
      hashAlgorithm: config.hashAlgorithm,
      adminTokenDigests: [hashSecretToken(config.adminToken)],
      publicUrl: config.publicUrl ?? `http://${hostForUrl(config.host)}:${config.port}`,
      issuerKey: loadOrCreateSigningKey(path.join(config.dir, 'issuer-key.pem'), config.issuerAlgorithm ?? 'EdDSA'),
      piiCipher: createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', loadOrCreateFieldKey(path.join(config.dir, 'pii-key'))]]), currentKeyId: 'k1' }),
      ...(config.catalogManualReview ? { catalogManualReview: config.catalogManualReview } : {}),
      ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
      logger: config.logger,
    });
    node.app.addHook('onClose', () => database.close());
    await node.app.listen({ host: config.host, port: config.port });
    return { node, url: `http://${hostForUrl(config.host)}:${config.port}`, close: () => node.app.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function startConnector(config: ConnectorConfig): Promise<Listening & { node: ConnectorNode }> {
  const database = await openDatabase(config.databaseUrl ?? `sqlite:${path.join(config.dir, 'connector.db')}`, config.databaseUrl ? { schema: config.databaseSchema } : {});
  try {
    const node = await createConnectorNode({
      name: config.name,
      operatorUrl: config.operatorUrl,
      database,
      apiKeyDigests: [hashSecretToken(config.apiKey)],
      keyStore: new FileKeyStore(path.join(config.dir, 'identity-key.pem')),
      keyAlgorithm: config.keyAlgorithm,
      publicUrl: config.publicUrl ?? `http://${hostForUrl(config.host)}:${config.port}`,
      directories: { uploads: path.join(config.dir, 'uploads'), ...(config.sourceDir ? { sources: path.resolve(config.sourceDir) } : {}) },
      secretCipher: createFieldCipher({ algorithm: 'aes-256-gcm', keys: new Map([['k1', loadOrCreateFieldKey(path.join(config.dir, 'secret-key'))]]), currentKeyId: 'k1' }),
      identityFetch: config.identityCacheMs === undefined ? undefined : { cacheMs: config.identityCacheMs },
      sandbox: { ...config.sandbox, key: loadOrCreateFieldKey(path.join(config.dir, 'sandbox-key')) },
      ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
      logger: config.logger,
    });
    node.app.addHook('onClose', () => database.close());
    await node.app.listen({ host: config.host, port: config.port });
    return { node, url: `http://${hostForUrl(config.host)}:${config.port}`, close: () => node.app.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Closes `targets` on SIGINT/SIGTERM, then exits; a second signal exits at once. */
export function closeOnSignal(targets: Array<{ close(): Promise<void> }>, announce: () => void): void {
  let closing = false;
  const handler = () => {
    if (closing) process.exit(130);
    closing = true;
    announce();
    Promise.allSettled(targets.map((t) => t.close())).then(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
