import { createHmac, hkdfSync } from 'node:crypto';
import { hkdf as sm3Hkdf } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { blindIndex, createFieldCipher, FieldCipherError, generateFieldKey, type FieldCipherAlgorithm } from './field-cipher.js';
import { sm4GcmEncrypt } from './sm4-gcm.js';

const AAD = 'participant:p_123:idNumber';
const ID_NUMBER = '11010519491231002X';
const ALGORITHMS: FieldCipherAlgorithm[] = ['aes-256-gcm', 'sm4-gcm'];

const cipherWith = (algorithm: FieldCipherAlgorithm, keys = new Map([['k1', generateFieldKey()]]), currentKeyId = 'k1') =>
  createFieldCipher({ algorithm, keys, currentKeyId });

/** Catches the FieldCipherError `fn` throws. */
function failure(fn: () => unknown): FieldCipherError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FieldCipherError) return error;
    throw error;
  }
  throw new Error('expected a FieldCipherError');
}

const tamper = (token: string, part: number): string => {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0]! ^= 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
};

describe.each(ALGORITHMS)('field cipher (%s)', (algorithm) => {
  it('round-trips text, including empty and non-ASCII values', () => {
    const cipher = cipherWith(algorithm);
    for (const value of [ID_NUMBER, '', '+86 138 0013 8000', '张三·李四 😀']) {
      expect(cipher.decrypt(cipher.encrypt(value, AAD), AAD)).toBe(value);
    }
  });

  it('writes v1.<alg>.<keyId>.<iv>.<ciphertext>.<tag> with a fresh 96-bit IV each time', () => {
    const cipher = cipherWith(algorithm);
    const token = cipher.encrypt(ID_NUMBER, AAD);
    const [version, alg, keyId, iv, ciphertext, tag] = token.split('.');
    expect([version, alg, keyId]).toEqual(['v1', algorithm, 'k1']);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(ID_NUMBER.length);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(token).not.toContain(ID_NUMBER);
    expect(cipher.encrypt(ID_NUMBER, AAD)).not.toBe(token);
  });

  it('fails when the AAD names another record or field (a swapped ciphertext)', () => {
    const cipher = cipherWith(algorithm);
    const token = cipher.encrypt(ID_NUMBER, AAD);
    expect(failure(() => cipher.decrypt(token, 'participant:p_124:idNumber')).reason).toBe('not-authentic');
    expect(failure(() => cipher.decrypt(token, 'participant:p_123:phone')).reason).toBe('not-authentic');
  });

  it('fails when the tag, ciphertext or IV was tampered with', () => {
    const cipher = cipherWith(algorithm);
    const token = cipher.encrypt(ID_NUMBER, AAD);
    for (const part of [3, 4, 5]) expect(failure(() => cipher.decrypt(tamper(token, part), AAD)).reason).toBe('not-authentic');
  });

  it('keeps decrypting with old keys after rotation while encrypting under the new id', () => {
    const k1 = generateFieldKey();
    const k2 = generateFieldKey();
    const before = cipherWith(algorithm, new Map([['k1', k1]]), 'k1');
    const old = before.encrypt(ID_NUMBER, AAD);
    const after = cipherWith(algorithm, new Map([['k1', k1], ['k2', k2]]), 'k2');
    expect(after.decrypt(old, AAD)).toBe(ID_NUMBER);
    const fresh = after.encrypt(ID_NUMBER, AAD);
    expect(fresh.split('.')[2]).toBe('k2');
    expect(after.decrypt(fresh, AAD)).toBe(ID_NUMBER);
  });

  it('names the missing key id when a token was made with a key it does not hold', () => {
    const token = cipherWith(algorithm, new Map([['old-2024', generateFieldKey()]]), 'old-2024').encrypt(ID_NUMBER, AAD);
    const error = failure(() => cipherWith(algorithm).decrypt(token, AAD));
    expect(error.reason).toBe('unknown-key');
    expect(error.message).toContain('"old-2024"');
  });

  it('fails when the same key id holds different key bytes', () => {
    const token = cipherWith(algorithm).encrypt(ID_NUMBER, AAD);
    expect(failure(() => cipherWith(algorithm).decrypt(token, AAD)).reason).toBe('not-authentic');
  });
});

