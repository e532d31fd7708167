import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('base32', () => {
  it('matches the RFC 4648 section 10 test vectors (padding dropped)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(ascii(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base32Decode(encoded))).toBe(plain);
    }
  });

  it('decodes lower case, padding and grouping spaces', () => {
    expect(base32Decode('mzxw 6ytb oi======')).toEqual(ascii('foobar'));
  });

  it('round-trips arbitrary bytes', () => {
    const bytes = Uint8Array.from({ length: 37 }, (_, i) => (i * 97) & 0xff);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('rejects characters outside the alphabet and impossible lengths without echoing them', () => {
    expect(() => base32Decode('MZXW1')).toThrow(/outside A-Z, 2-7/);
    expect(() => base32Decode('M')).toThrow(RangeError);
    expect(() => base32Decode('MZX')).toThrow(RangeError);
  });
});
