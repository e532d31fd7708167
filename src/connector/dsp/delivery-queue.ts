import type { Logger } from 'pino';
import type { DeliveryTask } from '../../core/contracts/contract-records.js';
import { PeerUnreachableError, type DspClient, type PeerAnswer } from './dsp-client.js';

/** What the queue needs of a process record. */
export interface Deliverable {
  id: string;
  peerDid: string;
  outbox?: DeliveryTask;
  attempts: number;
}

/** What the owning service does with the outcome of a delivery; each runs in its own transaction. */
export interface DeliveryHandlers<R extends Deliverable> {
  load(id: string): Promise<R | undefined>;
  due(now: string, limit: number): Promise<R[]>;
  /** The peer acknowledged the message (2xx) with `answer`. */
  acknowledged(record: R, task: DeliveryTask, answer: PeerAnswer): Promise<void>;
  /** The peer refused it for good (4xx: a DSP error, or an authentication failure). */
  refused(record: R, task: DeliveryTask, answer: PeerAnswer): Promise<void>;
  /** Not delivered; try again at `nextAttemptAt`, or give up when it is undefined. */
  postponed(record: R, task: DeliveryTask, error: string, nextAttemptAt: string | undefined): Promise<void>;
}

const MAX_ATTEMPTS = 12;
const backoffMs = (attempts: number) => Math.min(60_000, 500 * 2 ** attempts);

/**
 * Delivers each process's pending DSP message: right after the transaction that queued it commits
 * (`soon`), and from the database for whatever is due (after a restart, after a failure). A record
 * is delivered by one call at a time. A peer that does not answer, or answers 5xx, is retried with
 * exponential backoff (0.5 s doubling to 60 s, 12 attempts, about 8 minutes), then given up on.
 */
export class DeliveryQueue<R extends Deliverable> {
  private readonly inflight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private sweeping: Promise<void> | undefined;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly name: string,
    private readonly client: DspClient,
    private readonly handlers: DeliveryHandlers<R>,
    private readonly options: { pollMs?: number; now?: () => Date; logger?: Logger | undefined; unseal?: (task: DeliveryTask, record: R) => Record<string, unknown> } = {},
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sweep(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.sweep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
    await Promise.allSettled([...this.running]);
  }

  /** Delivers `id`'s pending message now (call after the transaction that queued it commits). */
  soon = (id: string): void => {
    if (this.stopped) return;
    const run = this.deliver(id).catch((error: unknown) => this.options.logger?.error({ err: error, id }, `${this.name} delivery failed`));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  };

  private sweep(): void {
    if (this.sweeping || this.stopped) return;
    this.sweeping = (async () => {
      const now = (this.options.now?.() ?? new Date()).toISOString();
      for (const record of await this.handlers.due(now, 100)) if (!this.inflight.has(record.id)) this.soon(record.id);
    })()
      .catch((error: unknown) => this.options.logger?.error({ err: error }, `${this.name} delivery sweep failed`))
      .finally(() => (this.sweeping = undefined));
  }

  private async deliver(id: string): Promise<void> {
    if (this.inflight.has(id)) return;
    this.inflight.add(id);
    try {
      const record = await this.handlers.load(id);
      const task = record?.outbox;
      if (!record || !task) return;
      let answer: PeerAnswer;
      try {
        const message = task.sealed && this.options.unseal ? this.options.unseal(task, record) : task.message;
        answer = await this.client.post(task.url, record.peerDid, message);
      } catch (error) {
        // Unreachable peers are expected; anything else (no identity yet, a bad address) is logged,
        // and backs off and gives up the same way instead of being retried at every sweep.
        if (!(error instanceof PeerUnreachableError)) this.options.logger?.error({ err: error, id }, `${this.name} delivery failed`);
        return await this.postpone(record, task, (error as Error).message);
      }
      if (answer.status >= 200 && answer.status < 300) return await this.handlers.acknowledged(record, task, answer);
      // 409: the peer was changing the same process at that moment (its answer to an earlier
      // message of ours racing this one); the retry finds it settled.
      if (answer.status >= 500 || answer.status === 429 || answer.status === 408 || answer.status === 409) return await this.postpone(record, task, `answered ${answer.status}`);
      await this.handlers.refused(record, task, answer);
    } finally {
      this.inflight.delete(id);
    }
  }

  private async postpone(record: R, task: DeliveryTask, error: string): Promise<void> {
    const attempts = record.attempts + 1;
    const next = attempts >= MAX_ATTEMPTS ? undefined : new Date((this.options.now?.() ?? new Date()).getTime() + backoffMs(attempts)).toISOString();
    await this.handlers.postponed(record, task, error, next);
  }
}
