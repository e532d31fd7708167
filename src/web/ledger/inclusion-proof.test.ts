import { describe, expect, it } from 'vitest';
import { digestFor, leafHash, nodeHash, type Digest } from './ledger-hash';
import { verifyInclusion } from './inclusion-proof';

// Reference RFC 6962 §2.1 tree hash and §2.1.1 audit path, written the naive recursive way.
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

async function treeHash(digest: Digest, leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 1) return leafHash(digest, leaves[0]!);
  const k = split(leaves.length);
  return nodeHash(digest, await treeHash(digest, leaves.slice(0, k)), await treeHash(digest, leaves.slice(k)));
}

async function path(digest: Digest, m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  if (m < k) return [...(await path(digest, m, leaves.slice(0, k))), await treeHash(digest, leaves.slice(k))];
  return [...(await path(digest, m - k, leaves.slice(k))), await treeHash(digest, leaves.slice(0, k))];
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`{"entry":${i}}`));

describe.each(['sha256', 'sm3'] as const)('inclusion proofs (%s)', (name) => {
  it('accepts every correct proof in trees of 1 to 13 leaves', async () => {
    const digest = await digestFor(name);
    for (let n = 1; n <= 13; n++) {
      const leaves = leavesOf(n);
      const root = await treeHash(digest, leaves);
      for (let m = 0; m < n; m++) {
        const outcome = await verifyInclusion(digest, m, n, await leafHash(digest, leaves[m]!), await path(digest, m, leaves), root);
        expect(outcome.ok, `leaf ${m} of ${n}`).toBe(true);
      }
    }
  });

  it('refuses a changed leaf, a changed proof hash, a short proof and a wrong index', async () => {
    const digest = await digestFor(name);
    const leaves = leavesOf(7);
    const root = await treeHash(digest, leaves);
    const proof = await path(digest, 3, leaves);
    const good = await leafHash(digest, leaves[3]!);
    const changed = await leafHash(digest, new TextEncoder().encode('{"entry":"forged"}'));
    expect(await verifyInclusion(digest, 3, 7, changed, proof, root)).toMatchObject({ ok: false, reason: 'root-mismatch' });
    const flipped = proof.map((h, i) => (i === 1 ? h.map((b, j) => (j === 0 ? b ^ 1 : b)) : h));
    expect(await verifyInclusion(digest, 3, 7, good, flipped, root)).toMatchObject({ ok: false });
    expect(await verifyInclusion(digest, 3, 7, good, proof.slice(1), root)).toMatchObject({ ok: false });
    expect(await verifyInclusion(digest, 2, 7, good, proof, root)).toMatchObject({ ok: false });
    expect(await verifyInclusion(digest, 7, 7, good, proof, root)).toMatchObject({ ok: false, reason: 'index-out-of-range' });
  });
});

describe('tree hashes', () => {
  it('match the RFC 6962 empty-leaf SHA-256 value', async () => {
    const digest = await digestFor('sha256');
    const hex = Array.from(await leafHash(digest, new Uint8Array()), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });
});
