import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashAlgorithm, isHashAlgorithmName } from './hash-algorithm.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('hash algorithms', () => {
  it('computes the GB/T 32905 SM3 known answer for "abc"', () => {
    expect(hex(hashAlgorithm('sm3').digest(utf8('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('computes the GB/T 32905 SM3 known answer for the 64-byte "abcd" x 16 message', () => {
    expect(hex(hashAlgorithm('sm3').digest(utf8('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('computes the FIPS 180-2 SHA-256 known answer for "abc"', () => {
    expect(hex(hashAlgorithm('sha256').digest(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes the concatenation of its parts', () => {
    for (const name of ['sha256', 'sm3'] as const) {
      const alg = hashAlgorithm(name);
      expect(alg.digest(utf8('a'), utf8(''), utf8('bc'))).toEqual(alg.digest(utf8('abc')));
      expect(alg.digest()).toHaveLength(32);
    }
  });

  it('gives the same digest on both sides of the one-shot scratch limit', () => {
    const data = Uint8Array.from({ length: 16 * 1024 + 2 }, (_, i) => i % 251);
    for (const name of ['sha256', 'sm3'] as const) {
      for (const length of [16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 16 * 1024 + 2]) {
        const whole = data.subarray(0, length);
        const expected = createHash(name).update(whole).digest('hex');
        expect(hex(hashAlgorithm(name).digest(whole.subarray(0, 7), whole.subarray(7)))).toBe(expected);
      }
    }
  });

  it('returns plain Uint8Arrays and one cached instance per name', () => {
    const alg = hashAlgorithm('sha256');
    expect(Object.getPrototypeOf(alg.digest())).toBe(Uint8Array.prototype);
    expect(hashAlgorithm('sha256')).toBe(alg);
    expect(alg.name).toBe('sha256');
  });

  it('rejects unknown algorithm names', () => {
    expect(isHashAlgorithmName('sm3')).toBe(true);
    expect(isHashAlgorithmName('md5')).toBe(false);
    expect(isHashAlgorithmName(undefined)).toBe(false);
    expect(() => hashAlgorithm('md5' as never)).toThrow(RangeError);
  });
});
