import { createCipheriv, getCiphers } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm4GcmDecrypt, sm4GcmEncrypt } from './sm4-gcm.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

// RFC 8998 Appendix A.1 (SM4-GCM), the same inputs as GB/T 17964-2021's GCM example.
const KEY = hex('0123456789ABCDEFFEDCBA9876543210');
const IV = hex('00001234567800000000ABCD');
const AAD = hex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2');
const PLAINTEXT = hex(
  'AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD' +
    'EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA',
);
const CIPHERTEXT =
  '17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735' +
  'D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D';
const TAG = '83DE3541E4C2B58177E065A9BF7B62EC';

describe('SM4-GCM', () => {
  it('reproduces the RFC 8998 Appendix A.1 ciphertext and tag', () => {
    const { ciphertext, tag } = sm4GcmEncrypt(KEY, IV, PLAINTEXT, AAD);
    expect(toHex(ciphertext)).toBe(CIPHERTEXT);
    expect(toHex(tag)).toBe(TAG);
    expect(sm4GcmDecrypt(KEY, IV, hex(CIPHERTEXT), hex(TAG), AAD)).toEqual(PLAINTEXT);
  });

  it("encrypts with the same keystream as OpenSSL's sm4-ctr from counter J0+1", () => {
    // GCM's confidentiality half is CTR mode starting at IV || 00000002; an independent SM4
    // (OpenSSL's) must agree byte for byte, for a length that is not a whole block.
    const plaintext = Uint8Array.from({ length: 45 }, (_, i) => i * 7);
    const ctr = createCipheriv('sm4-ctr', KEY, Buffer.concat([IV, hex('00000002')]));
    const expected = Buffer.concat([ctr.update(plaintext), ctr.final()]);
    expect(toHex(sm4GcmEncrypt(KEY, IV, plaintext, new Uint8Array()).ciphertext)).toBe(toHex(expected));
  });

  it.skipIf(!getCiphers().includes('sm4-gcm'))("agrees with OpenSSL's sm4-gcm where Node has it", () => {
    const cipher = createCipheriv('sm4-gcm' as 'aes-128-gcm', KEY, IV).setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(PLAINTEXT), cipher.final()]);
    expect(toHex(ciphertext)).toBe(CIPHERTEXT);
    expect(toHex(cipher.getAuthTag())).toBe(TAG);
  });

  it('refuses a tampered ciphertext, tag or AAD', () => {
    const { ciphertext, tag } = sm4GcmEncrypt(KEY, IV, PLAINTEXT, AAD);
    const flip = (b: Uint8Array, i: number) => {
      const c = b.slice();
      c[i]! ^= 1;
      return c;
    };
    expect(() => sm4GcmDecrypt(KEY, IV, flip(ciphertext, 3), tag, AAD)).toThrow();
    expect(() => sm4GcmDecrypt(KEY, IV, ciphertext, flip(tag, 15), AAD)).toThrow();
    expect(() => sm4GcmDecrypt(KEY, IV, ciphertext, tag, flip(AAD, 0))).toThrow();
  });

  it('refuses wrong key, IV and tag sizes (a missing tag would skip authentication)', () => {
    expect(() => sm4GcmEncrypt(new Uint8Array(32), IV, PLAINTEXT, AAD)).toThrow(RangeError);
    expect(() => sm4GcmEncrypt(KEY, new Uint8Array(16), PLAINTEXT, AAD)).toThrow(RangeError);
    expect(() => sm4GcmDecrypt(KEY, IV, hex(CIPHERTEXT), new Uint8Array(), AAD)).toThrow(RangeError);
    expect(() => sm4GcmDecrypt(KEY, IV, hex(CIPHERTEXT), hex(TAG).subarray(0, 12), AAD)).toThrow(RangeError);
  });
});
