import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hashes for de-identification (去标识化): the same value under the same key always gives
 * the same digest, so a hashed column still joins and counts, while nobody without the key can
 * test a guess ("is 13812345678 in there?"), which a plain hash of a phone number invites.
 */

/** HMAC-SHA256 (RFC 2104, FIPS 198-1) of the value's UTF-8 bytes, as 64 lower-case hex digits. */
export function hmacSha256Hex(key: Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/**
 * HMAC-SM3 (RFC 2104 over SM3, GB/T 32905; the construction of GM/T 0042-2015 with a 64-byte
 * block) of the value's UTF-8 bytes, as 64 lower-case hex digits. SM3 is the one the ledger's
 * `hashAlgorithm('sm3')` uses, from the OpenSSL Node is built with.
 */
export function hmacSm3Hex(key: Uint8Array, value: string): string {
  return createHmac('sm3', key).update(value, 'utf8').digest('hex');
}

/** Bytes of a derived key. */
export const DERIVED_KEY_SIZE = 32;

/**
 * A 32-byte key for one purpose, derived from a master secret with HKDF-SHA256 (RFC 5869; empty
 * salt, the label's UTF-8 bytes as info). Different labels give independent keys, so one
 * connector secret yields a hashing key per provider and a tokenization key per agreement
 * (`hash:<provider>`, `token:<agreement>`) without storing either. Throws RangeError on a
 * master secret shorter than 16 bytes or an empty label.
 */
export function deriveKey(master: Uint8Array, label: string): Uint8Array {
  if (master.length < 16) throw new RangeError('a master secret is at least 16 bytes');
  if (label === '') throw new RangeError('a derived key needs a label naming its purpose');
  return new Uint8Array(hkdfSync('sha256', master, new Uint8Array(0), label, DERIVED_KEY_SIZE));
}
