import { bytesEqual } from './bytes';
import { nodeHash, type Digest } from './ledger-hash';

export type InclusionOutcome =
  | { ok: true; computedRoot: Uint8Array }
  | { ok: false; reason: 'index-out-of-range' | 'proof-length' | 'hash-length' | 'root-mismatch'; computedRoot?: Uint8Array };

const half = (n: number) => Math.floor(n / 2);
const isOdd = (n: number) => n % 2 === 1;

/**
 * RFC 9162 §2.1.3.2: recomputes the root from the leaf hash of entry `index` and its inclusion
 * proof in the tree of `size` leaves, and compares it with `root`. Halving is by division so trees
 * beyond 2^32 leaves work; every proof hash must be as long as the root.
 */
export async function verifyInclusion(
  digest: Digest,
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<InclusionOutcome> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return { ok: false, reason: 'index-out-of-range' };
  if (proof.some((hash) => hash.length !== root.length)) return { ok: false, reason: 'hash-length' };
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return { ok: false, reason: 'proof-length' };
    if (isOdd(fn) || fn === sn) {
      r = await nodeHash(digest, p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHash(digest, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return { ok: false, reason: 'proof-length', computedRoot: r };
  return bytesEqual(r, root) ? { ok: true, computedRoot: r } : { ok: false, reason: 'root-mismatch', computedRoot: r };
}
