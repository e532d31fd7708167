import { importEd25519Seed } from '../crypto/ed25519-key.js';
import { importSm2PrivateHex } from '../crypto/sm2.js';
import type { AlgorithmDefinition } from './algorithm-definition.js';
import { documentDigest, signedAuthorization, type EntityAuthorization } from './entity-authorization.js';

/** Builders for tests: a per-entity algorithm and authorizations signed by fixed keys. */
export const CONSUMER = 'did:web:bank.example';
export const PURPOSE = 'credit-risk-assessment';
export const NOW = new Date('2026-12-07T10:00:00Z');

export const aPerEntityAlgorithm = (overrides: Partial<AlgorithmDefinition> = {}): AlgorithmDefinition => ({
  name: 'score',
  version: 1,
  title: { 'zh-CN': '评分', en: 'Score' },
  sql: 'SELECT 1',
  parameters: [{ name: 'applicants', type: 'string', title: { 'zh-CN': '企业', en: 'Enterprises' } }],
  release: 'auto',
  quasiIdentifiers: ['code'],
  entities: { parameter: 'applicants', column: 'code' },
  ...overrides,
});

const statement = (entityId: string, overrides: Partial<EntityAuthorization>) => ({
  entityId,
  purpose: PURPOSE,
  consumer: CONSUMER,
  validFrom: '2026-11-01T00:00:00Z',
  validUntil: '2027-11-01T00:00:00Z',
  ...overrides,
});

const edKey = importEd25519Seed(new Uint8Array(32).fill(3));
const smKey = importSm2PrivateHex('3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8');

export const anEd25519Authorization = (entityId: string, overrides: Partial<EntityAuthorization> = {}): EntityAuthorization =>
  signedAuthorization(statement(entityId, overrides), { algorithm: 'Ed25519', publicKey: edKey.publicKey, sign: (m) => edKey.sign(m) });

export const anSm2Authorization = (entityId: string, overrides: Partial<EntityAuthorization> = {}): EntityAuthorization =>
  signedAuthorization(statement(entityId, overrides), { algorithm: 'SM2', publicKey: smKey.publicKey, sign: (m) => smKey.sign(m) });

export const aDocumentAuthorization = (entityId: string, overrides: Partial<EntityAuthorization> = {}): EntityAuthorization => ({
  ...statement(entityId, overrides),
  evidence: { kind: 'document', algorithm: 'SM3', digest: documentDigest('SM3', new TextEncoder().encode(`授权书 ${entityId}`)) },
});
