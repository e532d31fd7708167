import type { NegotiationRecord } from '../../core/contracts/contract-records.js';
import type { NegotiationState } from '../../core/dsp/index.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import type { DspNegotiationTable } from './contract-tables.js';
import { processFromColumns, processToColumns, type PageQuery } from './process-columns.js';

function toRow(r: NegotiationRecord): DspNegotiationTable {
  return {
    ...processToColumns(r),
    peer_participant: r.peerParticipant ?? null,
    dataset_id: r.datasetId,
    offer: JSON.stringify(r.offer),
    purpose: r.purpose ?? null,
    processing_location: r.processingLocation ?? null,
    agreement_id: r.agreementId ?? null,
  };
}

function fromRow(row: DspNegotiationTable): NegotiationRecord {
  return {
    ...processFromColumns<NegotiationState>(row),
    ...(row.peer_participant ? { peerParticipant: row.peer_participant } : {}),
    datasetId: row.dataset_id,
    offer: JSON.parse(row.offer) as Record<string, unknown>,
    ...(row.purpose ? { purpose: row.purpose } : {}),
    ...(row.processing_location ? { processingLocation: row.processing_location } : {}),
    ...(row.agreement_id ? { agreementId: row.agreement_id } : {}),
  };
}

/** Contract negotiations (合约协商) as this connector holds them, provider or consumer side. */
export class NegotiationStore {
  constructor(private readonly database: Database) {}

  async insert(tx: Tx, record: NegotiationRecord): Promise<void> {
    await tx.insertInto('dsp_negotiation').values(toRow(record)).execute();
  }

  /** Writes `next` if the stored record is still at `next.version - 1`; else the caller lost a race. */
  async update(tx: Tx, next: NegotiationRecord): Promise<void> {
    const { id, ...values } = toRow(next);
    const result = await tx.updateTable('dsp_negotiation').set(values).where('id', '=', id).where('version', '=', next.version - 1).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('contract.conflict', `Negotiation ${id} changed meanwhile; try again.`);
  }

  async find(id: string, tx?: Tx): Promise<NegotiationRecord | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('dsp_negotiation').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(query: PageQuery): Promise<{ items: NegotiationRecord[]; total: number }> {
    let q = this.database.db.selectFrom('dsp_negotiation');
    if (query.role) q = q.where('role', '=', query.role);
    if (query.state) q = q.where('state', '=', query.state);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: Number(count.n) };
  }

  /** Negotiations with a message to deliver whose next attempt is due. */
  async due(now: string, limit: number): Promise<NegotiationRecord[]> {
    const rows = await this.database.db
      .selectFrom('dsp_negotiation')
      .selectAll()
      .where('outbox', 'is not', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }
}
