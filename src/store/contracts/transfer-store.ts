import type { DeliveredContent, PeerIdentity, TransferRecord } from '../../core/contracts/contract-records.js';
import type { TransferState } from '../../core/dsp/index.js';
import { DomainError } from '../../core/errors/index.js';
import type { Database, Tx } from '../database.js';
import type { DspTransferTable } from './contract-tables.js';
import { processFromColumns, processToColumns, type PageQuery } from './process-columns.js';

function toRow(r: TransferRecord): DspTransferTable {
  return {
    ...processToColumns(r),
    agreement_id: r.agreementId,
    format: r.format,
    data_address_cipher: r.dataAddressCipher ?? null,
    token_digest: r.tokenDigest ?? null,
    token_expires_at: r.tokenExpiresAt ?? null,
    content: r.content ? JSON.stringify(r.content) : null,
    peer_identity: r.peerIdentity ? JSON.stringify(r.peerIdentity) : null,
  };
}

function fromRow(row: DspTransferTable): TransferRecord {
  return {
    ...processFromColumns<TransferState>(row),
    agreementId: row.agreement_id,
    format: row.format,
    ...(row.data_address_cipher ? { dataAddressCipher: row.data_address_cipher } : {}),
    ...(row.token_digest ? { tokenDigest: row.token_digest } : {}),
    ...(row.token_expires_at ? { tokenExpiresAt: row.token_expires_at } : {}),
    ...(row.content ? { content: JSON.parse(row.content) as DeliveredContent } : {}),
    ...(row.peer_identity ? { peerIdentity: JSON.parse(row.peer_identity) as PeerIdentity } : {}),
  };
}

/** Transfer processes (数据传输) on either side, with the provider's current EDR token digest. */
export class TransferStore {
  constructor(private readonly database: Database) {}

  async insert(tx: Tx, record: TransferRecord): Promise<void> {
    await tx.insertInto('dsp_transfer').values(toRow(record)).execute();
  }

  async update(tx: Tx, next: TransferRecord): Promise<void> {
    const { id, ...values } = toRow(next);
    const result = await tx.updateTable('dsp_transfer').set(values).where('id', '=', id).where('version', '=', next.version - 1).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('contract.conflict', `Transfer ${id} changed meanwhile; try again.`);
  }

  /** Records what the data plane delivers for a transfer; not a state change, so no version check. */
  async setContent(id: string, content: DeliveredContent): Promise<void> {
    await this.database.db.updateTable('dsp_transfer').set({ content: JSON.stringify(content) }).where('id', '=', id).execute();
  }

  async find(id: string, tx?: Tx): Promise<TransferRecord | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('dsp_transfer').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findByTokenDigest(digest: string): Promise<TransferRecord | undefined> {
    const row = await this.database.db.selectFrom('dsp_transfer').selectAll().where('token_digest', '=', digest).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(query: PageQuery & { agreementId?: string }): Promise<{ items: TransferRecord[]; total: number }> {
    let q = this.database.db.selectFrom('dsp_transfer');
    if (query.role) q = q.where('role', '=', query.role);
    if (query.state) q = q.where('state', '=', query.state);
    if (query.agreementId) q = q.where('agreement_id', '=', query.agreementId);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: Number(count.n) };
  }

  async openFor(agreementId: string, tx?: Tx): Promise<TransferRecord[]> {
    const rows = await (tx ?? this.database.db)
      .selectFrom('dsp_transfer')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .where('state', 'in', ['REQUESTED', 'STARTED', 'SUSPENDED'])
      .execute();
    return rows.map(fromRow);
  }

  async due(now: string, limit: number): Promise<TransferRecord[]> {
    const rows = await this.database.db
      .selectFrom('dsp_transfer')
      .selectAll()
      .where('outbox', 'is not', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }
}
