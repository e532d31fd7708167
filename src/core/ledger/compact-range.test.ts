import { describe, expect, it } from 'vitest';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { CompactRange } from './compact-range.js';
import { emptyRoot, leafHash, nodeHash } from './merkle-hash.js';

const alg = hashAlgorithm('sha256');
const leaf = (i: number) => leafHash(alg, new TextEncoder().encode(`leaf ${i}`));
const filler = (n: number) => Array.from({ length: n }, (_, i) => alg.digest(Uint8Array.of(i)));

describe('CompactRange', () => {
  it('has the empty-tree root and no frontier at size 0', () => {
    const range = new CompactRange(alg, 0, []);
    expect(range.size).toBe(0);
    expect(range.root()).toEqual(emptyRoot(alg));
    expect(range.frontier()).toEqual([]);
  });

  it('reports the leaf and every perfect node an append completes, bottom-up', () => {
    const range = new CompactRange(alg, 0, []);
    range.append(leaf(0));
    range.append(leaf(1));
    range.append(leaf(2));
    const completed = range.append(leaf(3));
    const n01 = nodeHash(alg, leaf(0), leaf(1));
    const n23 = nodeHash(alg, leaf(2), leaf(3));
    expect(completed).toEqual([
      { id: { level: 0, index: 3 }, hash: leaf(3) },
      { id: { level: 1, index: 1 }, hash: n23 },
      { id: { level: 2, index: 0 }, hash: nodeHash(alg, n01, n23) },
    ]);
    expect(range.frontier()).toEqual([nodeHash(alg, n01, n23)]);
  });

  it('folds the frontier right to left for the root', () => {
    const range = new CompactRange(alg, 0, []);
    for (let i = 0; i < 3; i++) range.append(leaf(i));
    expect(range.root()).toEqual(nodeHash(alg, nodeHash(alg, leaf(0), leaf(1)), leaf(2)));
  });

  it('resumes from a saved frontier exactly where it left off', () => {
    const a = new CompactRange(alg, 0, []);
    for (let i = 0; i < 11; i++) a.append(leaf(i));
    const b = new CompactRange(alg, a.size, a.frontier());
    for (let i = 11; i < 40; i++) expect(b.append(leaf(i))).toEqual(a.append(leaf(i)));
    expect(b.root()).toEqual(a.root());
    expect(CompactRange.frontierIds(11)).toEqual([
      { level: 3, index: 0 },
      { level: 1, index: 4 },
      { level: 0, index: 10 },
    ]);
  });

  it('numbers nodes correctly beyond 2^32 leaves', () => {
    const size = 2 ** 33 + 2 ** 32 + 1; // frontier: levels 33, 32, 0
    const range = new CompactRange(alg, size, filler(3));
    const ids = range.append(leaf(0)).map((n) => n.id);
    expect(ids).toEqual([
      { level: 0, index: size },
      { level: 1, index: (size - 1) / 2 },
    ]);
    expect(range.size).toBe(size + 1);
    expect(range.frontier()).toHaveLength(3);
  });

  it('does not let callers alias its frontier through root() or frontier()', () => {
    const range = new CompactRange(alg, 0, []);
    range.append(leaf(0));
    range.root().fill(0);
    range.frontier().pop();
    expect(range.root()).toEqual(leaf(0));
  });

  it('refuses a frontier that does not fit the size, and hashes of the wrong length', () => {
    expect(() => new CompactRange(alg, 3, filler(1))).toThrow(RangeError);
    expect(() => new CompactRange(alg, 4, filler(2))).toThrow(RangeError);
    expect(() => new CompactRange(alg, 1, [new Uint8Array(31)])).toThrow(RangeError);
    expect(() => new CompactRange(alg, -1, [])).toThrow(RangeError);
    expect(() => new CompactRange(alg, 0, []).append(new Uint8Array(33))).toThrow(RangeError);
  });
});
