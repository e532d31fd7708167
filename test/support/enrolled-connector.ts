import { generateSigningKey, type SigningKey } from '../../src/core/crypto/signing-key.js';
import { mintIdentityToken } from '../../src/core/credentials/identity-token.js';
import { signAgreement } from '../../src/core/contracts/agreement-signature.js';
import { hashAlgorithm } from '../../src/core/crypto/hash-algorithm.js';
import { encodeEvidence, type EvidenceInput } from '../../src/core/ledger/evidence-entry.js';
import { admin, bearer, type operatorApi } from './operator-api.js';

/** A participant's connector as the operator knows it: its DID, its enrolled key, its identity tokens. */
export interface EnrolledConnector {
  did: string;
  kid: string;
  key: SigningKey;
  /** A fresh single-use identity token for the operator. */
  token(): Promise<string>;
  /** The base64 leaf of an entry recorded by this connector (actor: its DID), as its outbox holds it. */
  leaf(entry: Omit<EvidenceInput, 'actor' | 'at'> & { at?: string }): string;
  /** This connector's signature over an agreement, as it signs during negotiation. */
  signAgreement(agreementId: string, hash: string, role: 'provider' | 'consumer'): Promise<string>;
}

let serial = 0;

/** Enrolls a key for `participantId` as its connector would. */
export async function anEnrolledConnector(api: ReturnType<typeof operatorApi>, participantId: string): Promise<EnrolledConnector> {
  const operatorDid = (await api.request('GET', '/.well-known/did.json')).body.id as string;
  const did = `${operatorDid}:participants:${participantId}`;
  const key = generateSigningKey('EdDSA');
  const { token } = (await api.request('POST', `/api/v1/participants/${participantId}/enrollment-tokens`, { headers: admin })).body;
  const { nonce } = (await api.request('POST', `/api/v1/participants/${participantId}/enrollment/challenge`, { headers: bearer(token), body: {} })).body;
  const proof = await key.signJws({ typ: 'JWT' }, { nonce, sub: did, aud: operatorDid });
  const enrolled = (await api.request('POST', `/api/v1/participants/${participantId}/enrollment`, { headers: bearer(token), body: { publicKeyJwk: key.publicJwk(), proof } })).body;
  const kid = `${did}#${enrolled.kid}`;
  return {
    did,
    kid,
    key,
    token: () =>
      mintIdentityToken({
        key,
        kid,
        holderDid: did,
        audience: operatorDid,
        credentials: enrolled.credentials.map((c: { jwt: string }) => c.jwt),
        now: new Date(),
        ttlSeconds: 60,
        jti: `connector-${(serial += 1)}`,
      }),
    leaf: (entry) => Buffer.from(encodeEvidence(hashAlgorithm('sha256'), { ...entry, actor: did, at: entry.at ?? new Date().toISOString() }).leaf).toString('base64'),
    signAgreement: (agreementId, hash, role) => signAgreement(key, kid, { agreementId, hash, role, signer: did }, new Date()),
  };
}
