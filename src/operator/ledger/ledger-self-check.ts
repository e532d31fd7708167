import type { Logger } from 'pino';
import { hashAlgorithm, type HashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { bytesEqual } from '../../core/ledger/bytes-equal.js';
import { CompactRange } from '../../core/ledger/compact-range.js';
import { emptyRoot, leafHash } from '../../core/ledger/merkle-hash.js';
import { nodeKey } from '../../core/ledger/merkle-node.js';
import type { LedgerStore } from '../../store/ledger/ledger-store.js';
import type { LedgerVerificationStore } from '../../store/ledger/ledger-verification-store.js';
import type { CheckpointSigner } from './checkpoint-signer.js';

export interface SelfCheckStatus {
  state: 'unverified' | 'verified' | 'broken';
  /** Entries [0, verifiedSize) recomputed and found intact. */
  verifiedSize: number;
  checkedAt: string | null;
  /** The first entry whose stored bytes do not hash to what the log committed to. */
  brokenIndex?: number;
  problem?: string;
}

/** Leaves read per query while recomputing. */
const BATCH = 5000;

class Broken extends Error {
  constructor(
    readonly index: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The operator recomputes its own log (ADR 0013): each leaf's hash from its stored bytes, each
 * completed subtree against the stored node, and the root against the verified checkpoint and
 * the current head. At start only what was added since the last verified checkpoint (persisted);
 * on schedule the whole log. On a failure it logs the index that broke, reports it on
 * `GET /ledger/status` and readiness, and halts the checkpoint signer, so no checkpoint is ever
 * signed over a log that does not verify; a later check that passes (the leaf restored) resumes it.
 */
export class LedgerSelfCheck {
  private current: SelfCheckStatus = { state: 'unverified', verifiedSize: 0, checkedAt: null };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SelfCheckStatus> | undefined;

  constructor(
    private readonly ledger: LedgerStore,
    private readonly verified: LedgerVerificationStore,
    private readonly signer: CheckpointSigner,
    private readonly options: { logger?: Logger | undefined; now?: () => Date } = {},
  ) {}

  get status(): SelfCheckStatus {
    return this.current;
  }

  /** Recomputes from the last verified checkpoint (`incremental`) or from the first entry. */
  check(mode: 'incremental' | 'full'): Promise<SelfCheckStatus> {
    this.running ??= this.run(mode).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Full checks every `intervalMs`. */
  schedule(intervalMs: number): void {
    this.timer = setInterval(() => void this.check('full').catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async run(mode: 'incremental' | 'full'): Promise<SelfCheckStatus> {
    const at = (this.options.now?.() ?? new Date()).toISOString();
    const head = await this.ledger.readHead();
    // A space whose ledger does not exist yet has nothing that could be wrong.
    if (!head) return (this.current = { state: 'verified', verifiedSize: 0, checkedAt: at });
    const alg = hashAlgorithm(head.algorithm);
    const saved = await this.verified.read();
    try {
      let range: CompactRange;
      if (mode === 'incremental' && saved && saved.size <= head.size) {
        range = await this.frontierAt(alg, saved.size, saved.rootHash);
      } else {
        range = new CompactRange(alg, 0, []);
      }
      if (saved && saved.size > head.size) throw new Broken(undefined, `the log holds ${head.size} entries but ${saved.size} were verified before: entries were removed`);
      await this.recompute(alg, range, saved && saved.size <= head.size ? saved : undefined);
      await this.recompute(alg, range, { size: head.size, rootHash: head.rootHash });
      await this.verified.save({ size: head.size, rootHash: head.rootHash, at });
      if (this.current.state === 'broken') this.options.logger?.warn({ size: head.size }, 'the evidence ledger verifies again; checkpoints are signed again');
      this.signer.resume();
      this.current = { state: 'verified', verifiedSize: head.size, checkedAt: at };
    } catch (error) {
      if (!(error instanceof Broken)) throw error;
      this.current = { state: 'broken', verifiedSize: saved?.size ?? 0, checkedAt: at, ...(error.index !== undefined ? { brokenIndex: error.index } : {}), problem: error.message };
      this.signer.halt(error.message);
      this.options.logger?.error({ brokenIndex: error.index, problem: error.message }, `the evidence ledger does not verify${error.index !== undefined ? ` at entry ${error.index}` : ''}; no checkpoint is signed until it does`);
    }
    return this.current;
  }

  /** The right frontier at a verified size, from stored nodes, which must still give the verified root. */
  private async frontierAt(alg: HashAlgorithm, size: number, rootHash: Uint8Array): Promise<CompactRange> {
    const ids = CompactRange.frontierIds(size);
    const found = await this.ledger.readNodes(ids);
    if (found.some((h) => !h)) throw new Broken(undefined, `stored subtree hashes below the verified size ${size} are missing`);
    const range = new CompactRange(alg, size, found as Uint8Array[]);
    if (!bytesEqual(size === 0 ? emptyRoot(alg) : range.root(), rootHash)) throw new Broken(undefined, `stored subtree hashes below the verified size ${size} were changed`);
    return range;
  }

  /** Folds leaves [range.size, target.size) into `range`, checking every stored hash on the way and the root at the end. */
  private async recompute(alg: HashAlgorithm, range: CompactRange, target: { size: number; rootHash: Uint8Array } | undefined): Promise<void> {
    if (!target) return;
    while (range.size < target.size) {
      const rows = await this.ledger.readLeavesWithHashes(range.size, Math.min(target.size, range.size + BATCH));
      if (rows.length === 0 || rows[0]!.index !== range.size) throw new Broken(range.size, `entry ${range.size} is missing`);
      const completed = [];
      for (const row of rows) {
        if (row.index !== range.size) throw new Broken(range.size, `entry ${range.size} is missing`);
        const hash = leafHash(alg, row.leaf);
        if (!bytesEqual(hash, row.leafHash)) throw new Broken(row.index, `entry ${row.index}'s bytes do not hash to its stored leaf hash`);
        for (const node of range.append(hash)) if (node.id.level > 0) completed.push(node);
      }
      const stored = await this.ledger.readNodes(completed.map((n) => n.id));
      completed.forEach((node, i) => {
        if (!stored[i] || !bytesEqual(stored[i]!, node.hash)) {
          const first = node.id.index * 2 ** node.id.level;
          throw new Broken(first, `the subtree ${nodeKey(node.id)} (entries ${first}..${first + 2 ** node.id.level - 1}) does not match its stored hash`);
        }
      });
    }
    const root = target.size === 0 ? emptyRoot(alg) : range.root();
    if (!bytesEqual(root, target.rootHash)) throw new Broken(undefined, `the recomputed root of ${target.size} entries is not the one the log committed to`);
  }
}
