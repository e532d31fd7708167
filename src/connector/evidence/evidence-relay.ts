import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { decodeEvidenceLeaf } from '../../core/ledger/evidence-entry.js';
import type { EvidenceReceiptStore } from '../../store/contracts/evidence-receipt-store.js';
import type { OperatorClient } from '../space/operator-client.js';

const BATCH = 500;
const MAX_BACKOFF_MS = 30_000;

/** The identity of a leaf on this side: SHA-256 of its bytes, whatever hash the space's tree uses. */
export const leafDigest = (leaf: Uint8Array): string => createHash('sha256').update(leaf).digest('hex');

/**
 * Carries the connector's evidence into the space's ledger. State changes write their entries to
 * the outbox in their own transaction (so no change exists without its evidence); the relay sends
 * them to the operator in batches, in order, and, once the operator answers with their indexes,
 * records the receipts and clears the outbox in one transaction. A crash in between resends the
 * batch, which the operator answers with the same indexes. While the operator is unreachable the
 * entries wait, and the relay backs off up to 30 s.
 */
export class EvidenceRelay {
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  private lastError: unknown;

  constructor(
    private readonly receipts: EvidenceReceiptStore,
    private readonly operator: OperatorClient,
    private readonly options: { pollMs?: number; logger?: Logger | undefined; now?: () => Date } = {},
  ) {}

  /** The error of the last failed relay, for readiness and the console; cleared by the next success. */
  get failure(): unknown {
    return this.lastError;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 2000);
    this.timer.unref();
    this.wake();
  }

  wake = (): void => {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  };

  /** Relays what is queued unless the operator fails to answer, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Resolves once everything queued now has a receipt (tests, shutdown). */
  async flush(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.receipts.pendingCount()) > 0) {
      if (Date.now() > deadline) throw new Error(`evidence relay: entries still pending after ${timeoutMs} ms (${String(this.lastError ?? 'no error')})`);
      this.wake();
      await (this.running ?? new Promise((r) => setTimeout(r, 20)));
    }
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await this.receipts.pending(BATCH);
      if (rows.length === 0) return;
      try {
        const { indexes } = await this.operator.json<{ indexes: number[] }>('POST', '/api/v1/ledger/evidence', { leaves: rows.map((r) => Buffer.from(r.leaf).toString('base64')) });
        const receipts = rows.map((r, i) => {
          const entry = decodeEvidenceLeaf(r.leaf);
          return { leafHash: leafDigest(r.leaf), ledgerIndex: indexes[i]!, type: entry.type, subject: entry.subject, at: entry.at };
        });
        await this.receipts.settle(rows.map((r) => r.id), receipts, (this.options.now?.() ?? new Date()).toISOString());
        this.failures = 0;
        this.lastError = undefined;
      } catch (error) {
        this.lastError = error;
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) this.options.logger?.warn({ err: error, pending: rows.length }, 'evidence relay to the operator failed; will retry');
        await new Promise((r) => setTimeout(r, Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 7))).unref?.());
        if (this.stopped) return;
        continue;
      }
    }
  }
}
