import type { HashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { encodeEvidence, type EvidenceEntry, type EvidenceInput } from '../../core/ledger/evidence-entry.js';
import { afterCommit, type Tx } from '../database.js';
import type { LedgerStore } from '../ledger/ledger-store.js';

export type EvidenceRecord = Omit<EvidenceInput, 'at'> & { at?: string };

/**
 * The one way domain code records evidence: inside the transaction of its state change, so the
 * change and its evidence commit together (DESIGN.md invariant). The entry lands in the outbox;
 * the ledger sequencer integrates it into the Merkle log right after the commit.
 */
export class EvidenceRecorder {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly algorithm: HashAlgorithm,
    private readonly onCommitted: () => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(tx: Tx, record: EvidenceRecord): Promise<EvidenceEntry> {
    const at = record.at ?? this.now().toISOString();
    const { entry, leaf } = encodeEvidence(this.algorithm, { ...record, at });
    await this.ledger.enqueue(tx, leaf, at);
    afterCommit(tx, this.onCommitted);
    return entry;
  }
}
