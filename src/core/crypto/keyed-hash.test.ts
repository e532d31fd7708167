import { createHmac } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { hashAlgorithm } from './hash-algorithm.js';
import { deriveKey, hmacSha256Hex, hmacSm3Hex } from './keyed-hash.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const bytes = (length: number, first = 1) => Uint8Array.from({ length }, (_, i) => first + i);
const filled = (length: number, byte: number) => new Uint8Array(length).fill(byte);

// RFC 4231 section 4: the test cases whose data are text (1, 2, 6, 7).
const RFC4231: Array<[string, Uint8Array, string, string]> = [
  ['1', filled(20, 0x0b), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  ['2', ascii('Jefe'), 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ['6', filled(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First', '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
  [
    '7',
    filled(131, 0xaa),
    'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  ],
];

// GM/T 0042-2015 Appendix D.3: the examples whose data are text (1, 3, 4).
const GMT0042: Array<[string, Uint8Array, string, string]> = [
  ['1', bytes(32), 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'.repeat(2), 'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a'],
  ['3', filled(32, 0x0b), 'Hi There', 'c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e'],
  ['4', ascii('Jefe'), 'what do ya want for nothing?', '2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882'],
];

/** RFC 2104 written out over the ledger's SM3, block size 64: a second construction to compare with. */
function rfc2104Sm3(key: Uint8Array, message: Uint8Array): string {
  const sm3Digest = hashAlgorithm('sm3');
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sm3Digest.digest(key) : key);
  const inner = sm3Digest.digest(block.map((b) => b ^ 0x36), message);
  return Buffer.from(sm3Digest.digest(block.map((b) => b ^ 0x5c), inner)).toString('hex');
}

describe('hmacSha256Hex', () => {
  it.each(RFC4231)('reproduces RFC 4231 test case %s', (_case, key, data, mac) => {
    expect(hmacSha256Hex(key, data)).toBe(mac);
  });

  it('hashes the UTF-8 bytes of Chinese text', () => {
    const key = bytes(32);
    expect(hmacSha256Hex(key, '张三')).toBe(createHmac('sha256', key).update(Buffer.from('张三', 'utf8')).digest('hex'));
  });
});

describe('hmacSm3Hex', () => {
  it.each(GMT0042)('reproduces GM/T 0042-2015 Appendix D.3 example %s', (_case, key, data, mac) => {
    expect(hmacSm3Hex(key, data)).toBe(mac);
  });

  it.each([
    ['a 32-byte key', bytes(32)],
    ['a key longer than the 64-byte block', bytes(100)],
    ['a short key', ascii('k')],
  ])('agrees with sm-crypto-v2 and a written-out RFC 2104 construction under %s', (_name, key) => {
    for (const value of ['', '410105199001011234', '河南省郑州市金水区花园路100号', 'x'.repeat(200)]) {
      const mac = hmacSm3Hex(key, value);
      expect(mac).toBe(sm3(value, { mode: 'hmac', key }));
      expect(mac).toBe(rfc2104Sm3(key, ascii(value)));
    }
  });

  it('differs from HMAC-SHA256 and from a plain SM3 of the value', () => {
    const key = bytes(32);
    expect(hmacSm3Hex(key, 'abc')).not.toBe(hmacSha256Hex(key, 'abc'));
    expect(hmacSm3Hex(key, 'abc')).not.toBe(sm3('abc'));
  });
});

describe('deriveKey', () => {
  const master = bytes(32, 7);

  it('is HKDF-SHA256 with an empty salt and the label as info', () => {
    // RFC 5869 written out: PRK = HMAC(salt = 32 zero bytes, IKM); T(1) = HMAC(PRK, info || 0x01).
    const prk = createHmac('sha256', new Uint8Array(32)).update(master).digest();
    const t1 = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('hash:p_1', 'utf8'), Buffer.from([1])])).digest();
    expect(Buffer.from(deriveKey(master, 'hash:p_1')).toString('hex')).toBe(t1.toString('hex'));
  });

  it('gives 32 bytes, the same for the same label and independent keys for other labels', () => {
    const key = deriveKey(master, 'token:agreement-1');
    expect(key).toHaveLength(32);
    expect(deriveKey(master, 'token:agreement-1')).toEqual(key);
    expect(deriveKey(master, 'token:agreement-2')).not.toEqual(key);
    expect(deriveKey(bytes(32, 8), 'token:agreement-1')).not.toEqual(key);
  });

  it('refuses a short master secret or an empty label', () => {
    expect(() => deriveKey(bytes(15), 'hash:p_1')).toThrow(RangeError);
    expect(() => deriveKey(master, '')).toThrow(RangeError);
  });

  it('returns a plain Uint8Array of new bytes, not the master itself', () => {
    const key = deriveKey(master, 'x');
    expect(key.constructor).toBe(Uint8Array);
    expect(key).not.toEqual(master);
  });
});
