import { canonicalJson } from '../canonical-json/canonical-json.js';
import { verifyEd25519 } from '../crypto/ed25519-key.js';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { verifySm2 } from '../crypto/sm2.js';
import { validateUscc } from '../identity-codes/uscc.js';

/**
 * An entity's authorization to be scored (依场景授权): the enterprise `entityId` (USCC) lets
 * `consumer` (its DID) obtain per-entity outputs about it for `purpose`, between `validFrom` and
 * `validUntil`. The evidence is either the enterprise's signature (Ed25519 or SM2) over the
 * canonical statement, or the SHA-256 / SM3 digest of the signed authorization document the
 * consumer holds (and must produce in an audit or dispute).
 */
export type AuthorizationEvidence =
  | { kind: 'signature'; algorithm: 'Ed25519' | 'SM2'; publicKey: string; signature: string }
  | { kind: 'document'; algorithm: 'SHA-256' | 'SM3'; digest: string };

export interface EntityAuthorization {
  entityId: string;
  purpose: string;
  consumer: string;
  validFrom: string;
  validUntil: string;
  evidence: AuthorizationEvidence;
}

/** Why one authorization does not count for one parameter entry; the words are in `entity-refusal.ts`. */
export type AuthorizationFault = 'missing' | 'consumer' | 'purpose' | 'not-yet-valid' | 'expired' | 'signature' | 'digest';

/** The bytes an entity signs: RFC 8785 canonical JSON of the statement, without the evidence. */
export function authorizationStatement(a: Omit<EntityAuthorization, 'evidence'>): Uint8Array {
  const statement = { type: 'tds:EntityAuthorization', entityId: a.entityId, purpose: a.purpose, consumer: a.consumer, validFrom: a.validFrom, validUntil: a.validUntil };
  return new TextEncoder().encode(canonicalJson(statement));
}

/** What goes on the ledger: the SHA-256 of the whole record, canonical JSON. */
export const authorizationDigest = (a: EntityAuthorization): string => Buffer.from(hashAlgorithm('sha256').digestUtf8(canonicalJson(a))).toString('hex');

const HEX = /^(?:[0-9a-f]{2})+$/;
const bytes = (hex: string): Uint8Array => (HEX.test(hex) ? Uint8Array.from(Buffer.from(hex, 'hex')) : new Uint8Array());

function evidenceHolds(a: EntityAuthorization): boolean {
  const e = a.evidence;
  if (e.kind === 'document') return /^[0-9a-f]{64}$/.test(e.digest);
  const statement = authorizationStatement(a);
  return e.algorithm === 'Ed25519' ? verifyEd25519(bytes(e.publicKey), statement, bytes(e.signature)) : verifySm2(bytes(e.publicKey), statement, bytes(e.signature));
}

/** The first fault of `a` for a job by `consumer` for `purpose` at `at`, or undefined when it holds. */
export function authorizationFault(a: EntityAuthorization | undefined, expected: { consumer: string; purpose?: string; at: Date }): AuthorizationFault | undefined {
  if (!a) return 'missing';
  if (a.consumer !== expected.consumer) return 'consumer';
  if (expected.purpose !== undefined && a.purpose !== expected.purpose) return 'purpose';
  const from = Date.parse(a.validFrom);
  const until = Date.parse(a.validUntil);
  if (!Number.isFinite(from) || from > expected.at.getTime()) return 'not-yet-valid';
  if (!Number.isFinite(until) || until <= expected.at.getTime()) return 'expired';
  if (!evidenceHolds(a)) return a.evidence.kind === 'signature' ? 'signature' : 'digest';
  return undefined;
}

/** The SHA-256 or SM3 digest (hex) of an authorization document, as the evidence names it. */
export function documentDigest(algorithm: 'SHA-256' | 'SM3', document: Uint8Array): string {
  return Buffer.from(hashAlgorithm(algorithm === 'SM3' ? 'sm3' : 'sha256').digest(document)).toString('hex');
}

/** Whether `id` is a well-formed USCC (GB 32100), check character included. */
export const isEntityId = (id: string): boolean => validateUscc(id).ok;

/** An authorization signed by the entity's key (Ed25519 or SM2 key pairs of core/crypto fit `signer`). */
export function signedAuthorization(statement: Omit<EntityAuthorization, 'evidence'>, signer: { algorithm: 'Ed25519' | 'SM2'; publicKey: Uint8Array; sign(message: Uint8Array): Uint8Array }): EntityAuthorization {
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  return { ...statement, evidence: { kind: 'signature', algorithm: signer.algorithm, publicKey: hex(signer.publicKey), signature: hex(signer.sign(authorizationStatement(statement))) } };
}
