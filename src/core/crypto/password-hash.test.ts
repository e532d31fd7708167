import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword } from './password-hash.js';

// A low cost keeps the suite fast; one test below exercises the production default.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('produces the documented encoding with the production cost by default', async () => {
    const encoded = await hashPassword('Correct horse 7');
    expect(encoded).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('Correct horse 7', encoded)).toBe(true);
    expect(needsRehash(encoded)).toBe(false);
  });

  it('is plain scrypt over the salt, so other implementations can check it', async () => {
    const encoded = await hashPassword('Correct horse 7', FAST);
    const [, , salt, hash] = encoded.split('$');
    const expected = scryptSync('Correct horse 7', Buffer.from(salt!, 'base64'), 32, FAST).toString('base64');
    expect(hash).toBe(expected);
  });

  it('verifies only the password it was made from', async () => {
    const encoded = await hashPassword('Correct horse 7', FAST);
    expect(await verifyPassword('Correct horse 7', encoded)).toBe(true);
    expect(await verifyPassword('correct horse 7', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('Correct horse 7', FAST)).not.toBe(await hashPassword('Correct horse 7', FAST));
  });

  it('matches a password however its accents were composed (NFC)', async () => {
    const encoded = await hashPassword('Caf\u00e9-au-lait-1', FAST);
    expect(await verifyPassword('Cafe\u0301-au-lait-1', encoded)).toBe(true);
  });

  it('returns false instead of throwing on malformed or hostile encodings', async () => {
    const good = await hashPassword('Correct horse 7', FAST);
    const [, , salt, hash] = good.split('$');
    const bad = [
      '',
      'not a hash',
      good.replace('scrypt$', 'bcrypt$'),
      good.slice(0, -2),
      `scrypt$N=1000,r=8,p=1$${salt}$${hash}`, // N not a power of two
      `scrypt$N=67108864,r=8,p=1$${salt}$${hash}`, // would allocate 64 GiB
      `scrypt$N=1024,r=0,p=1$${salt}$${hash}`,
      `scrypt$N=1024,r=8,p=1$${salt}$${hash!.slice(0, 20)}`,
    ];
    for (const encoded of bad) expect(await verifyPassword('Correct horse 7', encoded)).toBe(false);
  });

  it('asks for a rehash when the cost differs from the production default or the hash is unreadable', async () => {
    expect(needsRehash(await hashPassword('Correct horse 7', FAST))).toBe(true);
    expect(needsRehash(await hashPassword('Correct horse 7', FAST), FAST)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 32768, r: 8, p: 1 });
  });

  it('refuses to hash with an invalid cost', async () => {
    await expect(hashPassword('Correct horse 7', { N: 1000, r: 8, p: 1 })).rejects.toThrow(RangeError);
  });
});

describe('password policy', () => {
  it('accepts long passwords mixing two character classes', () => {
    expect(checkPasswordStrength('correct horse battery')).toEqual([]);
    expect(checkPasswordStrength('abcdefghij1')).toEqual([]);
    expect(checkPasswordStrength('数据空间的口令很长12')).toEqual([]);
  });

  it('flags passwords under 10 characters, counting code points', () => {
    expect(checkPasswordStrength('Abc123!')).toEqual(['password.too-short']);
    expect(checkPasswordStrength('Abcdefgh1')).toEqual(['password.too-short']);
    expect(checkPasswordStrength('Abcdefgh12')).toEqual([]);
    // Nine astral characters are 18 UTF-16 units but still too short.
    expect(checkPasswordStrength('😀😀😀😀😀😀😀😀a')).toContain('password.too-short');
  });

  it('flags passwords over 256 characters', () => {
    expect(checkPasswordStrength(`A${'a'.repeat(256)}`)).toEqual(['password.too-long']);
    expect(checkPasswordStrength(`A${'a'.repeat(255)}`)).toEqual([]);
  });

  it('flags passwords drawn from a single character class', () => {
    expect(checkPasswordStrength('abcdefghijkl')).toEqual(['password.too-simple']);
    expect(checkPasswordStrength('12345678901')).toEqual(['password.too-simple']);
    expect(checkPasswordStrength('ABCDEFGHIJKL')).toEqual(['password.too-simple']);
  });

  it('lists every rule broken', () => {
    expect(checkPasswordStrength('abc')).toEqual(['password.too-short', 'password.too-simple']);
    expect(checkPasswordStrength('')).toEqual(['password.too-short', 'password.too-simple']);
  });
});
