import type { SigningKey } from '../crypto/signing-key.js';
import { envelope } from './vc-jose.js';

/** Identity tokens live at most this long: long enough for one call, short enough to limit replay. */
export const MAX_IDENTITY_TOKEN_SECONDS = 300;

/**
 * The token a node presents to another (docs/api/admission-and-identity.md): self-signed by the
 * holder's DID key, addressed to the receiver's DID, single-use, carrying the holder's credentials
 * as a W3C VC 2.0 VerifiablePresentation.
 */
export function mintIdentityToken(input: {
  key: SigningKey;
  kid: string;
  holderDid: string;
  audience: string;
  credentials: string[];
  now: Date;
  ttlSeconds: number;
  jti: string;
}): Promise<string> {
  const iat = Math.floor(input.now.getTime() / 1000);
  const ttl = Math.min(Math.max(1, input.ttlSeconds), MAX_IDENTITY_TOKEN_SECONDS);
  return input.key.signJws(
    { kid: input.kid, typ: 'JWT' },
    {
      iss: input.holderDid,
      sub: input.holderDid,
      aud: input.audience,
      iat,
      exp: iat + ttl,
      jti: input.jti,
      vp: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: input.holderDid,
        verifiableCredential: input.credentials.map(envelope),
      },
    },
  );
}
