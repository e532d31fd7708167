import { decodeCompactJws, type SigningKey } from '../crypto/signing-key.js';
import type { VerifiableCredential } from './verifiable-credential.js';

/**
 * Secures a credential as VC-JOSE-COSE (W3C, 2025): the JWT claims set is the credential itself,
 * with `typ: vc+jwt` and `cty: vc`; no VC 1.1 `vc` wrapper claim.
 */
export function issueCredentialJwt(key: SigningKey, kid: string, vc: VerifiableCredential): Promise<string> {
  return key.signJws({ kid, typ: 'vc+jwt', cty: 'vc' }, vc);
}

/** Reads a credential JWT without verifying it (for display, or to find its issuer's key). */
export function decodeCredentialJwt(jwt: string): { header: Record<string, unknown>; payload: VerifiableCredential } {
  const { header, payload } = decodeCompactJws(jwt);
  return { header, payload: payload as VerifiableCredential };
}

/** The `EnvelopedVerifiableCredential` form a presentation carries a VC-JOSE credential in. */
export const envelope = (jwt: string) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` });

export function unenvelope(entry: unknown): string | undefined {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.startsWith('data:application/vc+jwt,') ? id.slice('data:application/vc+jwt,'.length) : undefined;
}
