import type { EntityAuthorization } from '../../core/sandbox/entity-authorization.js';
import type { Database, Tx } from '../database.js';

export interface StoredAuthorization {
  jobId: string;
  record: EntityAuthorization;
  recordSha256: string;
  createdAt: string;
}

/**
 * The entity authorizations a per-entity job ran under (ADR 0012). Written in the job's own
 * transaction, with their digests on the ledger; never changed afterwards.
 */
export class EntityAuthorizationStore {
  constructor(private readonly database: Database) {}

  /** Stores the authorizations of `jobId`, one per entity. */
  async insert(tx: Tx, jobId: string, records: ReadonlyArray<{ record: EntityAuthorization; sha256: string }>, at: string): Promise<void> {
    if (records.length === 0) return;
    await tx
      .insertInto('sandbox_entity_authorization')
      .values(
        records.map(({ record, sha256 }) => ({
          job_id: jobId,
          entity_id: record.entityId.toUpperCase(),
          consumer_did: record.consumer,
          purpose: record.purpose,
          valid_until: record.validUntil,
          record: JSON.stringify(record),
          record_sha256: sha256,
          created_at: at,
        })),
      )
      .execute();
  }

  /** A job's authorizations, by entity; empty for a job that needed none. */
  async forJob(jobId: string): Promise<StoredAuthorization[]> {
    const rows = await this.database.db.selectFrom('sandbox_entity_authorization').selectAll().where('job_id', '=', jobId).orderBy('entity_id').execute();
    return rows.map((r) => ({ jobId: r.job_id, record: JSON.parse(r.record) as EntityAuthorization, recordSha256: r.record_sha256, createdAt: r.created_at }));
  }

  /** Every job that asked about `entityId`, oldest first: the audit of one enterprise. */
  async forEntity(entityId: string): Promise<StoredAuthorization[]> {
    const rows = await this.database.db.selectFrom('sandbox_entity_authorization').selectAll().where('entity_id', '=', entityId.toUpperCase()).orderBy('created_at').orderBy('job_id').execute();
    return rows.map((r) => ({ jobId: r.job_id, record: JSON.parse(r.record) as EntityAuthorization, recordSha256: r.record_sha256, createdAt: r.created_at }));
  }
}
