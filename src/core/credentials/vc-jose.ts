import { decodeCompactJws, signingAlgorithms, verifyCompactJws, type PublicJwk, type SigningAlgorithm, type SigningKey } from '../crypto/signing-key.js';
import { issuerOf, VC_CONTEXT, type VerifiableCredential } from './verifiable-credential.js';

const ENVELOPE_PREFIX = 'data:application/vc+jwt,';

/** How a presentation carries a VC-JOSE credential (VC 2.0 enveloped credentials). */
export interface EnvelopedVerifiableCredential {
  '@context': string;
  type: 'EnvelopedVerifiableCredential';
  id: string;
}

/** A W3C VC 2.0 presentation of VC-JOSE credentials by their holder. */
export interface VerifiablePresentation {
  '@context': string[];
  type: string[];
  holder: string;
  verifiableCredential: EnvelopedVerifiableCredential[];
}

/** Why a credential JWT did not verify: not a VC-JOSE JWT, no such issuer key, or a bad signature. */
export class CredentialJwtError extends Error {
  constructor(
    readonly reason: 'malformed' | 'key' | 'signature',
    detail: string,
  ) {
    super(detail);
    this.name = 'CredentialJwtError';
  }
}

/**
 * The public key `kid` of `issuer`, usually from its DID document; undefined when the issuer lists
 * no such key. Throwing means the issuer could not be resolved: the error reaches the caller as is.
 */
export type IssuerKeyResolver = (issuer: string, kid: string) => Promise<PublicJwk | undefined>;

/**
 * Secures a credential as VC-JOSE-COSE (W3C, 2025): the JWT claims set is the credential itself,
 * with `typ: vc+jwt` and `cty: vc`; no VC 1.1 `vc` wrapper claim.
 */
export function issueCredentialJwt(key: SigningKey, kid: string, vc: VerifiableCredential): Promise<string> {
  return key.signJws({ kid, typ: 'vc+jwt', cty: 'vc' }, vc);
}

/** Reads a credential JWT without verifying it (for display, or to find its issuer's key). Throws a JwsError when malformed. */
export function decodeCredentialJwt(jwt: string): { header: Record<string, unknown>; payload: VerifiableCredential } {
  const { header, payload } = decodeCompactJws(jwt);
  return { header, payload: payload as VerifiableCredential };
}

/**
 * Verifies a credential JWT: a VC-JOSE credential (`typ` absent or `vc+jwt`, so a token or a
 * presentation cannot pass for one) signed by the key `kid` that its own `issuer` lists. Returns
 * the credential; throws a CredentialJwtError. Whether the issuer is trusted, and the validity
 * period and status, are the caller's to check.
 */
export async function verifyCredentialJwt(jwt: string, resolveKey: IssuerKeyResolver, options: { algorithms?: readonly SigningAlgorithm[] } = {}): Promise<VerifiableCredential> {
  let header: Record<string, unknown>;
  let payload: unknown;
  try {
    ({ header, payload } = decodeCompactJws(jwt));
  } catch (error) {
    throw new CredentialJwtError('malformed', (error as Error).message);
  }
  if (header.typ !== undefined && header.typ !== 'vc+jwt') throw new CredentialJwtError('malformed', `typ ${String(header.typ)} is not a credential`);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new CredentialJwtError('malformed', 'the claims set is not a credential');
  const issuer = issuerOf(payload) ?? '';
  const kid = typeof header.kid === 'string' ? header.kid : '';
  // The kid must name a key under the issuer's own DID: nobody else speaks for the issuer.
  if (!issuer || !kid.startsWith(`${issuer}#`)) throw new CredentialJwtError('key', `kid ${kid || '(none)'} is not a key of issuer ${issuer || '(none)'}`);
  const jwk = await resolveKey(issuer, kid);
  if (!jwk) throw new CredentialJwtError('key', `${issuer} lists no key ${kid}`);
  try {
    await verifyCompactJws(jwt, jwk, { algorithms: options.algorithms ?? signingAlgorithms });
  } catch (error) {
    throw new CredentialJwtError('signature', `signature by ${kid}: ${(error as Error).message}`);
  }
  return payload as VerifiableCredential;
}

/** The `EnvelopedVerifiableCredential` form a presentation carries a VC-JOSE credential in. */
export const envelope = (jwt: string): EnvelopedVerifiableCredential => ({ '@context': VC_CONTEXT, type: 'EnvelopedVerifiableCredential', id: `${ENVELOPE_PREFIX}${jwt}` });

/** The credential JWT inside an enveloped entry; undefined for anything else (bare objects prove nothing). */
export function unenvelope(entry: unknown): string | undefined {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.startsWith(ENVELOPE_PREFIX) ? id.slice(ENVELOPE_PREFIX.length) : undefined;
}

/** A presentation of `credentials` (VC-JOSE JWTs) by `holder`. */
export function verifiablePresentation(holder: string, credentials: readonly string[]): VerifiablePresentation {
  return { '@context': [VC_CONTEXT], type: ['VerifiablePresentation'], holder, verifiableCredential: credentials.map(envelope) };
}

/** Secures a presentation as VC-JOSE-COSE: the claims set is the presentation, `typ: vp+jwt`, `cty: vp`. */
export function issuePresentationJwt(key: SigningKey, kid: string, vp: VerifiablePresentation): Promise<string> {
  return key.signJws({ kid, typ: 'vp+jwt', cty: 'vp' }, vp);
}
