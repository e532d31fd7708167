import { hashAlgorithm, type HashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { DomainError } from '../../core/errors/index.js';
import { decodeEvidenceLeaf, type EvidenceEntry } from '../../core/ledger/evidence-entry.js';
import { assembleProof, consistencyPlan, inclusionPlan, planNodeIds, type ProofPlan } from '../../core/ledger/proof-plan.js';
import { nodeKey } from '../../core/ledger/merkle-node.js';
import type { LedgerHead, LedgerStore } from '../../store/ledger/ledger-store.js';

export interface LedgerEntryView {
  index: number;
  leaf: Uint8Array;
  /** The decoded entry; null when the stored bytes no longer decode (a sign of tampering). */
  entry: EvidenceEntry | null;
}

export const MAX_ENTRIES_PAGE = 1000;

/** Read side of the log: entries, pages and proofs, all against committed state only. */
export class LedgerReader {
  /** Fixed when the space's ledger is created, so it is read once. */
  private algorithm: HashAlgorithm | undefined;

  constructor(private readonly store: LedgerStore) {}

  async head(): Promise<LedgerHead & { checkpoint: string }> {
    const head = await this.store.readHead();
    if (!head?.checkpoint) throw new DomainError('service.unavailable', 'The ledger has not been initialised yet.');
    return { ...head, checkpoint: head.checkpoint };
  }

  async entry(index: number): Promise<LedgerEntryView> {
    const { size } = await this.head();
    if (index >= size) throw new DomainError('ledger.entry-not-found', `The ledger has ${size} entries; index ${index} does not exist.`);
    const [row] = await this.store.readLeaves(index, index + 1);
    if (!row) throw new Error(`ledger leaf ${index} missing below size ${size}`);
    return view(row);
  }

  /** Entries [from, to) clipped to the tree size and to MAX_ENTRIES_PAGE. */
  async entries(from: number, to: number | undefined): Promise<{ size: number; from: number; to: number; entries: LedgerEntryView[] }> {
    const { size } = await this.head();
    const end = Math.min(to ?? size, size, from + MAX_ENTRIES_PAGE);
    if (to !== undefined && to < from) throw new DomainError('ledger.range-invalid', `'to' (${to}) is before 'from' (${from}).`);
    if (from > size) throw new DomainError('ledger.range-invalid', `'from' (${from}) is beyond the ledger size ${size}.`);
    const rows = await this.store.readLeaves(from, end);
    return { size, from, to: end, entries: rows.map(view) };
  }

  async inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    if (index >= size) throw new DomainError('ledger.range-invalid', `index ${index} is not below size ${size}.`);
    return this.build(size, inclusionPlan(index, size));
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    if (from < 1 || from > to) throw new DomainError('ledger.range-invalid', `A consistency proof needs 1 ≤ from ≤ to; got from=${from}, to=${to}.`);
    return this.build(to, consistencyPlan(from, to));
  }

  /**
   * One query for the plan's nodes. Node rows exist only for committed, complete subtrees, so
   * finding all of them proves the tree has at least `size` leaves; the head is read only when
   * one is missing, to tell a request beyond the tree from a damaged store.
   */
  private async build(size: number, plan: ProofPlan): Promise<Uint8Array[]> {
    const ids = planNodeIds(plan);
    const hashes = await this.store.readNodes(ids);
    if (hashes.some((h) => h === undefined)) {
      const head = await this.head();
      if (size > head.size) throw new DomainError('ledger.range-invalid', `size ${size} is beyond the ledger size ${head.size}.`);
      throw new Error(`ledger nodes missing below size ${head.size}`);
    }
    const byKey = new Map(ids.map((id, i) => [nodeKey(id), hashes[i]!]));
    return assembleProof(await this.hashAlgorithm(), plan, (id) => byKey.get(nodeKey(id))!);
  }

  private async hashAlgorithm(): Promise<HashAlgorithm> {
    this.algorithm ??= hashAlgorithm((await this.head()).algorithm);
    return this.algorithm;
  }
}

function view(row: { index: number; leaf: Uint8Array }): LedgerEntryView {
  try {
    return { ...row, entry: decodeEvidenceLeaf(row.leaf) };
  } catch {
    return { ...row, entry: null };
  }
}
