import { HASH_SIZE, type HashAlgorithm } from '../crypto/hash-algorithm.js';
import { bytesEqual } from './bytes-equal.js';
import { nodeHash } from './merkle-hash.js';

export type ProofFailure =
  | 'invalid-size'
  | 'index-out-of-range'
  | 'size-order'
  | 'empty-old-tree'
  | 'hash-length'
  | 'proof-length'
  | 'root-mismatch';

/** A proof did not verify; `reason` says which check failed. */
export class ProofVerificationError extends Error {
  constructor(
    readonly reason: ProofFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'ProofVerificationError';
  }
}

const half = (n: number) => Math.floor(n / 2);
const isOdd = (n: number) => n % 2 === 1;

function assertSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ProofVerificationError('invalid-size', `${what} must be a non-negative safe integer, got ${value}`);
  }
}

function assertHashes(hashes: readonly Uint8Array[], what: string): void {
  for (const [i, h] of hashes.entries()) {
    if (h.length !== HASH_SIZE) throw new ProofVerificationError('hash-length', `${what} ${i} is ${h.length} bytes, not ${HASH_SIZE}`);
  }
}

/**
 * Recomputes the root from an inclusion proof (RFC 9162 §2.1.3.2). Throws if the proof has
 * the wrong shape for (index, size); the caller still has to compare the result to a root.
 * Shifts are divisions because sizes may exceed 2^32.
 */
export function rootFromInclusionProof(
  alg: HashAlgorithm,
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array {
  assertSize(index, 'index');
  assertSize(size, 'size');
  if (index >= size) throw new ProofVerificationError('index-out-of-range', `leaf index ${index} is not below tree size ${size}`);
  assertHashes([leafHash], 'leaf hash');
  assertHashes(proof, 'proof hash');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new ProofVerificationError('proof-length', `inclusion proof is longer than needed for size ${size}`);
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(alg, p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(alg, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new ProofVerificationError('proof-length', `inclusion proof is too short for size ${size}`);
  return r;
}

/** Checks that `leafHash` is at `index` in the tree of `size` with `root`; throws otherwise. */
export function verifyInclusion(
  alg: HashAlgorithm,
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  assertHashes([root], 'root');
  const computed = rootFromInclusionProof(alg, index, size, leafHash, proof);
  if (!bytesEqual(computed, root)) throw new ProofVerificationError('root-mismatch', 'inclusion proof does not lead to the given root');
}

const isPowerOfTwo = (n: number) => {
  while (n > 1 && !isOdd(n)) n = half(n);
  return n === 1;
};

/**
 * Checks that the tree of size2 with root2 extends the tree of size1 with root1
 * (RFC 9162 §2.1.4.2). Conventions of the conformance vectors: a proof from size 0 is an error
 * (it proves nothing), and equal sizes need an empty proof and equal roots.
 */
export function verifyConsistency(
  alg: HashAlgorithm,
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  assertSize(size1, 'size1');
  assertSize(size2, 'size2');
  if (size1 > size2) throw new ProofVerificationError('size-order', `size1 ${size1} is larger than size2 ${size2}`);
  if (size1 === 0) throw new ProofVerificationError('empty-old-tree', 'a consistency proof from the empty tree proves nothing');
  if (size1 === size2) {
    // Roots are compared as opaque bytes here: the vector "sizes are equal (one) and proof is
    // empty" expects acceptance of equal 12-byte roots, and nothing is hashed on this path.
    if (proof.length !== 0) throw new ProofVerificationError('proof-length', 'equal sizes need an empty proof');
    if (!bytesEqual(root1, root2)) throw new ProofVerificationError('root-mismatch', 'equal sizes but different roots');
    return;
  }
  assertHashes([root1, root2], 'root');
  assertHashes(proof, 'proof hash');
  if (proof.length === 0) throw new ProofVerificationError('proof-length', 'consistency proof is empty');

  // When the old tree is a perfect subtree, its root is the proof's implicit first element.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = fr;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) throw new ProofVerificationError('proof-length', `consistency proof is longer than needed for size ${size2}`);
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(alg, c, fr);
      sr = nodeHash(alg, c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(alg, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new ProofVerificationError('proof-length', `consistency proof is too short for size ${size2}`);
  if (!bytesEqual(fr, root1)) throw new ProofVerificationError('root-mismatch', 'consistency proof does not lead to root1');
  if (!bytesEqual(sr, root2)) throw new ProofVerificationError('root-mismatch', 'consistency proof does not lead to root2');
}
