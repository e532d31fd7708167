// Public API of the evidence ledger's pure core. Internal helpers (base64, byte equality,
// text checks) are deliberately not re-exported.
export { CompactRange, type CompletedNode } from './compact-range.js';
export {
  CheckpointFormatError,
  formatCheckpoint,
  parseCheckpoint,
  type Checkpoint,
  type CheckpointInput,
} from './checkpoint.js';
export {
  EvidenceFormatError,
  MAX_INLINE_PAYLOAD_BYTES,
  decodeEvidenceLeaf,
  encodeEvidence,
  payloadHashOf,
  payloadMatchesHash,
  type EvidenceEntry,
  type EvidenceInput,
} from './evidence-entry.js';
export { emptyRoot, foldSubtreeHashes, leafHash, nodeHash } from './merkle-hash.js';
export { nodeKey, perfectSubtrees, type NodeId } from './merkle-node.js';
export {
  assembleProof,
  consistencyPlan,
  inclusionPlan,
  planNodeIds,
  rangeHash,
  type NodeLookup,
  type ProofPlan,
} from './proof-plan.js';
export {
  ProofVerificationError,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
  type ProofFailure,
} from './proof-verify.js';
export {
  NoteVerificationError,
  noteVerifierKey,
  openNote,
  parseVerifierKey,
  signNote,
  type NoteFailure,
  type VerifierKey,
} from './signed-note.js';
