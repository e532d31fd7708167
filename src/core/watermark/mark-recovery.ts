import { fragmentHeaderLength, fragmentsOf, type Fragment } from './fragment-code.js';
import { gfMul, gfVandermondeInverse } from './gf256.js';
import { decodeMark, type WatermarkPayload } from './watermark-payload.js';

/** A mark read back: its payload and how many fragments in the file agree with it. */
export interface RecoveredMark {
  payload: WatermarkPayload;
  carriers: number;
}

/** How many of the best-supported points are combined when the first k do not give a valid mark. */
const searchWidth = 8;

interface Point {
  x: number;
  values: Uint8Array;
  count: number;
}

const keyOf = (values: Uint8Array): string => String.fromCharCode(...values);

/** Per point, the values most fragments at that point carry (damaged copies are outvoted). */
function votedPoints(fragments: Fragment[]): { points: Point[]; tally: Map<string, number> } {
  const tally = new Map<string, number>();
  const byPoint = new Map<number, Map<string, Point>>();
  for (const f of fragments) {
    const tallyKey = `${f.x}:${keyOf(f.values)}`;
    tally.set(tallyKey, (tally.get(tallyKey) ?? 0) + 1);
    const at = byPoint.get(f.x) ?? new Map<string, Point>();
    byPoint.set(f.x, at);
    const key = keyOf(f.values);
    const point = at.get(key) ?? { x: f.x, values: f.values, count: 0 };
    point.count++;
    at.set(key, point);
  }
  const points = [...byPoint.values()].map((candidates) => [...candidates.values()].reduce((best, p) => (p.count > best.count ? p : best)));
  points.sort((a, b) => b.count - a.count || a.x - b.x);
  return { points, tally };
}

function* combinations(n: number, k: number): Generator<number[]> {
  const pick = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield [...pick];
    let i = k - 1;
    while (i >= 0 && pick[i] === n - k + i) i--;
    if (i < 0) return;
    pick[i]!++;
    for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
  }
}

/** The mark whose polynomials pass through these k points. */
function interpolate(points: Point[], markLength: number): Uint8Array | undefined {
  const k = points.length;
  const inverse = gfVandermondeInverse(points.map((p) => p.x));
  if (!inverse) return undefined;
  const mark = new Uint8Array(markLength);
  for (let g = 0; g * k < markLength; g++) {
    for (let i = 0; i < k && g * k + i < markLength; i++) {
      let c = 0;
      for (let r = 0; r < k; r++) c ^= gfMul(inverse[i]![r]!, points[r]!.values[g]!);
      mark[g * k + i] = c;
    }
  }
  return mark;
}

function recoverGroup(fragments: Fragment[]): RecoveredMark | undefined {
  const { k, markLength } = fragments[0]!;
  const { points, tally } = votedPoints(fragments);
  if (points.length < k) return undefined;
  const top = points.slice(0, Math.max(searchWidth, k));
  const tried = new Set<string>();
  let best: RecoveredMark | undefined;
  for (const pick of combinations(top.length, k)) {
    const mark = interpolate(pick.map((i) => top[i]!), markLength);
    const payload = mark && decodeMark(mark);
    if (!mark || !payload || tried.has(keyOf(mark))) continue;
    tried.add(keyOf(mark));
    const expected = fragmentsOf(mark, k);
    let carriers = 0;
    for (const p of points) carriers += tally.get(`${p.x}:${keyOf(expected[p.x - 1]!.subarray(fragmentHeaderLength))}`) ?? 0;
    if (!best || carriers > best.carriers) best = { payload, carriers };
  }
  return best;
}

/**
 * The payload the most fragments agree on, among those whose recovered mark has a valid CRC;
 * undefined when no group of fragments yields one (no mark, or one damaged beyond repair).
 */
export function recoverMark(fragments: Fragment[]): RecoveredMark | undefined {
  const groups = new Map<string, Fragment[]>();
  for (const f of fragments) {
    const key = `${f.k}/${f.markLength}/${f.tag}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  let best: RecoveredMark | undefined;
  for (const group of groups.values()) {
    const found = recoverGroup(group);
    if (found && (!best || found.carriers > best.carriers)) best = found;
  }
  return best;
}
