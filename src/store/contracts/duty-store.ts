import type { Database, Tx } from '../database.js';

export interface DutyEventRecord {
  id: string;
  agreementId: string;
  duty?: string;
  action: string;
  source: 'self' | 'peer';
  note?: string;
  at: string;
}

/** Duties performed under agreements, for their status (pending, fulfilled, breached). */
export class DutyStore {
  constructor(private readonly database: Database) {}

  async record(tx: Tx, e: DutyEventRecord): Promise<void> {
    await tx.insertInto('duty_event').values({ id: e.id, agreement_id: e.agreementId, duty: e.duty ?? null, action: e.action, source: e.source, note: e.note ?? null, at: e.at }).execute();
  }

  async events(agreementId: string): Promise<DutyEventRecord[]> {
    const rows = await this.database.db.selectFrom('duty_event').selectAll().where('agreement_id', '=', agreementId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, agreementId: r.agreement_id, ...(r.duty ? { duty: r.duty } : {}), action: r.action, source: r.source as 'self' | 'peer', ...(r.note ? { note: r.note } : {}), at: r.at }));
  }
}
