import { describe, expect, it } from 'vitest';
import { nodeKey, perfectSubtrees } from './merkle-node.js';

describe('perfect subtrees', () => {
  it('decomposes a prefix into one subtree per set bit of its size, largest first', () => {
    expect(perfectSubtrees(0, 0)).toEqual([]);
    expect(perfectSubtrees(0, 1)).toEqual([{ level: 0, index: 0 }]);
    expect(perfectSubtrees(0, 8)).toEqual([{ level: 3, index: 0 }]);
    expect(perfectSubtrees(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });

  it('decomposes an unaligned range greedily into aligned subtrees', () => {
    expect(perfectSubtrees(1, 7)).toEqual([
      { level: 0, index: 1 },
      { level: 1, index: 1 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(perfectSubtrees(4, 4)).toEqual([]);
  });

  it('covers every range exactly, with aligned, maximal subtrees', () => {
    for (let end = 0; end <= 40; end++) {
      for (let start = 0; start <= end; start++) {
        let at = start;
        for (const { level, index } of perfectSubtrees(start, end)) {
          const width = 2 ** level;
          expect(index * width).toBe(at);
          // Maximal: the next size up would be unaligned or overshoot.
          expect(at % (width * 2) !== 0 || at + width * 2 > end).toBe(true);
          at += width;
        }
        expect(at).toBe(end);
      }
    }
  });

  it('handles sizes beyond 2^32 without 32-bit overflow', () => {
    const ids = perfectSubtrees(0, Number.MAX_SAFE_INTEGER);
    expect(ids).toHaveLength(53);
    expect(ids[0]).toEqual({ level: 52, index: 0 });
    expect(ids[52]).toEqual({ level: 0, index: Number.MAX_SAFE_INTEGER - 1 });
    expect(perfectSubtrees(2 ** 40 + 3, 2 ** 41).map((id) => id.level)).toEqual([0, ...Array.from({ length: 38 }, (_, i) => i + 2)]);
    expect(perfectSubtrees(2 ** 33, 2 ** 33 + 2 ** 32)).toEqual([{ level: 32, index: 2 }]);
  });

  it('refuses reversed, negative, fractional or unsafe bounds', () => {
    expect(() => perfectSubtrees(2, 1)).toThrow(RangeError);
    expect(() => perfectSubtrees(-1, 1)).toThrow(RangeError);
    expect(() => perfectSubtrees(0, 1.5)).toThrow(RangeError);
    expect(() => perfectSubtrees(0, 2 ** 53)).toThrow(RangeError);
  });

  it('gives each node a distinct key', () => {
    expect(nodeKey({ level: 3, index: 12 })).toBe('3:12');
    expect(nodeKey({ level: 1, index: 23 })).not.toBe(nodeKey({ level: 12, index: 3 }));
  });
});
