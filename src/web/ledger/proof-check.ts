import { fetchInclusionProof, fetchLedgerEntry } from '../api/ledger-api';
import { base64ToBytes, bytesToHex } from './bytes';
import type { CheckpointNote } from './checkpoint-note';
import { digestFor, hashNameOf, leafHash, type HashName } from './ledger-hash';
import { verifyInclusion } from './inclusion-proof';

export interface ProofCheckResult {
  ok: boolean;
  index: number;
  size: number;
  hash: HashName;
  leafHashHex: string;
  computedRootHex?: string;
  expectedRootHex: string;
  proofLength: number;
  reason?: string;
}

/**
 * Fetches entry `index` and its inclusion proof for the checkpoint's tree size, then recomputes
 * the root here, in the browser, trusting nothing the operator says about the result.
 */
export async function checkInclusion(index: number, checkpoint: CheckpointNote): Promise<ProofCheckResult> {
  const [entry, proof] = await Promise.all([fetchLedgerEntry(index), fetchInclusionProof(index, checkpoint.size)]);
  const hash = hashNameOf(entry.entry?.payloadHash);
  const digest = await digestFor(hash);
  const leaf = base64ToBytes(entry.leaf);
  const hashes = proof.hashes.map(base64ToBytes);
  const base = { index, size: checkpoint.size, hash, expectedRootHex: bytesToHex(checkpoint.rootHash), proofLength: hashes.length };
  if (!leaf || hashes.some((h) => !h)) return { ...base, ok: false, leafHashHex: '', reason: 'malformed' };
  const leafDigest = await leafHash(digest, leaf);
  const outcome = await verifyInclusion(digest, index, checkpoint.size, leafDigest, hashes as Uint8Array[], checkpoint.rootHash);
  return {
    ...base,
    ok: outcome.ok,
    leafHashHex: bytesToHex(leafDigest),
    ...(outcome.computedRoot ? { computedRootHex: bytesToHex(outcome.computedRoot) } : {}),
    ...(outcome.ok ? {} : { reason: outcome.reason }),
  };
}
