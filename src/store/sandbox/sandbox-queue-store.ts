import type { QueuedEntry } from '../../core/sandbox/fair-queue.js';
import type { Database, Tx } from '../database.js';

/**
 * What the fair scheduler reads and keeps (ADR 0012): the provider's queued jobs, by consumer
 * and age only, and each consumer's last turn. A turn is taken in the transaction that starts
 * the job, so the rotation survives a restart.
 */
export class SandboxQueueStore {
  constructor(private readonly database: Database) {}

  /** Queued provider jobs, oldest first, at most `limit`. */
  async queued(limit = 5000, tx?: Tx): Promise<QueuedEntry[]> {
    const rows = await (tx ?? this.database.db)
      .selectFrom('sandbox_job')
      .select(['id', 'peer_did', 'created_at'])
      .where('role', '=', 'provider')
      .where('state', '=', 'queued')
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, consumer: r.peer_did, createdAt: r.created_at }));
  }

  /** Each consumer's last turn; a consumer never served is absent. */
  async turns(tx?: Tx): Promise<Map<string, number>> {
    const rows = await (tx ?? this.database.db).selectFrom('sandbox_consumer_turn').selectAll().execute();
    return new Map(rows.map((r) => [r.peer_did, Number(r.turn)]));
  }

  /** Gives `consumer` the next turn (one past the latest of anyone's) and returns it. */
  async take(tx: Tx, consumer: string): Promise<number> {
    const latest = await tx.selectFrom('sandbox_consumer_turn').select((eb) => eb.fn.max('turn').as('turn')).executeTakeFirst();
    const turn = Number(latest?.turn ?? 0) + 1;
    await tx
      .insertInto('sandbox_consumer_turn')
      .values({ peer_did: consumer, turn })
      .onConflict((oc) => oc.column('peer_did').doUpdateSet({ turn }))
      .execute();
    return turn;
  }
}
