import { randomBytes } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { hashAlgorithm } from './hash-algorithm.js';

/**
 * SM2 digital signatures (GB/T 32918.2, GM/T 0003.2) with SM3 over the recommended curve
 * (GB/T 32918.5), signing SM3(Z || M) where Z binds the signer's ID and public key, with the
 * default ID `1234567812345678` of GM/T 0009-2012: what other 国密 software signs and verifies.
 *
 * The curve arithmetic and the signing equation come from sm-crypto-v2 (on @noble/curves);
 * Z, e, key handling, range checks and encodings are ours. Node's built-in crypto is not used:
 * Node 20 treats an SM2-curve key as a generic EC key and `crypto.sign` produces ECDSA over the
 * SM2 curve, with no Z and no ID, which no GM/T 0003 verifier accepts.
 */
export interface Sm2KeyPair {
  /** The uncompressed public key, 65 bytes: 04 || x || y. */
  readonly publicKey: Uint8Array;
  /** A 64-byte r || s signature of `message` under signer ID `id` (default GM/T 0009's). */
  sign(message: Uint8Array, id?: Sm2Id): Uint8Array;
  /** The private key d as 64 lower-case hex digits, for writing the key file; nothing else reveals it. */
  exportPrivateHex(): string;
}

/** A signer's distinguishing identifier: a string (UTF-8) or raw bytes, at most 8191 bytes. */
export type Sm2Id = string | Uint8Array;

/** GM/T 0009-2012's default signer ID, used when none is agreed. */
export const SM2_DEFAULT_ID = '1234567812345678';
export const SM2_PUBLIC_KEY_SIZE = 65;
export const SM2_SIGNATURE_SIZE = 64;

// GB/T 32918.5-2017 recommended curve: a, b, Gx, Gy (each 32 bytes), fed into Z as-is.
const CURVE_A = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC';
const CURVE_B = '28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93';
const CURVE_GX = '32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7';
const CURVE_GY = 'BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0';
const CURVE_PARAMS = Uint8Array.from(Buffer.from(CURVE_A + CURVE_B + CURVE_GX + CURVE_GY, 'hex'));
const ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
// ENTL is the ID's length in bits in two bytes, so an ID is at most 8191 bytes.
const MAX_ID_SIZE = 8191;

const sm3 = hashAlgorithm('sm3');
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const fromHex = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const toBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${toHex(bytes) || '0'}`);

function idBytes(id: Sm2Id): Uint8Array {
  const bytes = typeof id === 'string' ? new TextEncoder().encode(id) : id;
  if (bytes.length > MAX_ID_SIZE) throw new RangeError(`an SM2 signer ID is at most ${MAX_ID_SIZE} bytes`);
  return bytes;
}

function checkPublicKeyShape(publicKey: Uint8Array): void {
  if (publicKey.length !== SM2_PUBLIC_KEY_SIZE || publicKey[0] !== 0x04) {
    throw new RangeError('an SM2 public key here is 65 bytes, uncompressed (04 || x || y)');
  }
}

/** Z = SM3(ENTL || ID || a || b || Gx || Gy || x || y), the signer's identity hash (GB/T 32918.2 §5.5). */
export function sm2Z(publicKey: Uint8Array, id: Sm2Id = SM2_DEFAULT_ID): Uint8Array {
  checkPublicKeyShape(publicKey);
  const ident = idBytes(id);
  const bits = ident.length * 8;
  return sm3.digest(Uint8Array.of(bits >> 8, bits & 0xff), ident, CURVE_PARAMS, publicKey.subarray(1));
}

/** e = SM3(Z || M), the value the signature equation actually signs. */
export function sm2Digest(publicKey: Uint8Array, message: Uint8Array, id: Sm2Id = SM2_DEFAULT_ID): Uint8Array {
  return sm3.digest(sm2Z(publicKey, id), message);
}

class Sm2Key implements Sm2KeyPair {
  readonly publicKey: Uint8Array;
  // Private field: the key cannot be reached through logging, JSON or property enumeration.
  readonly #privateHex: string;

  constructor(privateHex: string) {
    this.#privateHex = privateHex;
    this.publicKey = fromHex(sm2.getPublicKeyFromPrivateKey(privateHex));
  }

  sign(message: Uint8Array, id: Sm2Id = SM2_DEFAULT_ID): Uint8Array {
    const e = sm2Digest(this.publicKey, message, id);
    // hash: false because e already includes Z; the library draws k from WebCrypto's CSPRNG.
    return fromHex(sm2.doSignature(e, this.#privateHex, { der: false, hash: false }));
  }

  exportPrivateHex(): string {
    return this.#privateHex;
  }
}

// GB/T 32918.1 §6.1: d in [1, n-2], since signing divides by 1 + d.
const isPrivateScalar = (d: bigint): boolean => d >= 1n && d <= ORDER - 2n;

/** A new key pair, d drawn from Node's CSPRNG. */
export function generateSm2KeyPair(): Sm2KeyPair {
  for (;;) {
    const candidate = randomBytes(32);
    if (isPrivateScalar(toBigInt(candidate))) return new Sm2Key(candidate.toString('hex'));
  }
}

/** Imports d as 64 hex digits; throws RangeError if it is not a valid SM2 private key. */
export function importSm2PrivateHex(hex: string): Sm2KeyPair {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError('an SM2 private key is 64 hex digits');
  if (!isPrivateScalar(BigInt(`0x${hex}`))) throw new RangeError('an SM2 private key lies in [1, n-2]');
  return new Sm2Key(hex.toLowerCase());
}

/**
 * True only for a valid r || s signature of `message` by `publicKey` under signer ID `id`
 * (default GM/T 0009's). Wrong sizes, r or s outside [1, n-1], a public key off the curve or an
 * over-long ID give false, never an exception: callers verify untrusted input.
 */
export function verifySm2(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, id: Sm2Id = SM2_DEFAULT_ID): boolean {
  try {
    if (!(publicKey instanceof Uint8Array) || !(message instanceof Uint8Array) || !(signature instanceof Uint8Array)) return false;
    if (signature.length !== SM2_SIGNATURE_SIZE) return false;
    const r = toBigInt(signature.subarray(0, 32));
    const s = toBigInt(signature.subarray(32));
    // GB/T 32918.2 §7.1 B1, B2; the library checks neither.
    if (r < 1n || r >= ORDER || s < 1n || s >= ORDER) return false;
    const e = sm2Digest(publicKey, message, id);
    // The library parses the key with @noble/curves, which rejects points off the curve.
    return sm2.doVerifySignature(e, toHex(signature), toHex(publicKey), { der: false, hash: false });
  } catch {
    return false;
  }
}
