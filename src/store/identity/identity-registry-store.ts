import type { ExpressionBuilder } from 'kysely';
import type { Database, Tx } from '../database.js';
import type { Schema } from '../schema.js';

/** The secret exists for this participant and kind, unused and unexpired at `now`. */
function usable(eb: ExpressionBuilder<Schema, 'enrollment_secret'>, secretHash: string, kind: EnrollmentSecretKind, participantId: string, now: string) {
  return eb.and([
    eb('secret_hash', '=', secretHash),
    eb('kind', '=', kind),
    eb('participant_id', '=', participantId),
    eb('used_at', 'is', null),
    eb('expires_at', '>', now),
  ]);
}

export interface ParticipantKey {
  participantId: string;
  kid: string;
  publicJwk: Record<string, unknown>;
  createdAt: string;
}

export interface TrustedIssuer {
  did: string;
  name: string;
  addedAt: string;
}

export type EnrollmentSecretKind = 'token' | 'challenge';

/**
 * What the operator knows of identities: participants' public keys (their DID documents), the
 * one-time secrets of connector enrollment, and the trusted-issuer list (身份互认).
 */
export class IdentityRegistryStore {
  constructor(private readonly database: Database) {}

  async insertKey(tx: Tx, key: ParticipantKey): Promise<void> {
    await tx
      .insertInto('participant_key')
      .values({ participant_id: key.participantId, kid: key.kid, public_jwk: JSON.stringify(key.publicJwk), created_at: key.createdAt })
      // The kid is the key's thumbprint: enrolling the same key again changes nothing.
      .onConflict((oc) => oc.columns(['participant_id', 'kid']).doNothing())
      .execute();
  }

  async keysOf(participantId: string): Promise<ParticipantKey[]> {
    const rows = await this.database.db.selectFrom('participant_key').selectAll().where('participant_id', '=', participantId).orderBy('created_at').execute();
    return rows.map((r) => ({ participantId: r.participant_id, kid: r.kid, publicJwk: JSON.parse(r.public_jwk), createdAt: r.created_at }));
  }

  async insertSecret(tx: Tx | undefined, secretHash: string, kind: EnrollmentSecretKind, participantId: string, expiresAt: string): Promise<void> {
    await (tx ?? this.database.db)
      .insertInto('enrollment_secret')
      .values({ secret_hash: secretHash, kind, participant_id: participantId, expires_at: expiresAt, used_at: null })
      .execute();
  }

  /** True when the secret existed for that participant, unused and unexpired; it is used up either way. */
  async consumeSecret(tx: Tx, secretHash: string, kind: EnrollmentSecretKind, participantId: string, now: string): Promise<boolean> {
    const result = await tx
      .updateTable('enrollment_secret')
      .set({ used_at: now })
      .where((eb) => usable(eb, secretHash, kind, participantId, now))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** True when the secret is valid now, without using it up. */
  async secretValid(secretHash: string, kind: EnrollmentSecretKind, participantId: string, now: string): Promise<boolean> {
    const row = await this.database.db
      .selectFrom('enrollment_secret')
      .select('secret_hash')
      .where((eb) => usable(eb, secretHash, kind, participantId, now))
      .executeTakeFirst();
    return row !== undefined;
  }

  async trustedIssuers(): Promise<TrustedIssuer[]> {
    const rows = await this.database.db.selectFrom('trusted_issuer').selectAll().orderBy('added_at').execute();
    return rows.map((r) => ({ did: r.did, name: r.name, addedAt: r.added_at }));
  }

  /** Adds or renames an issuer; returns false when it was already listed. */
  async addTrustedIssuer(tx: Tx, issuer: TrustedIssuer): Promise<boolean> {
    const existing = await tx.selectFrom('trusted_issuer').select('did').where('did', '=', issuer.did).executeTakeFirst();
    if (existing) {
      await tx.updateTable('trusted_issuer').set({ name: issuer.name }).where('did', '=', issuer.did).execute();
      return false;
    }
    await tx.insertInto('trusted_issuer').values({ did: issuer.did, name: issuer.name, added_at: issuer.addedAt }).execute();
    return true;
  }

  async removeTrustedIssuer(tx: Tx, did: string): Promise<boolean> {
    return Number((await tx.deleteFrom('trusted_issuer').where('did', '=', did).executeTakeFirst()).numDeletedRows) === 1;
  }
}
