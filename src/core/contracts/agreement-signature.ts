import type { Side } from '../dsp/index.js';
import { decodeCompactJws, verifyCompactJws, signingAlgorithms, type PublicJwk, type SigningKey } from '../crypto/signing-key.js';

/** What a party signs: this agreement, with this hash, as this side, by this DID. */
export interface AgreementSignatureClaims {
  agreementId: string;
  hash: string;
  role: Side;
  signer: string;
}

/** The JOSE `typ` of an agreement signature, so it can never pass for an identity token or a credential. */
export const agreementSignatureType = 'tds-agreement+jws';

/**
 * Both parties sign the agreement (合约双方签署): a compact JWS by the party's DID key over the
 * agreement's id and hash, its role and DID. DSP has no member for it, so it travels as
 * `tds:signature` beside the agreement message (provider) and the verification message (consumer),
 * and both land in the ledger.
 */
export function signAgreement(key: SigningKey, kid: string, claims: AgreementSignatureClaims, now: Date): Promise<string> {
  return key.signJws({ kid, typ: agreementSignatureType }, { agreement: claims.agreementId, hash: claims.hash, role: claims.role, iss: claims.signer, iat: Math.floor(now.getTime() / 1000) });
}

/** The `kid` a signature names, to look the key up in the signer's DID document; undefined when malformed. */
export function agreementSignatureKid(jws: string): string | undefined {
  try {
    const { header } = decodeCompactJws(jws);
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/** Why a signature does not hold, or undefined when it does. */
export async function checkAgreementSignature(jws: string, jwk: PublicJwk, expected: AgreementSignatureClaims): Promise<string | undefined> {
  let verified: { header: Record<string, unknown>; payload: unknown };
  try {
    verified = await verifyCompactJws(jws, jwk, { algorithms: signingAlgorithms });
  } catch (error) {
    return `signature does not verify: ${(error as Error).message}`;
  }
  if (verified.header.typ !== agreementSignatureType) return `typ must be ${agreementSignatureType}`;
  const p = (verified.payload ?? {}) as Record<string, unknown>;
  if (p.agreement !== expected.agreementId) return 'signed for another agreement';
  if (p.hash !== expected.hash) return 'signed over another agreement text';
  if (p.role !== expected.role) return `signed as ${String(p.role)}, not as ${expected.role}`;
  if (p.iss !== expected.signer) return 'signed by another party';
  return undefined;
}
