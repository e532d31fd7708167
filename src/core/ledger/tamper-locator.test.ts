import { describe, expect, it } from 'vitest';
import { hashAlgorithm } from '../crypto/hash-algorithm.js';
import { CompactRange } from './compact-range.js';
import { leafHash, nodeHash } from './merkle-hash.js';
import { assembleProof, inclusionPlan } from './proof-plan.js';
import { locateTamperedLeaves } from './tamper-locator.js';
import type { NodeId } from './merkle-node.js';

const alg = hashAlgorithm('sha256');
const leafOf = (i: number) => new TextEncoder().encode(`entry ${i}`);

/** An honest log of `size` leaves: its signed root and an inclusion-proof server over its nodes. */
function anHonestLog(size: number) {
  const hashes = Array.from({ length: size }, (_, i) => leafHash(alg, leafOf(i)));
  const range = new CompactRange(alg, 0, []);
  for (const h of hashes) range.append(h);
  const mth = (a: number, b: number): Uint8Array => {
    if (b - a === 1) return hashes[a]!;
    let k = 1;
    while (k * 2 < b - a) k *= 2;
    return nodeHash(alg, mth(a, a + k), mth(a + k, b));
  };
  const node = (id: NodeId) => mth(id.index * 2 ** id.level, (id.index + 1) * 2 ** id.level);
  const prove = async (index: number, n: number) => assembleProof(alg, inclusionPlan(index, n), node);
  return { hashes, root: range.root(), prove };
}

describe('locateTamperedLeaves', () => {
  it('finds nothing when every served leaf matches the signed root', async () => {
    const log = anHonestLog(37);
    expect(await locateTamperedLeaves(alg, log.root, log.hashes, log.prove)).toEqual({ indexes: [] });
  });

  it.each([1, 2, 5, 64, 100])('names each single edited leaf in a log of %i', async (size) => {
    const log = anHonestLog(size);
    for (const bad of new Set([0, Math.floor(size / 2), size - 1])) {
      const served = [...log.hashes];
      served[bad] = leafHash(alg, new TextEncoder().encode('forged'));
      expect(await locateTamperedLeaves(alg, log.root, served, log.prove)).toEqual({ indexes: [bad] });
    }
  });

  it('names several edited leaves, in order, up to the limit', async () => {
    const log = anHonestLog(200);
    const served = [...log.hashes];
    for (const bad of [3, 77, 150, 199]) served[bad] = leafHash(alg, new TextEncoder().encode(`forged ${bad}`));
    expect((await locateTamperedLeaves(alg, log.root, served, log.prove)).indexes).toEqual([3, 77, 150, 199]);
    expect((await locateTamperedLeaves(alg, log.root, served, log.prove, 2)).indexes).toEqual([3, 77]);
  });

  it('reports an inconsistent log when its proofs do not hash to the signed root', async () => {
    const log = anHonestLog(16);
    const forged = anHonestLog(17);
    const served = [...log.hashes];
    served[5] = leafHash(alg, new TextEncoder().encode('forged'));
    const result = await locateTamperedLeaves(alg, log.root, served, (i) => forged.prove(i, 17));
    expect(result.inconsistency).toMatch(/do not hash to the signed tree/);
  });
});
