import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range.js';

const SIZE = 1000;

describe('parseByteRange', () => {
  it('serves the whole content when there is no Range header or it is empty', () => {
    expect(parseByteRange(undefined, SIZE)).toBeUndefined();
    expect(parseByteRange('', SIZE)).toBeUndefined();
  });

  it('serves a closed range, inclusive at both ends', () => {
    expect(parseByteRange('bytes=0-499', SIZE)).toEqual({ start: 0, end: 499 });
    expect(parseByteRange('bytes=500-500', SIZE)).toEqual({ start: 500, end: 500 });
    expect(parseByteRange(' bytes=0-999 ', SIZE)).toEqual({ start: 0, end: 999 });
  });

  it('clips a range that runs past the end to the last byte', () => {
    expect(parseByteRange('bytes=900-5000', SIZE)).toEqual({ start: 900, end: 999 });
  });

  it('serves an open-ended range to the last byte', () => {
    expect(parseByteRange('bytes=100-', SIZE)).toEqual({ start: 100, end: 999 });
    expect(parseByteRange('bytes=999-', SIZE)).toEqual({ start: 999, end: 999 });
  });

  it('serves a suffix range as the last bytes, or all of them when it asks for more', () => {
    expect(parseByteRange('bytes=-100', SIZE)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', SIZE)).toEqual({ start: 0, end: 999 });
  });

  it('answers unsatisfiable for a range that starts past the end, an empty suffix or empty content', () => {
    expect(parseByteRange('bytes=1000-', SIZE)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=1000-1999', SIZE)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', SIZE)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-10', 0)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('answers unsatisfiable for a range whose end comes before its start', () => {
    expect(parseByteRange('bytes=500-100', SIZE)).toBe('unsatisfiable');
  });

  it('serves the whole content for multiple ranges, another unit or a malformed header', () => {
    expect(parseByteRange('bytes=0-10,20-30', SIZE)).toBeUndefined();
    expect(parseByteRange('items=0-10', SIZE)).toBeUndefined();
    expect(parseByteRange('bytes=-', SIZE)).toBeUndefined();
    expect(parseByteRange('bytes=a-b', SIZE)).toBeUndefined();
  });
});
