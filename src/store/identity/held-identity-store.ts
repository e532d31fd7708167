import type { Database } from '../database.js';

export interface ConnectorIdentity {
  participantId: string;
  did: string;
  operatorDid: string;
  /** The key id within the DID document (`<did>#<kid>`). */
  kid: string;
  enrolledAt: string;
}

export interface HeldCredential {
  id: string;
  type: string;
  jwt: string;
  receivedAt: string;
}

/** The connector's side: the identity it enrolled and the credentials it holds and presents. */
export class HeldIdentityStore {
  constructor(private readonly database: Database) {}

  async identity(): Promise<ConnectorIdentity | undefined> {
    const row = await this.database.db.selectFrom('connector_identity').selectAll().where('id', '=', 1).executeTakeFirst();
    return row ? { participantId: row.participant_id, did: row.did, operatorDid: row.operator_did, kid: row.kid, enrolledAt: row.enrolled_at } : undefined;
  }

  /** Replaces the identity and its credentials in one transaction (a re-enrollment starts afresh). */
  async saveEnrollment(identity: ConnectorIdentity, credentials: HeldCredential[]): Promise<void> {
    await this.database.transaction(async (tx) => {
      await tx.deleteFrom('connector_identity').execute();
      await tx.deleteFrom('held_credential').execute();
      await tx
        .insertInto('connector_identity')
        .values({ id: 1, participant_id: identity.participantId, did: identity.did, operator_did: identity.operatorDid, kid: identity.kid, enrolled_at: identity.enrolledAt })
        .execute();
      await this.insertCredentials(tx, credentials);
    });
  }

  /** Replaces the held credentials (e.g. after the operator reissued them). */
  async replaceCredentials(credentials: HeldCredential[]): Promise<void> {
    await this.database.transaction(async (tx) => {
      await tx.deleteFrom('held_credential').execute();
      await this.insertCredentials(tx, credentials);
    });
  }

  async credentials(): Promise<HeldCredential[]> {
    const rows = await this.database.db.selectFrom('held_credential').selectAll().orderBy('type').execute();
    return rows.map((r) => ({ id: r.id, type: r.type, jwt: r.jwt, receivedAt: r.received_at }));
  }

  private async insertCredentials(tx: Parameters<Parameters<Database['transaction']>[0]>[0], credentials: HeldCredential[]): Promise<void> {
    if (credentials.length === 0) return;
    await tx
      .insertInto('held_credential')
      .values(credentials.map((c) => ({ id: c.id, type: c.type, jwt: c.jwt, received_at: c.receivedAt })))
      .execute();
  }
}
