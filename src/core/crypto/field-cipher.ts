import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { sm4GcmDecrypt, sm4GcmEncrypt, SM4_KEY_SIZE } from './sm4-gcm.js';

/** `aes-256-gcm` (default) or `sm4-gcm` for spaces that must use 商用密码 (国密). */
export type FieldCipherAlgorithm = 'aes-256-gcm' | 'sm4-gcm';

export interface FieldCipherOptions {
  algorithm: FieldCipherAlgorithm;
  /** Every key that may still have encrypted stored values, by id; each 32 bytes. */
  keys: ReadonlyMap<string, Uint8Array>;
  /** The id of the key new values are encrypted with. */
  currentKeyId: string;
}

/**
 * Encryption at rest for personal-data fields (ID numbers, phone numbers). A token reads
 * `v1.<alg>.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts), so keys rotate by adding a new
 * current key while old ones still decrypt. The AAD names the record and field
 * (`participant:p_123:idNumber`): a ciphertext copied to another row or field fails to decrypt.
 */
export interface FieldCipher {
  readonly algorithm: FieldCipherAlgorithm;
  readonly currentKeyId: string;
  /** Encrypts under the current key with a fresh random IV. */
  encrypt(plaintext: string, aad: string): string;
  /**
   * The plaintext of a token made by any key in the key map, with either algorithm. Throws
   * FieldCipherError when the token is malformed, names an unknown key, or does not
   * authenticate under `aad` (wrong record or field, or tampered).
   */
  decrypt(token: string, aad: string): string;
}

export type FieldCipherFailure = 'malformed' | 'unknown-key' | 'unsupported-algorithm' | 'not-authentic';

