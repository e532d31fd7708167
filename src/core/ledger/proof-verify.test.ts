import { describe, expect, it } from 'vitest';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { leafHash, nodeHash } from './merkle-hash.js';
import { ProofVerificationError, rootFromInclusionProof, verifyConsistency, verifyInclusion, type ProofFailure } from './proof-verify.js';

const alg = hashAlgorithm('sha256');
const leaves = [0, 1, 2].map((i) => leafHash(alg, Uint8Array.of(i)));
const [a, b, c] = leaves as [Uint8Array, Uint8Array, Uint8Array];
const ab = nodeHash(alg, a, b);
const root3 = nodeHash(alg, ab, c);

function reason(check: () => void): ProofFailure {
  try {
    check();
  } catch (error) {
    if (error instanceof ProofVerificationError) return error.reason;
    throw error;
  }
  throw new Error('expected verification to fail');
}

describe('proof verification', () => {
  it('recomputes the root from an inclusion proof', () => {
    expect(rootFromInclusionProof(alg, 2, 3, c, [ab])).toEqual(root3);
    expect(rootFromInclusionProof(alg, 0, 3, a, [b, c])).toEqual(root3);
    expect(rootFromInclusionProof(alg, 0, 1, a, [])).toEqual(a);
  });

  it('names why an inclusion proof failed', () => {
    expect(reason(() => verifyInclusion(alg, 3, 3, c, [ab], root3))).toBe('index-out-of-range');
    expect(reason(() => verifyInclusion(alg, 0, 0, a, [], root3))).toBe('index-out-of-range');
    expect(reason(() => verifyInclusion(alg, -1, 3, c, [ab], root3))).toBe('invalid-size');
    expect(reason(() => verifyInclusion(alg, 0, 2 ** 53, c, [ab], root3))).toBe('invalid-size');
    expect(reason(() => verifyInclusion(alg, 2, 3, c, [ab, ab], root3))).toBe('proof-length');
    expect(reason(() => verifyInclusion(alg, 0, 3, a, [b], root3))).toBe('proof-length');
    expect(reason(() => verifyInclusion(alg, 2, 3, c, [ab.subarray(1)], root3))).toBe('hash-length');
    expect(reason(() => verifyInclusion(alg, 2, 3, c.subarray(1), [ab], root3))).toBe('hash-length');
    expect(reason(() => verifyInclusion(alg, 2, 3, c, [ab], root3.subarray(1)))).toBe('hash-length');
    expect(reason(() => verifyInclusion(alg, 2, 3, b, [ab], root3))).toBe('root-mismatch');
  });

  it('names why a consistency proof failed', () => {
    expect(reason(() => verifyConsistency(alg, 3, 2, [], root3, ab))).toBe('size-order');
    expect(reason(() => verifyConsistency(alg, 0, 3, [root3], root3, root3))).toBe('empty-old-tree');
    expect(reason(() => verifyConsistency(alg, 0, 0, [], root3, root3))).toBe('empty-old-tree');
    expect(reason(() => verifyConsistency(alg, 3, 3, [c], root3, root3))).toBe('proof-length');
    expect(reason(() => verifyConsistency(alg, 3, 3, [], root3, ab))).toBe('root-mismatch');
    expect(reason(() => verifyConsistency(alg, 2, 3, [], ab, root3))).toBe('proof-length');
    expect(reason(() => verifyConsistency(alg, 2, 3, [c, c], ab, root3))).toBe('proof-length');
    expect(reason(() => verifyConsistency(alg, 2, 3, [c.subarray(2)], ab, root3))).toBe('hash-length');
    expect(reason(() => verifyConsistency(alg, 2, 3, [b], ab, root3))).toBe('root-mismatch');
  });

  it('accepts a consistency proof from a perfect old tree without restating its root', () => {
    expect(() => verifyConsistency(alg, 2, 3, [c], ab, root3)).not.toThrow();
    expect(() => verifyConsistency(alg, 3, 3, [], root3, root3)).not.toThrow();
  });
});
