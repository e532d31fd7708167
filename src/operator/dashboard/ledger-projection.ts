import { decodeEvidenceLeaf, type EvidenceEntry } from '../../core/ledger/evidence-entry.js';
import type { LedgerStore } from '../../store/ledger/ledger-store.js';
import type { MetricsProjectionStore } from '../../store/metrics/metrics-projection-store.js';

/** Leaves projected per transaction: small enough to keep a transaction short, large enough to catch up fast. */
export const PROJECTION_BATCH = 2000;

/**
 * Keeps the dashboard's projection caught up with the ledger: reads the leaves after the
 * watermark and projects them batch by batch. Concurrent calls in this process share one run; a
 * batch another process projected first is dropped and read again from the new watermark.
 */
export class LedgerProjection {
  private running: Promise<number> | undefined;

  constructor(
    private readonly ledger: LedgerStore,
    private readonly store: MetricsProjectionStore,
    private readonly now: () => Date = () => new Date(),
    /** Whether an entry counts: the operator counts only what it can verify (ADR 0013). */
    private readonly verifiable: (entry: EvidenceEntry) => Promise<boolean> = async () => true,
  ) {}

  /** Projects every leaf committed now; resolves with the watermark reached. */
  catchUp(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once a catch-up under way has finished (shutdown: before the database closes). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<number> {
    for (;;) {
      const from = await this.store.watermark();
      const leaves = await this.ledger.readLeaves(from, from + PROJECTION_BATCH);
      if (leaves.length === 0) return from;
      const to = leaves[leaves.length - 1]!.index + 1;
      const entries: EvidenceEntry[] = [];
      for (const { leaf } of leaves) {
        // A leaf that no longer decodes is tampering, which `tds ledger verify` reports; it counts for nothing here.
        let entry: EvidenceEntry;
        try {
          entry = decodeEvidenceLeaf(leaf);
        } catch {
          continue;
        }
        // A forged agreement relayed before the registry existed, say, is in the log for good but counts for nothing.
        if (await this.verifiable(entry)) entries.push(entry);
      }
      await this.store.apply(from, to, entries, this.now().toISOString());
    }
  }
}
