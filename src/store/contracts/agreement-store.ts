import type { AgreementRecord, AgreementStatus } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import type { DspAgreementTable } from './contract-tables.js';

function toRow(r: AgreementRecord): DspAgreementTable {
  return {
    id: r.id,
    negotiation_id: r.negotiationId,
    role: r.role,
    provider_did: r.providerDid,
    consumer_did: r.consumerDid,
    consumer_participant: r.consumerParticipant ?? null,
    dataset_id: r.datasetId,
    asset_id: r.assetId ?? null,
    policy: JSON.stringify(r.policy),
    hash: r.hash,
    provider_signature: r.providerSignature ?? null,
    consumer_signature: r.consumerSignature ?? null,
    purpose: r.purpose ?? null,
    processing_location: r.processingLocation ?? null,
    status: r.status,
    status_reason: r.statusReason ?? null,
    uses: r.uses,
    finalized_at: r.finalizedAt ?? null,
    version: r.version,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

function fromRow(row: DspAgreementTable): AgreementRecord {
  return {
    id: row.id,
    negotiationId: row.negotiation_id,
    role: row.role as AgreementRecord['role'],
    providerDid: row.provider_did,
    consumerDid: row.consumer_did,
    ...(row.consumer_participant ? { consumerParticipant: row.consumer_participant } : {}),
    datasetId: row.dataset_id,
    ...(row.asset_id ? { assetId: row.asset_id } : {}),
    policy: JSON.parse(row.policy) as Record<string, unknown>,
    hash: row.hash,
    ...(row.provider_signature ? { providerSignature: row.provider_signature } : {}),
    ...(row.consumer_signature ? { consumerSignature: row.consumer_signature } : {}),
    ...(row.purpose ? { purpose: row.purpose } : {}),
    ...(row.processing_location ? { processingLocation: row.processing_location } : {}),
    status: row.status as AgreementStatus,
    ...(row.status_reason ? { statusReason: row.status_reason } : {}),
    uses: Number(row.uses),
    ...(row.finalized_at ? { finalizedAt: row.finalized_at } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Contract agreements (合约) this connector is party to, with both signatures and the use count. */
export class AgreementStore {
  constructor(private readonly database: Database) {}

  async insert(tx: Tx, record: AgreementRecord): Promise<void> {
    await tx.insertInto('dsp_agreement').values(toRow(record)).execute();
  }

  async update(tx: Tx, next: AgreementRecord): Promise<void> {
    const { id, uses: _uses, ...values } = toRow(next);
    const result = await tx.updateTable('dsp_agreement').set(values).where('id', '=', id).where('version', '=', next.version - 1).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('contract.conflict', `Agreement ${id} changed meanwhile; try again.`);
  }

  async find(id: string, tx?: Tx): Promise<AgreementRecord | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('dsp_agreement').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(query: { role?: 'provider' | 'consumer'; status?: AgreementStatus; limit: number; offset: number }): Promise<{ items: AgreementRecord[]; total: number }> {
    let q = this.database.db.selectFrom('dsp_agreement');
    if (query.role) q = q.where('role', '=', query.role);
    if (query.status) q = q.where('status', '=', query.status);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: Number(count.n) };
  }

  /** Active agreements with this consumer, for suspending a participant's transfers. */
  async activeWith(consumerDid: string): Promise<AgreementRecord[]> {
    const rows = await this.database.db.selectFrom('dsp_agreement').selectAll().where('consumer_did', '=', consumerDid).where('status', '=', 'active').execute();
    return rows.map(fromRow);
  }

  /**
   * Counts one use, atomically, unless `limit` uses were made already: the check and the count
   * are one conditional UPDATE, so concurrent accesses cannot both take the last one.
   * Returns the uses after counting, or undefined when none was left.
   */
  async countUse(tx: Tx, id: string, limit: number | undefined): Promise<number | undefined> {
    let q = tx.updateTable('dsp_agreement').set((eb) => ({ uses: eb('uses', '+', 1) })).where('id', '=', id);
    if (limit !== undefined) q = q.where('uses', '<', limit);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    const row = await tx.selectFrom('dsp_agreement').select('uses').where('id', '=', id).executeTakeFirstOrThrow();
    return Number(row.uses);
  }
}