describe('field cipher', () => {
  it('decrypts tokens of the other algorithm with the same key map, so a space can switch', () => {
    const keys = new Map([['k1', generateFieldKey()]]);
    const token = cipherWith('aes-256-gcm', keys).encrypt(ID_NUMBER, AAD);
    expect(cipherWith('sm4-gcm', keys).decrypt(token, AAD)).toBe(ID_NUMBER);
  });

  it('derives the SM4 key from the field key with HKDF-SM3, as an independent HKDF computes it', () => {
    const key = generateFieldKey();
    const info = 'trustspace/field-cipher/sm4-gcm/v1';
    const sm4Key = new Uint8Array(hkdfSync('sm3', key, new Uint8Array(), info, 16));
    expect(sm3Hkdf(key, new Uint8Array(), info, 16)).toEqual(sm4Key);
    // Rebuild the token by hand from the derived key: the format is exactly what it says.
    const token = cipherWith('sm4-gcm', new Map([['k1', key]])).encrypt(ID_NUMBER, AAD);
    const iv = Buffer.from(token.split('.')[3]!, 'base64url');
    const { ciphertext, tag } = sm4GcmEncrypt(sm4Key, iv, new TextEncoder().encode(ID_NUMBER), new TextEncoder().encode(AAD));
    expect(token).toBe(['v1', 'sm4-gcm', 'k1', iv.toString('base64url'), Buffer.from(ciphertext).toString('base64url'), Buffer.from(tag).toString('base64url')].join('.'));
  });

  it('reports malformed tokens and unsupported algorithms as such', () => {
    const cipher = cipherWith('aes-256-gcm');
    const token = cipher.encrypt(ID_NUMBER, AAD);
    const parts = token.split('.');
    const malformed = [
      '',
      ID_NUMBER,
      token.replace(/^v1/, 'v2'),
      parts.slice(0, 5).join('.'),
      `${token}.x`,
      [...parts.slice(0, 3), 'AAAA', ...parts.slice(4)].join('.'), // 3-byte IV
      [...parts.slice(0, 5), parts[5]!.slice(0, 10)].join('.'), // short tag
      [...parts.slice(0, 4), `${parts[4]}!`, parts[5]].join('.'), // not base64url
      [...parts.slice(0, 4), `${parts[4]}=`, parts[5]].join('.'), // padded, not canonical
    ];
    for (const bad of malformed) expect(failure(() => cipher.decrypt(bad, AAD)).reason).toBe('malformed');
    expect(failure(() => cipher.decrypt(token.replace('aes-256-gcm', 'aes-128-gcm'), AAD)).reason).toBe('unsupported-algorithm');
  });

  it('never exposes keys through enumeration, JSON or error messages', () => {
    const key = generateFieldKey();
    const cipher = cipherWith('aes-256-gcm', new Map([['k1', key]]));
    const keyText = [Buffer.from(key).toString('hex'), Buffer.from(key).toString('base64'), Buffer.from(key).toString('base64url')];
    expect(Object.keys(cipher).sort()).toEqual(['algorithm', 'currentKeyId']);
    const json = JSON.stringify(cipher);
    const message = failure(() => cipher.decrypt(tamper(cipher.encrypt(ID_NUMBER, AAD), 5), AAD)).message;
    for (const text of keyText) {
      expect(json).not.toContain(text);
      expect(message).not.toContain(text);
    }
    expect(message).not.toContain(ID_NUMBER);
  });

  it('copies its keys, so the caller wiping its array does not break decryption', () => {
    const key = generateFieldKey();
    const cipher = cipherWith('aes-256-gcm', new Map([['k1', key]]));
    const token = cipher.encrypt(ID_NUMBER, AAD);
    key.fill(0);
    expect(cipher.decrypt(token, AAD)).toBe(ID_NUMBER);
  });

  it('refuses bad configuration: key size, key id, missing current key, unknown algorithm', () => {
    expect(() => cipherWith('aes-256-gcm', new Map([['k1', new Uint8Array(16)]]))).toThrow(RangeError);
    expect(() => cipherWith('aes-256-gcm', new Map([['k.1', generateFieldKey()]]), 'k.1')).toThrow(RangeError);
    expect(() => cipherWith('aes-256-gcm', new Map([['k1', generateFieldKey()]]), 'k2')).toThrow(RangeError);
    expect(() => cipherWith('des' as FieldCipherAlgorithm)).toThrow(RangeError);
  });

  it('generates distinct 32-byte keys', () => {
    const a = generateFieldKey();
    expect(a).toHaveLength(32);
    expect(generateFieldKey()).not.toEqual(a);
  });
});

describe('blind index', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i);

  it('is HMAC-SHA256 of the UTF-8 value, in hex', () => {
    expect(blindIndex(key, ID_NUMBER)).toBe(createHmac('sha256', key).update(ID_NUMBER).digest('hex'));
    expect(blindIndex(key, ID_NUMBER)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is equal for equal values and differs for different values or keys', () => {
    expect(blindIndex(key, ID_NUMBER)).toBe(blindIndex(key, ID_NUMBER));
    expect(blindIndex(key, ID_NUMBER)).not.toBe(blindIndex(key, ID_NUMBER.toLowerCase()));
    expect(blindIndex(generateFieldKey(), ID_NUMBER)).not.toBe(blindIndex(key, ID_NUMBER));
  });

  it('offers HMAC-SM3 for 国密 spaces and refuses short keys', () => {
    expect(blindIndex(key, ID_NUMBER, 'sm3')).toBe(createHmac('sm3', key).update(ID_NUMBER).digest('hex'));
    expect(blindIndex(key, ID_NUMBER, 'sm3')).not.toBe(blindIndex(key, ID_NUMBER));
    expect(() => blindIndex(new Uint8Array(8), ID_NUMBER)).toThrow(RangeError);
  });
});
