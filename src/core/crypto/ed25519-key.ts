import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';

/**
 * An Ed25519 signing key. The private half stays inside this module (an opaque KeyObject in a
 * private field), so it cannot leak through logging or JSON; only an explicit PEM export
 * reveals it, for writing the operator's key file.
 */
export interface Ed25519KeyPair {
  /** The 32-byte raw public key (RFC 8032 encoding). */
  publicKey: Uint8Array;
  /** A 64-byte RFC 8032 signature over `message` (deterministic). */
  sign(message: Uint8Array): Uint8Array;
  exportPrivatePkcs8Pem(): string;
}

// DER headers for Ed25519 keys (RFC 8410); the raw key or seed follows directly.
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const KEY_SIZE = 32;
const SIGNATURE_SIZE = 64;

const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

class NodeEd25519KeyPair implements Ed25519KeyPair {
  readonly publicKey: Uint8Array;
  readonly #privateKey: KeyObject;

  constructor(privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new TypeError(`expected an Ed25519 private key, got ${privateKey.asymmetricKeyType ?? 'unknown'}`);
    }
    this.#privateKey = privateKey;
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    this.publicKey = new Uint8Array(spki.subarray(spki.length - KEY_SIZE));
  }

  sign(message: Uint8Array): Uint8Array {
    return toBytes(nodeSign(null, message, this.#privateKey));
  }

  exportPrivatePkcs8Pem(): string {
    return this.#privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
}

export function generateEd25519KeyPair(): Ed25519KeyPair {
  return new NodeEd25519KeyPair(generateKeyPairSync('ed25519').privateKey);
}

/** Imports a PKCS#8 PEM private key; throws if it is not parseable or not Ed25519. */
export function importEd25519PrivatePem(pem: string): Ed25519KeyPair {
  return new NodeEd25519KeyPair(createPrivateKey({ key: pem, format: 'pem' }));
}

/** Imports a raw 32-byte RFC 8032 seed (the form used by C2SP signed-note signer keys). */
export function importEd25519Seed(seed: Uint8Array): Ed25519KeyPair {
  if (seed.length !== KEY_SIZE) throw new RangeError(`an Ed25519 seed is ${KEY_SIZE} bytes, got ${seed.length}`);
  const der = Buffer.from(concat(PKCS8_PREFIX, seed));
  return new NodeEd25519KeyPair(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

/**
 * True only for a valid signature. Malformed keys or signatures return false instead of
 * throwing, because callers verify untrusted input and must treat every failure alike.
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== KEY_SIZE || signature.length !== SIGNATURE_SIZE) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(concat(SPKI_PREFIX, publicKey)), format: 'der', type: 'spki' });
    return nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}
