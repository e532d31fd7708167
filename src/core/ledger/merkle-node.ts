/**
 * A perfect subtree of the log: it covers leaves [index·2^level, (index+1)·2^level).
 * Level 0 is a leaf hash. Every hash the store keeps is one of these, and every proof element
 * is built from them.
 */
export interface NodeId {
  level: number;
  index: number;
}

function assertSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
}

/**
 * The decomposition of leaves [start, end) into maximal aligned perfect subtrees, left to right:
 * at each position take the largest 2^j that is aligned there and still fits. Sizes may exceed
 * 2^32, so this uses arithmetic rather than 32-bit bitwise operators.
 */
export function perfectSubtrees(start: number, end: number): NodeId[] {
  assertSize(start, 'start');
  assertSize(end, 'end');
  if (start > end) throw new RangeError(`range start ${start} is after its end ${end}`);
  const out: NodeId[] = [];
  let at = start;
  while (at < end) {
    let width = 1;
    let level = 0;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level++;
    }
    out.push({ level, index: at / width });
    at += width;
  }
  return out;
}

/** A string key for maps and sets of nodes. */
export function nodeKey(id: NodeId): string {
  return `${id.level}:${id.index}`;
}
