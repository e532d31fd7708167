import { describe, expect, it } from 'vitest';
import { aPayload } from './fixtures/tabular-fixtures.js';
import { fragmentsOf, parseFragment, rowThreshold } from './fragment-code.js';
import { recoverMark } from './mark-recovery.js';
import { encodeMark } from './watermark-payload.js';

const mark = encodeMark(aPayload());
const parsed = (k: number) => fragmentsOf(mark, k).map((f) => parseFragment(f)!);

describe('fragment code', () => {
  it('gives the mark back from any k fragments with distinct points', () => {
    const all = parsed(rowThreshold);
    for (const picks of [[0, 1, 2], [254, 100, 3], [17, 18, 200]]) {
      expect(recoverMark(picks.map((i) => all[i]!))).toEqual({ payload: aPayload(), carriers: 3 });
    }
  });

  it('gives nothing from fewer than k fragments', () => {
    const all = parsed(rowThreshold);
    expect(recoverMark([all[0]!, all[1]!])).toBeUndefined();
    expect(recoverMark([all[0]!, all[0]!, all[0]!])).toBeUndefined();
  });

  it('makes every fragment the whole mark when k is 1', () => {
    expect(recoverMark([parsed(1)[42]!])?.payload).toEqual(aPayload());
  });

  it('outvotes a damaged fragment at a point where undamaged ones agree', () => {
    const all = parsed(rowThreshold);
    const damaged = { ...all[5]!, values: all[5]!.values.map((v, i) => (i === 0 ? v ^ 1 : v)) };
    const result = recoverMark([damaged, all[5]!, all[5]!, all[6]!, all[7]!]);
    expect(result).toEqual({ payload: aPayload(), carriers: 4 });
  });

  it('reads no fragment from bytes of another scheme', () => {
    const bytes = fragmentsOf(mark, 3)[0]!;
    expect(parseFragment(Uint8Array.from([0x23, ...bytes.subarray(1)]))).toBeUndefined();
    expect(parseFragment(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
  });
});
