import type { Database } from '../database.js';
import type { LedgerStore } from '../ledger/ledger-store.js';

export interface EvidenceReceipt {
  leafHash: string;
  ledgerIndex: number;
  type: string;
  subject: string;
  at: string;
}

/**
 * The connector's side of its evidence: entries wait in the outbox (written in the transaction of
 * their state change) until the space's ledger acknowledges them; then, in one transaction, their
 * receipts (where each landed) are written and the outbox rows removed.
 */
export class EvidenceReceiptStore {
  constructor(
    private readonly database: Database,
    private readonly ledger: LedgerStore,
  ) {}

  pending(limit: number) {
    return this.ledger.readOutbox(limit);
  }

  async settle(outboxIds: number[], receipts: EvidenceReceipt[], submittedAt: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      if (receipts.length) {
        await tx
          .insertInto('evidence_receipt')
          .values(receipts.map((r) => ({ leaf_hash: r.leafHash, ledger_index: r.ledgerIndex, type: r.type, subject: r.subject, at: r.at, submitted_at: submittedAt })))
          .onConflict((oc) => oc.column('leaf_hash').doNothing())
          .execute();
      }
      if (outboxIds.length) await tx.deleteFrom('evidence_outbox').where('id', 'in', outboxIds).execute();
    });
  }

  async forSubject(subject: string): Promise<EvidenceReceipt[]> {
    const rows = await this.database.db.selectFrom('evidence_receipt').selectAll().where('subject', '=', subject).orderBy('at').orderBy('ledger_index').execute();
    return rows.map((r) => ({ leafHash: r.leaf_hash, ledgerIndex: Number(r.ledger_index), type: r.type, subject: r.subject, at: r.at }));
  }

  async pendingCount(): Promise<number> {
    const row = await this.database.db.selectFrom('evidence_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
