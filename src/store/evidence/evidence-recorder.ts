import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json/canonical-json.js';
import type { HashAlgorithm } from '../../core/crypto/hash-algorithm.js';
import { encodeEvidence, type EvidenceEntry, type EvidenceInput } from '../../core/ledger/evidence-entry.js';
import { commitPersonalFields, SALT_BYTES } from '../../core/ledger/personal-commitment.js';
import { personalFieldsOf } from '../../core/ledger/personal-fields.js';
import { afterCommit, type Tx } from '../database.js';
import type { LedgerStore } from '../ledger/ledger-store.js';

export type EvidenceRecord = Omit<EvidenceInput, 'at'> & { at?: string };

const newSalt = () => new Uint8Array(randomBytes(SALT_BYTES));

/**
 * The one way domain code records evidence: inside the transaction of its state change, so the
 * change and its evidence commit together (DESIGN.md invariant). The entry lands in the outbox;
 * the ledger sequencer integrates it into the Merkle log right after the commit. Personal fields
 * of the entry's type (core/ledger/personal-fields.ts) are replaced by salted commitments, whose
 * openings stay in this node's private `evidence_commitment` table, in the same transaction.
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
    const { payload, openings } = commitPersonalFields(this.algorithm, record.payload, personalFieldsOf(record.type), newSalt);
    const { entry, leaf } = encodeEvidence(this.algorithm, { ...record, payload, at });
    for (const o of openings) {
      await tx
        .insertInto('evidence_commitment')
        .values({ commitment: o.commitment, field: o.field, salt: Buffer.from(o.salt), value: canonicalJson(o.value), created_at: at })
        .execute();
    }
    await this.ledger.enqueue(tx, leaf, at);
    afterCommit(tx, this.onCommitted);
    return entry;
  }
}
