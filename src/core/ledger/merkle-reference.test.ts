import { describe, expect, it } from 'vitest';
import { hashAlgorithm, type HashAlgorithm } from '../crypto/hash-algorithm.js';
import { CompactRange } from './compact-range.js';
import { emptyRoot, leafHash, nodeHash } from './merkle-hash.js';
import { nodeKey, perfectSubtrees, type NodeId } from './merkle-node.js';
import { assembleProof, consistencyPlan, inclusionPlan, planNodeIds, rangeHash } from './proof-plan.js';
import { ProofVerificationError, verifyConsistency, verifyInclusion } from './proof-verify.js';

// A deliberately naive transcription of RFC 6962 §2.1 (MTH, PATH, SUBPROOF) to check the
// optimised code against, for every tree shape up to MAX_SIZE leaves.
const MAX_SIZE = 64;

const k = (n: number) => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};

// MTH over d[lo, hi); memoised per leaf array only to keep the exhaustive loops fast.
const memo = new WeakMap<Uint8Array[], Map<string, Uint8Array>>();
function mthOf(alg: HashAlgorithm, d: Uint8Array[], lo: number, hi: number): Uint8Array {
  let cache = memo.get(d);
  if (!cache) memo.set(d, (cache = new Map()));
  const key = `${alg.name}:${lo}:${hi}`;
  let hash = cache.get(key);
  if (!hash) {
    const n = hi - lo;
    if (n === 0) hash = emptyRoot(alg);
    else if (n === 1) hash = leafHash(alg, d[lo]!);
    else hash = nodeHash(alg, mthOf(alg, d, lo, lo + k(n)), mthOf(alg, d, lo + k(n), hi));
    cache.set(key, hash);
  }
  return hash;
}

const mth = (alg: HashAlgorithm, d: Uint8Array[], lo = 0, hi = d.length) => mthOf(alg, d, lo, hi);

/** PATH(m, D[lo:hi]) with m relative to lo. */
function path(alg: HashAlgorithm, m: number, d: Uint8Array[], lo = 0, hi = d.length): Uint8Array[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const split = k(n);
  return m < split
    ? [...path(alg, m, d, lo, lo + split), mth(alg, d, lo + split, hi)]
    : [...path(alg, m - split, d, lo + split, hi), mth(alg, d, lo, lo + split)];
}

/** SUBPROOF(m, D[lo:hi], b) with m relative to lo. */
function subproof(alg: HashAlgorithm, m: number, d: Uint8Array[], b: boolean, lo = 0, hi = d.length): Uint8Array[] {
  const n = hi - lo;
  if (m === n) return b ? [] : [mth(alg, d, lo, hi)];
  const split = k(n);
  return m <= split
    ? [...subproof(alg, m, d, b, lo, lo + split), mth(alg, d, lo + split, hi)]
    : [...subproof(alg, m - split, d, false, lo + split, hi), mth(alg, d, lo, lo + split)];
}

const hex = (hashes: Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('hex'));

function flipBit(proof: Uint8Array[], i: number): Uint8Array[] {
  return proof.map((h, j) => {
    if (j !== i) return h;
    const copy = h.slice();
    copy[copy.length - 1 - (i % h.length)]! ^= 0x04;
    return copy;
  });
}

function rejected(check: () => void): boolean {
  try {
    check();
    return false;
  } catch (error) {
    if (error instanceof ProofVerificationError) return true;
    throw error;
  }
}

/** Grows a log one leaf at a time, keeping only the nodes CompactRange reported as complete. */
function grow(alg: HashAlgorithm) {
  const leaves = Array.from({ length: MAX_SIZE }, (_, i) => new TextEncoder().encode(`leaf ${i}`));
  const nodes = new Map<string, Uint8Array>();
  const range = new CompactRange(alg, 0, []);
  const roots: Uint8Array[] = [range.root()];
  const lookup = (id: NodeId) => {
    const hash = nodes.get(nodeKey(id));
    if (!hash) throw new Error(`node ${nodeKey(id)} not stored yet at size ${range.size}`);
    return hash;
  };
  return { leaves, nodes, range, roots, lookup };
}

/** The leaves and the root of every prefix 0..MAX_SIZE, from CompactRange. */
function grownLog(alg: HashAlgorithm) {
  const log = grow(alg);
  for (const leaf of log.leaves) {
    log.range.append(leafHash(alg, leaf));
    log.roots.push(log.range.root());
  }
  return log;
}

