import { Type } from 'typebox';

const Hex = (description: string, maxLength: number) => Type.String({ pattern: '^[0-9a-f]+$', maxLength, description });

/**
 * An entity's authorization to be scored (依场景授权), submitted with a per-entity algorithm's
 * job (ADR 0012): the statement, and either the entity's signature over its canonical JSON or the
 * digest of the authorization document the consumer holds.
 */
export const EntityAuthorizationSchema = Type.Object(
  {
    entityId: Type.String({ minLength: 18, maxLength: 18, description: 'The enterprise’s unified social credit code (GB 32100)' }),
    purpose: Type.String({ minLength: 1, maxLength: 200, description: "The purpose it authorizes; must be the agreement's" }),
    consumer: Type.String({ minLength: 1, maxLength: 500, description: 'The DID of the consumer it authorizes' }),
    validFrom: Type.String({ format: 'date-time', description: 'RFC 3339' }),
    validUntil: Type.String({ format: 'date-time', description: 'RFC 3339' }),
    evidence: Type.Union([
      Type.Object(
        {
          kind: Type.Literal('signature'),
          algorithm: Type.Union([Type.Literal('Ed25519'), Type.Literal('SM2')]),
          publicKey: Hex('The signer’s public key: 32 bytes (Ed25519) or 65 bytes 04‖x‖y (SM2), hex', 130),
          signature: Hex('Over the canonical JSON (RFC 8785) of {type: "tds:EntityAuthorization", entityId, purpose, consumer, validFrom, validUntil}; SM2 as r‖s with the default ID, hex', 128),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('document'),
          algorithm: Type.Union([Type.Literal('SHA-256'), Type.Literal('SM3')]),
          digest: Hex('The digest of the signed authorization document, hex', 64),
        },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);

export const EntitiesSchema = Type.Object(
  {
    parameter: Type.String({ minLength: 1, maxLength: 100, description: 'The string parameter listing the entities asked about (USCCs, comma-separated)' }),
    column: Type.String({ minLength: 1, maxLength: 200, description: 'The output column naming the entity of each row' }),
  },
  { additionalProperties: false, description: 'Set on a per-entity algorithm: each entity asked about needs an authorization (ADR 0012)' },
);