/** A token that cannot be decrypted; the message never contains key material or plaintext. */
export class FieldCipherError extends Error {
  constructor(
    readonly reason: FieldCipherFailure,
    message: string,
  ) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

const VERSION = 'v1';
const KEY_SIZE = 32;
const IV_SIZE = 12;
const TAG_SIZE = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;
const ALGORITHMS: readonly FieldCipherAlgorithm[] = ['aes-256-gcm', 'sm4-gcm'];
// SM4 takes 128-bit keys: the 32-byte field key is reduced with HKDF-SM3 (RFC 5869) under this
// label, so one key file serves either algorithm and the two never share key bytes.
const SM4_KEY_INFO = 'trustspace/field-cipher/sm4-gcm/v1';

interface Sealed {
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

interface FieldKey {
  raw: Buffer;
  sm4?: Uint8Array;
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');

function fromB64url(part: string): Buffer | undefined {
  if (!B64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  // Only the canonical spelling is accepted, so one ciphertext has one token.
  return bytes.toString('base64url') === part ? bytes : undefined;
}

function sm4Key(key: FieldKey): Uint8Array {
  key.sm4 ??= new Uint8Array(hkdfSync('sm3', key.raw, new Uint8Array(0), SM4_KEY_INFO, SM4_KEY_SIZE));
  return key.sm4;
}

function seal(algorithm: FieldCipherAlgorithm, key: FieldKey, iv: Uint8Array, plaintext: Buffer, aad: Buffer): Sealed {
  if (algorithm === 'sm4-gcm') return sm4GcmEncrypt(sm4Key(key), iv, plaintext, aad);
  const cipher = createCipheriv('aes-256-gcm', key.raw, iv, { authTagLength: TAG_SIZE }).setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

function open(algorithm: FieldCipherAlgorithm, key: FieldKey, iv: Uint8Array, sealed: Sealed, aad: Buffer): Uint8Array {
  if (algorithm === 'sm4-gcm') return sm4GcmDecrypt(sm4Key(key), iv, sealed.ciphertext, sealed.tag, aad);
  const decipher = createDecipheriv('aes-256-gcm', key.raw, iv, { authTagLength: TAG_SIZE }).setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

class KeyedFieldCipher implements FieldCipher {
  readonly algorithm: FieldCipherAlgorithm;
  readonly currentKeyId: string;
  // Private field: the keys cannot be reached through logging, JSON or property enumeration.
  readonly #keys = new Map<string, FieldKey>();

  constructor({ algorithm, keys, currentKeyId }: FieldCipherOptions) {
    if (!ALGORITHMS.includes(algorithm)) throw new RangeError(`unsupported field cipher: ${String(algorithm)}`);
    for (const [id, key] of keys) {
      if (!KEY_ID.test(id)) throw new RangeError(`field key id ${JSON.stringify(id)} must be 1-64 of A-Z a-z 0-9 _ -`);
      if (key.length !== KEY_SIZE) throw new RangeError(`field key ${id} must be ${KEY_SIZE} bytes, got ${key.length}`);
      // Copied, so a caller that later wipes or reuses its array cannot change ours.
      this.#keys.set(id, { raw: Buffer.from(key) });
    }
    if (!this.#keys.has(currentKeyId)) throw new RangeError(`the current field key ${JSON.stringify(currentKeyId)} is not among the keys`);
    this.algorithm = algorithm;
    this.currentKeyId = currentKeyId;
  }

  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_SIZE);
    const key = this.#keys.get(this.currentKeyId)!;
    const { ciphertext, tag } = seal(this.algorithm, key, iv, Buffer.from(plaintext, 'utf8'), Buffer.from(aad, 'utf8'));
    return [VERSION, this.algorithm, this.currentKeyId, b64url(iv), b64url(ciphertext), b64url(tag)].join('.');
  }

  decrypt(token: string, aad: string): string {
    const parts = token.split('.');
    if (parts.length !== 6 || parts[0] !== VERSION) throw new FieldCipherError('malformed', `not a ${VERSION} field cipher token`);
    const [, algorithm, keyId, ivPart, ciphertextPart, tagPart] = parts as [string, string, string, string, string, string];
    if (!(ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new FieldCipherError('unsupported-algorithm', `unsupported field cipher algorithm ${JSON.stringify(algorithm)}`);
    }
    const key = this.#keys.get(keyId);
    if (!key) throw new FieldCipherError('unknown-key', `no field key with id ${JSON.stringify(keyId)}; was it removed before its values were re-encrypted?`);
    const iv = fromB64url(ivPart);
    const ciphertext = fromB64url(ciphertextPart);
    const tag = fromB64url(tagPart);
    if (iv?.length !== IV_SIZE || !ciphertext || tag?.length !== TAG_SIZE) {
      throw new FieldCipherError('malformed', 'field cipher token has a malformed IV, ciphertext or tag');
    }
    try {
      const plaintext = open(algorithm as FieldCipherAlgorithm, key, iv, { ciphertext, tag }, Buffer.from(aad, 'utf8'));
      return Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength).toString('utf8');
    } catch {
      throw new FieldCipherError('not-authentic', `field cipher token does not authenticate under key ${keyId} and the given AAD (wrong record or field, or tampered)`);
    }
  }
}

/** A field cipher over `options.keys`; throws RangeError on a bad key id, key size or current key. */
export function createFieldCipher(options: FieldCipherOptions): FieldCipher {
  return new KeyedFieldCipher(options);
}

/** A fresh 32-byte field key (for either algorithm) from the system CSPRNG. */
export function generateFieldKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_SIZE));
}

/**
 * A keyed digest of `value` (hex) for equality lookups on an encrypted column ("find the
 * participant with this ID number") without decrypting every row. Use a key of its own, not an
 * encryption key, and normalise the value first (trim, upper-case the ID number's check
 * character): equal bytes give equal indexes, nothing else does. HMAC-SHA256 by default;
 * HMAC-SM3 for 国密 spaces.
 */
export function blindIndex(key: Uint8Array, value: string, hash: 'sha256' | 'sm3' = 'sha256'): string {
  if (key.length < 16) throw new RangeError('a blind-index key is at least 16 bytes');
  return createHmac(hash, key).update(value, 'utf8').digest('hex');
}
