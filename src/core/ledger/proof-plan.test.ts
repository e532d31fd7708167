import { describe, expect, it } from 'vitest';
import { consistencyPlan, inclusionPlan, planNodeIds } from './proof-plan.js';

describe('proof plans', () => {
  it('plans the RFC 6962 inclusion path for leaf 3 of 7, deepest first', () => {
    // PATH(3, D[7]) = [leaf 2, node(0..1), MTH(D[4:7])], the last one built from two nodes.
    expect(inclusionPlan(3, 7).elements).toEqual([
      [{ level: 0, index: 2 }],
      [{ level: 1, index: 0 }],
      [
        { level: 1, index: 2 },
        { level: 0, index: 6 },
      ],
    ]);
  });

  it('plans the RFC 6962 consistency proofs of its §2.1.4 examples', () => {
    // Tree of 7 leaves: PROOF(3) = [c, d, g, l], PROOF(4) = [l], PROOF(6) = [i, j, k].
    expect(consistencyPlan(3, 7).elements).toEqual([
      [{ level: 0, index: 2 }],
      [{ level: 0, index: 3 }],
      [{ level: 1, index: 0 }],
      [
        { level: 1, index: 2 },
        { level: 0, index: 6 },
      ],
    ]);
    expect(consistencyPlan(4, 7).elements).toEqual([[{ level: 1, index: 2 }, { level: 0, index: 6 }]]);
    expect(consistencyPlan(6, 7).elements).toEqual([[{ level: 1, index: 2 }], [{ level: 0, index: 6 }], [{ level: 2, index: 0 }]]);
    expect(consistencyPlan(7, 7).elements).toEqual([]);
  });

  it('lists each node of a plan once', () => {
    const plan = { elements: [[{ level: 0, index: 1 }], [{ level: 0, index: 1 }, { level: 1, index: 1 }]] };
    expect(planNodeIds(plan)).toEqual([
      { level: 0, index: 1 },
      { level: 1, index: 1 },
    ]);
  });

  it('stays logarithmic for trees beyond 2^32 leaves', () => {
    const size = 2 ** 40 + 12345;
    expect(inclusionPlan(size - 1, size).elements.length).toBeLessThanOrEqual(41);
    expect(inclusionPlan(2 ** 39 + 7, size).elements.length).toBeLessThanOrEqual(41);
    expect(planNodeIds(consistencyPlan(2 ** 35 + 3, size)).length).toBeLessThanOrEqual(2 * 41);
  });

  it('refuses indexes outside the tree and consistency from 0 or backwards', () => {
    expect(() => inclusionPlan(0, 0)).toThrow(RangeError);
    expect(() => inclusionPlan(5, 5)).toThrow(RangeError);
    expect(() => inclusionPlan(-1, 5)).toThrow(RangeError);
    expect(() => consistencyPlan(0, 5)).toThrow(RangeError);
    expect(() => consistencyPlan(6, 5)).toThrow(RangeError);
    expect(() => consistencyPlan(1.5, 5)).toThrow(RangeError);
  });
});
