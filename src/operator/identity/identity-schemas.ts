import { Type } from 'typebox';

export const CredentialView = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'MembershipCredential | LegalEntityCredential' }),
  jwt: Type.String({ description: 'The credential as VC-JOSE JWT (application/vc+jwt)' }),
  issuedAt: Type.String(),
  validUntil: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')]),
});
export const CredentialList = Type.Object({ items: Type.Array(CredentialView) });

export const EnrollmentTokenResponse = Type.Object({ token: Type.String({ description: 'Shown once; give it to the connector' }), expiresAt: Type.String() });
export const ChallengeResponse = Type.Object({ nonce: Type.String(), expiresAt: Type.String() });
export const EnrollmentBody = Type.Object(
  {
    publicKeyJwk: Type.Object({ kty: Type.String(), crv: Type.String(), x: Type.String(), y: Type.Optional(Type.String()) }),
    proof: Type.String({ maxLength: 8192, description: 'Compact JWS by the key over { nonce, sub: participant DID, aud: operator DID }' }),
  },
  { additionalProperties: false },
);
export const EnrollmentResponse = Type.Object({ did: Type.String(), kid: Type.String(), credentials: Type.Array(CredentialView) });

export const TrustedIssuerView = Type.Object({ did: Type.String(), name: Type.String(), addedAt: Type.String(), self: Type.Boolean() });
export const TrustedIssuerList = Type.Object({ items: Type.Array(TrustedIssuerView) });
export const NewTrustedIssuer = Type.Object(
  { did: Type.String({ pattern: '^did:web:[A-Za-z0-9.%_-]+(:[A-Za-z0-9.%_-]+)*$', maxLength: 512 }), name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const DidParams = Type.Object({ did: Type.String({ maxLength: 512 }) });
export const PurposeParams = Type.Object({ purpose: Type.Union([Type.Literal('revocation'), Type.Literal('suspension')]) });
export const DidDocument = Type.Object({}, { additionalProperties: true, description: 'A DID Core document' });
