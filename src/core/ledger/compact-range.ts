import { HASH_SIZE, type HashAlgorithm } from '../crypto/hash-algorithm.js';
import { foldSubtreeHashes, nodeHash } from './merkle-hash.js';
import { perfectSubtrees, type NodeId } from './merkle-node.js';

/** A perfect node with its hash, as handed to the store for persistence. */
export interface CompletedNode {
  id: NodeId;
  hash: Uint8Array;
}

/**
 * The right frontier of the log: the hashes of the maximal perfect subtrees covering
 * [0, size), which is all the single writer needs in memory to append and compute roots.
 * Hashes handed in and out are shared, not copied: treat them as immutable.
 */
export class CompactRange {
  readonly #alg: HashAlgorithm;
  readonly #hashes: Uint8Array[];
  #size: number;

  /** The nodes whose hashes make up the frontier of a tree of `size` leaves, left to right. */
  static frontierIds(size: number): NodeId[] {
    return perfectSubtrees(0, size);
  }

  constructor(alg: HashAlgorithm, size: number, frontier: readonly Uint8Array[]) {
    const expected = CompactRange.frontierIds(size).length;
    if (frontier.length !== expected) {
      throw new RangeError(`a tree of size ${size} has ${expected} frontier hashes, got ${frontier.length}`);
    }
    for (const hash of frontier) assertHash(hash);
    this.#alg = alg;
    this.#size = size;
    this.#hashes = frontier.slice();
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Appends one leaf hash and returns every perfect node completed by it, bottom-up, starting
   * with the leaf itself at level 0. A new leaf merges with the frontier's trailing subtrees
   * exactly while the current index at that level is odd (a right child).
   */
  append(leafHash: Uint8Array): CompletedNode[] {
    assertHash(leafHash);
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError('the tree cannot grow beyond 2^53 - 1 leaves');
    let index = this.#size;
    let level = 0;
    let hash = leafHash;
    const completed: CompletedNode[] = [{ id: { level, index }, hash }];
    while (index % 2 === 1) {
      hash = nodeHash(this.#alg, this.#hashes.pop()!, hash);
      index = (index - 1) / 2;
      level++;
      completed.push({ id: { level, index }, hash });
    }
    this.#hashes.push(hash);
    this.#size++;
    return completed;
  }

  /** The RFC 6962 Merkle Tree Hash of the whole tree; the empty-tree hash for size 0. */
  root(): Uint8Array {
    const root = foldSubtreeHashes(this.#alg, this.#hashes);
    // A one-subtree tree's root is a frontier hash; copy it so callers cannot alias the frontier.
    return this.#hashes.length === 1 ? root.slice() : root;
  }

  /** The frontier hashes for frontierIds(size), left to right. */
  frontier(): Uint8Array[] {
    return this.#hashes.slice();
  }
}

function assertHash(hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE) throw new RangeError(`expected a ${HASH_SIZE}-byte hash, got ${hash.length} bytes`);
}
