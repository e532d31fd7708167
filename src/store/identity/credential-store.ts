import type { Database, Tx } from '../database.js';

export interface IssuedCredential {
  id: string;
  participantId: string;
  type: string;
  jwt: string;
  statusIndex: number;
  issuedAt: string;
  validUntil: string;
}

export interface StoredStatusList {
  purpose: string;
  bits: Uint8Array;
  jwt: string;
  updatedAt: string;
}

/**
 * The operator's issued credentials and its Bitstring Status Lists. A credential's status index
 * is drawn from a counter in the issuing transaction, so no two credentials share a bit.
 */
export class CredentialStore {
  constructor(private readonly database: Database) {}

  /** Next value of counter `name` (starting at 0), bumped atomically inside `tx`. */
  async nextCounter(tx: Tx, name: string): Promise<number> {
    await tx.insertInto('counter').values({ name, value: -1 }).onConflict((oc) => oc.column('name').doNothing()).execute();
    const row = await tx
      .updateTable('counter')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  async insertCredential(tx: Tx, credential: IssuedCredential): Promise<void> {
    await tx
      .insertInto('credential')
      .values({
        id: credential.id,
        participant_id: credential.participantId,
        type: credential.type,
        jwt: credential.jwt,
        status_index: credential.statusIndex,
        issued_at: credential.issuedAt,
        valid_until: credential.validUntil,
      })
      .execute();
  }

  async credentialsOf(participantId: string, tx?: Tx): Promise<IssuedCredential[]> {
    const rows = await (tx ?? this.database.db)
      .selectFrom('credential')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('issued_at')
      .orderBy('type')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      participantId: r.participant_id,
      type: r.type,
      jwt: r.jwt,
      statusIndex: Number(r.status_index),
      issuedAt: r.issued_at,
      validUntil: r.valid_until,
    }));
  }

  /**
   * The list of `purpose`. With `lock` (inside `tx`), PostgreSQL holds the row until commit so two
   * concurrent status changes cannot lose each other's bit; SQLite transactions are serial anyway.
   */
  async readStatusList(purpose: string, tx?: Tx, lock = false): Promise<StoredStatusList | undefined> {
    let query = (tx ?? this.database.db).selectFrom('status_list').selectAll().where('purpose', '=', purpose);
    if (lock && tx && this.database.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? { purpose: row.purpose, bits: new Uint8Array(row.bits), jwt: row.jwt, updatedAt: row.updated_at } : undefined;
  }

  async writeStatusList(tx: Tx, list: StoredStatusList): Promise<void> {
    const values = { purpose: list.purpose, bits: Buffer.from(list.bits), jwt: list.jwt, updated_at: list.updatedAt };
    await tx
      .insertInto('status_list')
      .values(values)
      .onConflict((oc) => oc.column('purpose').doUpdateSet({ bits: values.bits, jwt: values.jwt, updated_at: values.updated_at }))
      .execute();
  }
}