describe.each(['sha256', 'sm3'] as const)('Merkle log with %s against the RFC 6962 reference', (name) => {
  const alg = hashAlgorithm(name);

  it(`computes the reference MTH for every size 0..${MAX_SIZE} and stores only reference subtree hashes`, () => {
    const log = grow(alg);
    expect(log.range.root()).toEqual(mth(alg, []));
    for (let n = 1; n <= MAX_SIZE; n++) {
      const completed = log.range.append(leafHash(alg, log.leaves[n - 1]!));
      expect(completed[0]!.id).toEqual({ level: 0, index: n - 1 });
      completed.forEach(({ id, hash }, i) => {
        expect(id.level).toBe(i);
        const span = 2 ** id.level;
        expect((id.index + 1) * span).toBe(n);
        expect(hash).toEqual(mth(alg, log.leaves, id.index * span, (id.index + 1) * span));
      });
      expect(log.range.size).toBe(n);
      expect(log.range.root()).toEqual(mth(alg, log.leaves, 0, n));
    }
  });

  it('builds the reference inclusion proof for every index of every size, and it verifies', () => {
    const log = grow(alg);
    for (let n = 1; n <= MAX_SIZE; n++) {
      for (const node of log.range.append(leafHash(alg, log.leaves[n - 1]!))) log.nodes.set(nodeKey(node.id), node.hash);
      const root = log.range.root();
      for (let m = 0; m < n; m++) {
        const plan = inclusionPlan(m, n);
        const proof = assembleProof(alg, plan, log.lookup);
        expect(hex(proof)).toEqual(hex(path(alg, m, log.leaves, 0, n)));
        expect(planNodeIds(plan).length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)) + 1);
        verifyInclusion(alg, m, n, leafHash(alg, log.leaves[m]!), proof, root);
      }
    }
  });

  it('builds the reference consistency proof for every 0 < from <= to, and it verifies', () => {
    const log = grow(alg);
    for (let n = 1; n <= MAX_SIZE; n++) {
      for (const node of log.range.append(leafHash(alg, log.leaves[n - 1]!))) log.nodes.set(nodeKey(node.id), node.hash);
      log.roots.push(log.range.root());
      for (let m = 1; m <= n; m++) {
        const proof = assembleProof(alg, consistencyPlan(m, n), log.lookup);
        expect(hex(proof)).toEqual(hex(subproof(alg, m, log.leaves, true, 0, n)));
        verifyConsistency(alg, m, n, proof, log.roots[m]!, log.roots[n]!);
      }
    }
  });

  it('computes the reference MTH of every range [start, end) from stored nodes', () => {
    const log = grow(alg);
    for (const leaf of log.leaves) {
      for (const node of log.range.append(leafHash(alg, leaf))) log.nodes.set(nodeKey(node.id), node.hash);
    }
    for (let end = 0; end <= MAX_SIZE; end++) {
      for (let start = 0; start <= end; start++) {
        // Only ranges an RFC 6962 tree splits off are buildable; others must be refused.
        const decreasing = perfectSubtrees(start, end).every((id, i, ids) => i === 0 || id.level < ids[i - 1]!.level);
        if (decreasing) expect(rangeHash(alg, start, end, log.lookup)).toEqual(mth(alg, log.leaves.slice(start, end)));
        else expect(() => rangeHash(alg, start, end, log.lookup)).toThrow(RangeError);
        if (start === 0) expect(decreasing).toBe(true);
      }
    }
  });

  it('rejects inclusion proofs with a flipped bit, a wrong index or size, or a truncated or extended path', () => {
    const { leaves, roots } = grownLog(alg);
    const wronglyAccepted: string[] = [];
    for (let n = 1; n <= MAX_SIZE; n++) {
      for (let m = 0; m < n; m++) {
        const leaf = leafHash(alg, leaves[m]!);
        const proof = path(alg, m, leaves, 0, n);
        const mustReject = (what: string, i: number, s: number, p: Uint8Array[], r = roots[s]!, l = leaf) => {
          if (!rejected(() => verifyInclusion(alg, i, s, l, p, r))) wronglyAccepted.push(`${what} for leaf ${m} of ${n}`);
        };
        for (let i = 0; i < proof.length; i++) mustReject(`bit flip in hash ${i}`, m, n, flipBit(proof, i));
        for (const wrong of [m + 1, m - 1, m ^ 1]) if (wrong >= 0 && wrong !== m) mustReject(`index ${wrong}`, wrong, n, proof, roots[n]);
        // A wrong size is paired with that size's real root, as a lying log would present it.
        for (const wrong of [n + 1, n - 1, n * 2]) if (wrong > m && wrong <= MAX_SIZE) mustReject(`size ${wrong}`, m, wrong, proof);
        if (proof.length > 0) mustReject('truncated proof', m, n, proof.slice(0, -1));
        mustReject('extended proof', m, n, [...proof, roots[n]!]);
        mustReject('prefixed proof', m, n, [roots[n]!, ...proof]);
        mustReject('wrong leaf', m, n, proof, roots[n], flipBit([leaf], 0)[0]);
      }
    }
    expect(wronglyAccepted).toEqual([]);
  });

  it('rejects consistency proofs with a flipped bit, wrong sizes or roots, or a truncated or extended path', () => {
    const { leaves, roots } = grownLog(alg);
    const wronglyAccepted: string[] = [];
    const mustReject = (what: string, m: number, n: number, p: Uint8Array[], r1 = roots[m]!, r2 = roots[n]!) => {
      if (!rejected(() => verifyConsistency(alg, m, n, p, r1, r2))) wronglyAccepted.push(`${what} (${m} -> ${n})`);
    };
    for (let n = 2; n <= MAX_SIZE; n++) {
      for (let m = 1; m < n; m++) {
        const proof = subproof(alg, m, leaves, true, 0, n);
        for (let i = 0; i < proof.length; i++) mustReject(`bit flip in hash ${i}`, m, n, flipBit(proof, i));
        for (const wrong of [m + 1, m - 1]) if (wrong >= 1 && wrong < n) mustReject(`size1 ${wrong}`, wrong, n, proof);
        for (const wrong of [n + 1, n - 1]) if (wrong > m && wrong <= MAX_SIZE) mustReject(`size2 ${wrong}`, m, wrong, proof);
        mustReject('truncated proof', m, n, proof.slice(0, -1));
        mustReject('extended proof', m, n, [...proof, roots[n]!]);
        mustReject('swapped roots', m, n, proof, roots[n], roots[m]);
        mustReject('wrong root1', m, n, proof, roots[m - 1]);
      }
      mustReject('non-empty proof for equal sizes', n, n, [roots[n]!]);
      mustReject('different roots for equal sizes', n, n, [], roots[n], roots[n - 1]);
    }
    expect(wronglyAccepted).toEqual([]);
  });
});
