import { concatBytes, hexToBytes } from './bytes';

export type HashName = 'sha256' | 'sm3';
export type Digest = (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;

const sha256: Digest = async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data));

// SM3 is not in WebCrypto; sm-crypto-v2 is loaded only for spaces that use it (国密).
let sm3Digest: Promise<Digest> | undefined;
const loadSm3 = (): Promise<Digest> =>
  (sm3Digest ??= import('sm-crypto-v2').then(({ sm3 }) => async (data: Uint8Array) => hexToBytes(sm3(data))));

export function digestFor(name: HashName): Promise<Digest> {
  return name === 'sm3' ? loadSm3() : Promise.resolve(sha256);
}

/** The space's hash from an entry's payloadHash (`sha256:<hex>` or `sm3:<hex>`). */
export function hashNameOf(payloadHash: string | undefined): HashName {
  return payloadHash?.startsWith('sm3:') ? 'sm3' : 'sha256';
}

/** RFC 6962 §2.1: leaf hash = H(0x00 || leaf). */
export async function leafHash(digest: Digest, leaf: Uint8Array): Promise<Uint8Array> {
  return digest(concatBytes(Uint8Array.of(0x00), leaf));
}

/** RFC 6962 §2.1: interior node hash = H(0x01 || left || right). */
export async function nodeHash(digest: Digest, left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return digest(concatBytes(Uint8Array.of(0x01), left, right));
}

