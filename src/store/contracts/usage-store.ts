import type { AccessRecord, ReceivedRecord } from '../../core/contracts/contract-records.js';
import type { Database, Tx } from '../database.js';

/**
 * What happened under agreements: every data-plane access on the provider side (metering, 计量),
 * and on the consumer side what arrived under which agreement (onward transfer control).
 */
export class UsageStore {
  constructor(private readonly database: Database) {}

  async recordAccess(tx: Tx, a: AccessRecord): Promise<void> {
    await tx
      .insertInto('dsp_access')
      .values({ id: a.id, agreement_id: a.agreementId, transfer_id: a.transferId, kind: a.kind, outcome: a.outcome, bytes: a.bytes, detail: a.detail ?? null, at: a.at })
      .execute();
  }

  async accesses(agreementId: string, limit = 200): Promise<AccessRecord[]> {
    const rows = await this.database.db.selectFrom('dsp_access').selectAll().where('agreement_id', '=', agreementId).orderBy('at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      agreementId: r.agreement_id,
      transferId: r.transfer_id,
      kind: r.kind as AccessRecord['kind'],
      outcome: r.outcome as AccessRecord['outcome'],
      bytes: Number(r.bytes),
      ...(r.detail ? { detail: r.detail } : {}),
      at: r.at,
    }));
  }

  /** Accesses allowed since `since`, for a rate limit. */
  async allowedSince(agreementId: string, since: string): Promise<number> {
    const row = await this.database.db
      .selectFrom('dsp_access')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agreement_id', '=', agreementId)
      .where('outcome', '=', 'allowed')
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async recordReceived(tx: Tx, r: ReceivedRecord): Promise<void> {
    await tx
      .insertInto('received_data')
      .values({
        id: r.id,
        agreement_id: r.agreementId,
        transfer_id: r.transferId,
        dataset_id: r.datasetId,
        provider_did: r.providerDid,
        path: r.path,
        sha256: r.sha256,
        bytes: r.bytes,
        media_type: r.mediaType,
        received_at: r.receivedAt,
      })
      .execute();
  }

  /** What arrived with this content hash: a file about to be re-offered or forwarded is looked up here. */
  async receivedBySha256(sha256: string): Promise<ReceivedRecord[]> {
    const rows = await this.database.db.selectFrom('received_data').selectAll().where('sha256', '=', sha256).execute();
    return rows.map(fromReceivedRow);
  }

  async receivedById(id: string): Promise<ReceivedRecord | undefined> {
    const row = await this.database.db.selectFrom('received_data').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromReceivedRow(row) : undefined;
  }

  async received(agreementId?: string): Promise<ReceivedRecord[]> {
    let q = this.database.db.selectFrom('received_data').selectAll();
    if (agreementId) q = q.where('agreement_id', '=', agreementId);
    const rows = await q.orderBy('received_at', 'desc').orderBy('id').limit(500).execute();
    return rows.map(fromReceivedRow);
  }
}

function fromReceivedRow(r: { id: string; agreement_id: string; transfer_id: string; dataset_id: string; provider_did: string; path: string; sha256: string; bytes: number; media_type: string; received_at: string }): ReceivedRecord {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    transferId: r.transfer_id,
    datasetId: r.dataset_id,
    providerDid: r.provider_did,
    path: r.path,
    sha256: r.sha256,
    bytes: Number(r.bytes),
    mediaType: r.media_type,
    receivedAt: r.received_at,
  };
}
