import { gfEvaluate } from './gf256.js';

/**
 * The redundancy scheme. A mark of L bytes is cut into groups of k bytes; each group is read as
 * the coefficients of a polynomial of degree < k over GF(256). A row's fragment holds the value
 * of every group's polynomial at the row's point x (1–255), so any k fragments with distinct
 * points give back the whole mark (Reed–Solomon erasure code), whichever rows they came from.
 * k = 1 makes every fragment the whole mark.
 *
 *   [scheme << 4 | k][L][tag, 2 bytes][x][ceil(L / k) values]
 *
 * The tag (the top half of the mark's CRC-32) keeps fragments of different marks apart when a
 * file mixes copies delivered to different consumers.
 */
export const fragmentScheme = 1;
export const fragmentHeaderLength = 5;
/**
 * k for marked rows: any 3 of them give the mark back. Three rather than one keeps a row's
 * share near 200 UTF-8 bytes instead of 540; the issue asks that 5 rows suffice, which leaves
 * room for rows without free text and for damaged ones.
 */
export const rowThreshold = 3;

export interface Fragment {
  k: number;
  markLength: number;
  tag: number;
  x: number;
  values: Uint8Array;
}

/** The point of the n-th carrying record (0-based), so consecutive records differ. */
export function pointOf(recordIndex: number): number {
  return (recordIndex % 255) + 1;
}

/** The 255 serialized fragments of a mark, indexed by point - 1. */
export function fragmentsOf(mark: Uint8Array, k: number): Uint8Array[] {
  if (!Number.isInteger(k) || k < 1 || k > 15) throw new RangeError(`k ${k}: use 1-15`);
  const groups = Math.ceil(mark.length / k);
  const coefficients = Array.from({ length: groups }, (_, g) => Array.from({ length: k }, (_, i) => mark[g * k + i] ?? 0));
  return Array.from({ length: 255 }, (_, i) => {
    const x = i + 1;
    const out = new Uint8Array(fragmentHeaderLength + groups);
    out.set([(fragmentScheme << 4) | k, mark.length, mark[mark.length - 4]!, mark[mark.length - 3]!, x]);
    for (let g = 0; g < groups; g++) out[fragmentHeaderLength + g] = gfEvaluate(coefficients[g]!, x);
    return out;
  });
}

/** A fragment read from the start of `bytes` (trailing bytes are ignored), or undefined if it is not one. */
export function parseFragment(bytes: Uint8Array): Fragment | undefined {
  if (bytes.length < fragmentHeaderLength) return undefined;
  const k = bytes[0]! & 0x0f;
  const markLength = bytes[1]!;
  const x = bytes[4]!;
  if (bytes[0]! >> 4 !== fragmentScheme || k === 0 || markLength < 5 || x === 0) return undefined;
  const end = fragmentHeaderLength + Math.ceil(markLength / k);
  if (bytes.length < end) return undefined;
  return { k, markLength, tag: (bytes[2]! << 8) | bytes[3]!, x, values: bytes.slice(fragmentHeaderLength, end) };
}
