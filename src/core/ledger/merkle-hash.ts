import type { HashAlgorithm } from '../crypto/hash-algorithm.js';

// RFC 6962 §2.1 domain separation: leaves and interior nodes can never collide.
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH of a one-leaf tree: H(0x00 || leaf). */
export function leafHash(alg: HashAlgorithm, leaf: Uint8Array): Uint8Array {
  return alg.digest(LEAF_PREFIX, leaf);
}

/** An interior node: H(0x01 || left || right). */
export function nodeHash(alg: HashAlgorithm, left: Uint8Array, right: Uint8Array): Uint8Array {
  return alg.digest(NODE_PREFIX, left, right);
}

/** MTH of the empty tree: H(""). */
export function emptyRoot(alg: HashAlgorithm): Uint8Array {
  return alg.digest();
}

/**
 * MTH of a range given the hashes of its perfect-subtree decomposition, left to right (see
 * perfectSubtrees). The subtrees shrink from left to right, so RFC 6962's split point always
 * falls after the first one and the root is a right fold. An empty list is the empty tree.
 */
export function foldSubtreeHashes(alg: HashAlgorithm, hashes: readonly Uint8Array[]): Uint8Array {
  let i = hashes.length - 1;
  if (i < 0) return emptyRoot(alg);
  let h = hashes[i]!;
  while (--i >= 0) h = nodeHash(alg, hashes[i]!, h);
  return h;
}
