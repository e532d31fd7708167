import { DomainError } from '../../core/errors/index.js';
import { hashAlgorithm, type HashAlgorithm, type HashAlgorithmName } from '../../core/crypto/hash-algorithm.js';
import { CompactRange } from '../../core/ledger/compact-range.js';
import { encodeEvidence, type EvidenceInput } from '../../core/ledger/evidence-entry.js';
import { emptyRoot, leafHash } from '../../core/ledger/merkle-hash.js';
import { nodeKey, type NodeId } from '../../core/ledger/merkle-node.js';
import { openNote } from '../../core/ledger/signed-note.js';
import { LedgerConflictError, type LedgerStore } from '../../store/ledger/ledger-store.js';
import type { CheckpointSigner } from './checkpoint-signer.js';

/** One append() call: its leaves are integrated together and answered with one promise. */
interface PendingAppend {
  leaves: Uint8Array[];
  resolve: (firstIndex: number) => void;
  reject: (error: unknown) => void;
}

export interface SequencerOptions {
  /** Leaves integrated per transaction at most. */
  maxBatch?: number;
  /** How often the outbox is polled when nothing wakes the sequencer. */
  pollMs?: number;
  now?: () => Date;
}

/**
 * The single writer of the space's Merkle log. Direct appends and outbox rows are integrated in
 * batches (group commit): each batch writes leaves, new perfect-subtree hashes, the new head and
 * its signed checkpoint in one transaction, and only then are appenders answered. A crash loses
 * no acknowledged entry: what was committed is in the tree, what was not is still in the outbox
 * or was never acknowledged. Several operator replicas may each run one; the store's conditional
 * head update makes all but one batch fail, and the losers reload and retry.
 */
export class LedgerSequencer {
  private readonly maxBatch: number;
  private readonly pollMs: number;
  private readonly now: () => Date;
  private pending: PendingAppend[] = [];
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private range!: CompactRange;
  private alg!: HashAlgorithm;
  private stopped = false;
  private lastError: unknown;

  constructor(
    private readonly store: LedgerStore,
    private readonly signer: CheckpointSigner,
    options: SequencerOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 8192;
    this.pollMs = options.pollMs ?? 100;
    this.now = options.now ?? (() => new Date());
  }

  get algorithm(): HashAlgorithm {
    return this.alg;
  }

  get size(): number {
    return this.range.size;
  }

  /** The error of the last failed batch, for readiness; cleared by the next success. */
  get failure(): unknown {
    return this.lastError;
  }

  /**
   * Loads the tree (creating it with `algorithmForNewTree` when the space has none), makes sure
   * the stored checkpoint is signed by the current key, and starts polling the outbox.
   */
  async start(algorithmForNewTree: HashAlgorithmName): Promise<void> {
    const at = this.now().toISOString();
    const head =
      (await this.store.readHead()) ??
      (await this.store.createTree(algorithmForNewTree, emptyRoot(hashAlgorithm(algorithmForNewTree)), at));
    this.alg = hashAlgorithm(head.algorithm);
    await this.reload();
    if (!head.checkpoint || !this.signedByUs(head.checkpoint)) {
      await this.commit([], []).catch((error) => {
        // A log that failed its self-check starts unsigned; the failure is on /ledger/status.
        if (!(error instanceof LedgerConflictError) && !(error instanceof DomainError && error.code === 'ledger.integrity-failed')) throw error;
      });
    }
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Appends entries and resolves with their indexes once they are committed to the log. */
  async append(inputs: EvidenceInput[]): Promise<number[]> {
    return this.appendLeaves(inputs.map((input) => encodeEvidence(this.alg, input).leaf));
  }

  /** Appends encoded leaves (e.g. evidence a connector recorded and relays) once they are checked. */
  async appendLeaves(leaves: Uint8Array[]): Promise<number[]> {
    if (this.stopped) throw new Error('ledger sequencer is stopped');
    if (leaves.length === 0) return [];
    const first = await new Promise<number>((resolve, reject) => {
      this.pending.push({ leaves, resolve, reject });
      this.wake();
    });
    return leaves.map((_, i) => first + i);
  }

  /** Starts a drain unless one is running; the running one picks up whatever is queued. */
  wake(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.pending.length > 0) this.wake();
    });
  }

  /** Integrates everything queued, then stops polling. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    while (this.running || this.pending.length > 0) {
      this.wake();
      await this.running;
    }
    this.stopped = true;
  }

  private signedByUs(checkpoint: string): boolean {
    try {
      openNote(checkpoint, this.signer.verifierKey);
      return true;
    } catch {
      return false;
    }
  }

  private async reload(): Promise<void> {
    const head = await this.store.readHead();
    if (!head) throw new Error('ledger tree missing');
    const ids = CompactRange.frontierIds(head.size);
    const found = await this.store.readNodes(ids);
    const frontier = found.map((hash, i) => {
      if (!hash) throw new Error(`ledger node ${nodeKey(ids[i]!)} missing for size ${head.size}`);
      return hash;
    });
    this.range = new CompactRange(this.alg, head.size, frontier);
  }

  /** Takes whole append() calls up to maxBatch leaves (at least one call, however large). */
  private takePending(): PendingAppend[] {
    let count = 0;
    let n = 0;
    while (n < this.pending.length && (n === 0 || count + this.pending[n]!.leaves.length <= this.maxBatch)) {
      count += this.pending[n]!.leaves.length;
      n += 1;
    }
    return this.pending.splice(0, n);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const direct = this.takePending();
      const directLeaves = direct.reduce((sum, p) => sum + p.leaves.length, 0);
      let outbox: Awaited<ReturnType<LedgerStore['readOutbox']>> = [];
      try {
        outbox = await this.store.readOutbox(Math.max(0, this.maxBatch - directLeaves));
      } catch (error) {
        this.lastError = error;
      }
      if (direct.length === 0 && outbox.length === 0) return;
      try {
        let next = await this.commit(direct, outbox);
        this.lastError = undefined;
        for (const p of direct) {
          p.resolve(next);
          next += p.leaves.length;
        }
      } catch (error) {
        this.lastError = error;
        await this.reload().catch(() => {});
        if (error instanceof LedgerConflictError) {
          this.pending.unshift(...direct);
          continue;
        }
        for (const p of direct) p.reject(error);
        return;
      }
    }
  }

  /** Builds and commits one batch; returns the index of its first leaf. */
  private async commit(direct: PendingAppend[], outbox: Array<{ id: number; leaf: Uint8Array }>): Promise<number> {
    const expectedSize = this.range.size;
    const leaves = [...direct.flatMap((p) => p.leaves), ...outbox.map((o) => o.leaf)];
    const leafHashes: Uint8Array[] = [];
    const nodes: Array<{ id: NodeId; hash: Uint8Array }> = [];
    for (const leaf of leaves) {
      const hash = leafHash(this.alg, leaf);
      leafHashes.push(hash);
      for (const node of this.range.append(hash)) if (node.id.level > 0) nodes.push(node);
    }
    const rootHash = this.range.root();
    await this.store.commitBatch({
      expectedSize,
      leaves,
      leafHashes,
      nodes,
      rootHash,
      checkpoint: this.signer.sign(this.range.size, rootHash),
      outboxIds: outbox.map((o) => o.id),
      at: this.now().toISOString(),
    });
    return expectedSize;
  }
}
