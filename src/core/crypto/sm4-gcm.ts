import { sm4 } from 'sm-crypto-v2';

/**
 * SM4 (GB/T 32907) in GCM mode (GB/T 17964-2021, RFC 8998): 128-bit key, 96-bit IV, 128-bit tag.
 *
 * The OpenSSL 3.0 this Node is built with has no `sm4-gcm` cipher (`crypto.getCiphers()` lists
 * sm4-ecb/cbc/ctr/cfb/ofb only), so the mode comes from sm-crypto-v2, a pure-JS implementation.
 * The tests hold it to the RFC 8998 Appendix A.1 vector and check its keystream against
 * OpenSSL's own `sm4-ctr`, and compare it with OpenSSL's sm4-gcm wherever Node has one.
 */
export interface Sm4GcmSealed {
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

export const SM4_KEY_SIZE = 16;
export const SM4_GCM_IV_SIZE = 12;
export const SM4_GCM_TAG_SIZE = 16;

// The library reads strings as hex or UTF-8 depending on the call, and skips authentication
// when no tag is given; sizes are checked here and only bytes are ever passed to it.
function checkSizes(key: Uint8Array, iv: Uint8Array): void {
  if (key.length !== SM4_KEY_SIZE) throw new RangeError(`an SM4 key is ${SM4_KEY_SIZE} bytes`);
  if (iv.length !== SM4_GCM_IV_SIZE) throw new RangeError(`an SM4-GCM IV is ${SM4_GCM_IV_SIZE} bytes`);
}

/** Encrypts and authenticates `plaintext`, also authenticating `aad`. */
export function sm4GcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sm4GcmSealed {
  checkSizes(key, iv);
  const { output, tag } = sm4.encrypt(plaintext, key, { mode: 'gcm', iv, associatedData: aad, output: 'array', outputTag: true });
  if (!tag || tag.length !== SM4_GCM_TAG_SIZE) throw new Error('SM4-GCM produced no tag');
  return { ciphertext: output, tag };
}

/**
 * The plaintext, if `tag` authenticates `ciphertext` and `aad` under `key` and `iv`; throws
 * otherwise (the library checks the tag before it decrypts anything).
 */
export function sm4GcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array): Uint8Array {
  checkSizes(key, iv);
  if (tag.length !== SM4_GCM_TAG_SIZE) throw new RangeError(`an SM4-GCM tag is ${SM4_GCM_TAG_SIZE} bytes`);
  return sm4.decrypt(ciphertext, key, { mode: 'gcm', iv, associatedData: aad, tag, output: 'array' });
}
