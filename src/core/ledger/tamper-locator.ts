import type { HashAlgorithm } from '../crypto/hash-algorithm.js';
import { nodeHash } from './merkle-hash.js';

export interface TamperLocation {
  /** Indexes whose leaf, as served, is not the leaf the signed root commits to. */
  indexes: number[];
  /** Set when the log's own proofs contradict the signed root: the log is inconsistent. */
  inconsistency?: string;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Finds which leaves disagree with a signed root, in O(log n) proof requests per bad leaf.
 * Starting from the root, the operator's own inclusion proofs give the hashes the signed tree
 * holds for each half of a subtree; each claimed pair is checked against its parent, so the
 * claims are as trustworthy as the signature, and the search descends only into halves whose
 * recomputed hash differs from the claim.
 */
export async function locateTamperedLeaves(
  alg: HashAlgorithm,
  signedRoot: Uint8Array,
  leafHashes: Uint8Array[],
  inclusionProof: (index: number, size: number) => Promise<Uint8Array[]>,
  limit = 20,
): Promise<TamperLocation> {
  const size = leafHashes.length;
  const result: TamperLocation = { indexes: [] };
  const proofs = new Map<number, Promise<Uint8Array[]>>();
  const proof = (index: number) => {
    let p = proofs.get(index);
    if (!p) proofs.set(index, (p = inclusionProof(index, size)));
    return p;
  };
  const mth = (a: number, b: number): Uint8Array => {
    if (b - a === 1) return leafHashes[a]!;
    const k = splitPoint(b - a);
    return nodeHash(alg, mth(a, a + k), mth(a + k, b));
  };

  const descend = async (a: number, b: number, expected: Uint8Array, depth: number): Promise<void> => {
    if (result.indexes.length >= limit || result.inconsistency) return;
    if (b - a === 1) {
      result.indexes.push(a);
      return;
    }
    const k = splitPoint(b - a);
    const [ofLeft, ofRight] = await Promise.all([proof(a), proof(a + k)]);
    const right = ofLeft[ofLeft.length - 1 - depth];
    const left = ofRight[ofRight.length - 1 - depth];
    if (!left || !right || !equal(nodeHash(alg, left, right), expected)) {
      result.inconsistency = `the log's proofs for leaves ${a}..${b - 1} do not hash to the signed tree`;
      return;
    }
    if (!equal(mth(a, a + k), left)) await descend(a, a + k, left, depth + 1);
    if (!equal(mth(a + k, b), right)) await descend(a + k, b, right, depth + 1);
  };

  if (size > 0 && !equal(mth(0, size), signedRoot)) await descend(0, size, signedRoot, 0);
  return result;
}
