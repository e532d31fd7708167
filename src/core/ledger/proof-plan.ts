import type { HashAlgorithm } from '../crypto/hash-algorithm.js';
import { foldSubtreeHashes } from './merkle-hash.js';
import { perfectSubtrees, type NodeId } from './merkle-node.js';

/**
 * Which stored perfect nodes make up each element of a proof. Element i is the MTH of a range
 * whose perfect-subtree decomposition is `elements[i]` (a right fold; one node is itself).
 * Planning is pure arithmetic, so the store can fetch every node in one query.
 */
export interface ProofPlan {
  elements: NodeId[][];
}

/** Looks up the stored hash of a perfect node; should throw if the node is missing. */
export type NodeLookup = (id: NodeId) => Uint8Array;

function assertSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
}

/** The largest power of two strictly below n (n ≥ 2): RFC 6962's split point k. */
function splitPoint(n: number): number {
  // A doubling loop: at most 53 steps, and faster in V8 than 2 ** Math.floor(Math.log2(n)).
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * RFC 6962 PATH(index, D[0:size]), deepest element first (the RFC 9162 serialisation order).
 * Walks from the root down, recording each sibling range, then reverses.
 */
export function inclusionPlan(index: number, size: number): ProofPlan {
  assertSize(index, 'index');
  assertSize(size, 'size');
  if (index >= size) throw new RangeError(`leaf index ${index} is not below tree size ${size}`);
  const elements: NodeId[][] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      elements.push(perfectSubtrees(mid, hi));
      hi = mid;
    } else {
      elements.push(perfectSubtrees(lo, mid));
      lo = mid;
    }
  }
  return { elements: elements.reverse() };
}

/**
 * RFC 6962 SUBPROOF(from, D[0:to], true), deepest element first. Requires 0 < from ≤ to;
 * from = to gives the empty proof.
 */
export function consistencyPlan(from: number, to: number): ProofPlan {
  assertSize(from, 'from');
  assertSize(to, 'to');
  if (from < 1 || from > to) throw new RangeError(`a consistency proof needs 0 < from ≤ to, got from=${from}, to=${to}`);
  const elements: NodeId[][] = [];
  let lo = 0;
  let hi = to;
  // RFC 6962's flag b: while the old tree is a prefix starting at leaf 0, the verifier already
  // holds its hash, so the final subtree need not be sent.
  let atRoot = true;
  while (from !== hi) {
    const mid = lo + splitPoint(hi - lo);
    if (from <= mid) {
      elements.push(perfectSubtrees(mid, hi));
      hi = mid;
    } else {
      elements.push(perfectSubtrees(lo, mid));
      lo = mid;
      atRoot = false;
    }
  }
  if (!atRoot) elements.push(perfectSubtrees(lo, hi));
  return { elements: elements.reverse() };
}

/** Every node a plan needs, each once, in first-use order. */
export function planNodeIds(plan: ProofPlan): NodeId[] {
  // One numeric set per level: much cheaper than string keys on the proof-serving path.
  const seen: Array<Set<number> | undefined> = [];
  const out: NodeId[] = [];
  for (const element of plan.elements) {
    for (const id of element) {
      const atLevel = (seen[id.level] ??= new Set());
      if (atLevel.has(id.index)) continue;
      atLevel.add(id.index);
      out.push(id);
    }
  }
  return out;
}

/** The proof hashes for a plan, from stored perfect-node hashes. */
export function assembleProof(alg: HashAlgorithm, plan: ProofPlan, lookup: NodeLookup): Uint8Array[] {
  return plan.elements.map((ids) => foldSubtreeHashes(alg, ids.map(lookup)));
}

/**
 * MTH of leaves [start, end) from stored perfect-node hashes; the empty-tree hash if start = end.
 * Only ranges that some RFC 6962 tree splits off as a subtree qualify (every prefix, and every
 * range in a proof plan): their decomposition shrinks left to right. Any other range, such as
 * [1, 4), throws RangeError, because its MTH needs nodes that are not perfect subtrees.
 */
export function rangeHash(alg: HashAlgorithm, start: number, end: number, lookup: NodeLookup): Uint8Array {
  const ids = perfectSubtrees(start, end);
  for (let i = 1; i < ids.length; i++) {
    if (ids[i]!.level >= ids[i - 1]!.level) {
      throw new RangeError(`[${start}, ${end}) is not a subtree of an RFC 6962 tree; its MTH cannot be built from stored nodes`);
    }
  }
  return foldSubtreeHashes(alg, ids.map(lookup));
}
