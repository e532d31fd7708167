import type { SigningKey } from '../crypto/signing-key.js';
import { verifiablePresentation } from './vc-jose.js';

/** Identity tokens live at most this long: long enough for one call, short enough to limit replay. */
export const MAX_IDENTITY_TOKEN_SECONDS = 300;
/** Marks a token its holder minted for repeated use (`tds dsp token`); replay protection is off for it. */
export const REUSABLE_CLAIM = 'tds_reusable';
/** The longest a reusable token may live. */
export const MAX_REUSABLE_TOKEN_SECONDS = 3600;

/** What an identity token says (docs/api/admission-and-identity.md, "Identity tokens between nodes"). */
export interface IdentityTokenInput {
  /** The holder's connector key; its DID document lists it as `kid`. */
  key: SigningKey;
  /** The key's DID URL, `<holderDid>#key-1`. */
  kid: string;
  holderDid: string;
  /** The receiver's DID. */
  audience: string;
  /** The holder's credentials as VC-JOSE JWTs. */
  credentials: string[];
  now: Date;
  /** 1 to MAX_IDENTITY_TOKEN_SECONDS. */
  ttlSeconds: number;
  /** Unique per token: the receiver refuses a jti it has seen. */
  jti: string;
  /** For test tooling only: a token the receiver accepts more than once, living up to an hour. */
  reusable?: boolean;
}

/**
 * The token a node presents to another: a compact JWS (`typ: JWT`) self-signed by the holder's
 * DID key, addressed to the receiver's DID, single-use, carrying the holder's credentials as a
 * W3C VC 2.0 VerifiablePresentation in `vp`. Rejects with a RangeError for a lifetime the
 * receiver would refuse anyway.
 */
export async function mintIdentityToken(input: IdentityTokenInput): Promise<string> {
  const max = input.reusable ? MAX_REUSABLE_TOKEN_SECONDS : MAX_IDENTITY_TOKEN_SECONDS;
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds < 1 || input.ttlSeconds > max) {
    throw new RangeError(`an identity token lives 1 to ${max} seconds, not ${input.ttlSeconds}`);
  }
  const iat = Math.floor(input.now.getTime() / 1000);
  return input.key.signJws(
    { kid: input.kid, typ: 'JWT' },
    {
      iss: input.holderDid,
      sub: input.holderDid,
      aud: input.audience,
      iat,
      exp: iat + input.ttlSeconds,
      jti: input.jti,
      ...(input.reusable ? { [REUSABLE_CLAIM]: true } : {}),
      vp: verifiablePresentation(input.holderDid, input.credentials),
    },
  );
}
