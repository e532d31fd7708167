import { fairOrder } from '../../core/sandbox/fair-queue.js';
import type { Tx } from '../../store/database.js';
import type { SandboxQueueStore } from '../../store/sandbox/sandbox-queue-store.js';

/**
 * Which queued job runs next, and where each waits (ADR 0012): round-robin across consumers
 * (`core/sandbox/fair-queue.ts`) over the queue in the database, with the rotation kept there too.
 */
export class JobScheduler {
  constructor(private readonly queue: SandboxQueueStore) {}

  /** The id of the job to start next, if any. */
  async next(): Promise<string | undefined> {
    const [queued, turns] = await Promise.all([this.queue.queued(), this.queue.turns()]);
    return fairOrder(queued, turns)[0]?.id;
  }

  /** Each queued job's position, 1 for the next to start. */
  async positions(): Promise<Map<string, number>> {
    const [queued, turns] = await Promise.all([this.queue.queued(), this.queue.turns()]);
    return new Map(fairOrder(queued, turns).map((e, i) => [e.id, i + 1]));
  }

  /** Records that `consumer` is being served now; in the transaction that starts its job. */
  async served(tx: Tx, consumer: string): Promise<void> {
    await this.queue.take(tx, consumer);
  }
}
