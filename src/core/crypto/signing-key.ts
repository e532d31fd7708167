import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { generateSm2KeyPair, importSm2PrivateHex, verifySm2, type Sm2KeyPair } from './sm2.js';

/** JWS algorithms for credentials and identity tokens: Ed25519, P-256, or SM2 with SM3 (国密). */
export type SigningAlgorithm = 'EdDSA' | 'ES256' | 'SM2';
export const signingAlgorithms: readonly SigningAlgorithm[] = ['EdDSA', 'ES256', 'SM2'];

/** A public key as JWK (RFC 7517); SM2 uses `{ kty: 'EC', crv: 'SM2' }` with 32-byte x and y. */
export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y?: string;
}

/**
 * A signing key for JOSE. The private half stays in a private field (an opaque KeyObject or the
 * SM2 key pair's closure), so it cannot leak through logging or JSON; only the explicit PEM
 * export reveals it, for the key file.
 */
export interface SigningKey {
  readonly algorithm: SigningAlgorithm;
  publicJwk(): PublicJwk;
  /** A compact JWS (RFC 7515) of `payload` (JSON) with `header` (its `alg` is set to ours). */
  signJws(header: Record<string, unknown>, payload: unknown): Promise<string>;
  /** True when `jws` verifies with this key's public half. */
  verifies(jws: string): Promise<boolean>;
  exportPrivatePkcs8Pem(): string;
}

/** A JWS that does not verify or is not well formed; `reason` says which. */
export class JwsError extends Error {
  constructor(readonly reason: 'malformed' | 'algorithm' | 'signature' | 'key', detail: string) {
    super(detail);
    this.name = 'JwsError';
  }
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const SM2_PEM_LABEL = 'TDS SM2 PRIVATE KEY';

class NodeSigningKey implements SigningKey {
  readonly #key: KeyObject;
  readonly #jwk: PublicJwk;

  constructor(
    readonly algorithm: 'EdDSA' | 'ES256',
    key: KeyObject,
  ) {
    this.#key = key;
    const { kty, crv, x, y } = createPublicKey(key).export({ format: 'jwk' }) as PublicJwk;
    this.#jwk = y === undefined ? { kty, crv, x } : { kty, crv, x, y };
  }

  publicJwk(): PublicJwk {
    return { ...this.#jwk };
  }

  async signJws(header: Record<string, unknown>, payload: unknown): Promise<string> {
    const input = `${b64url(JSON.stringify({ ...header, alg: this.algorithm }))}.${b64url(JSON.stringify(payload))}`;
    const signature =
      this.algorithm === 'EdDSA'
        ? nodeSign(null, Buffer.from(input), this.#key)
        : nodeSign('sha256', Buffer.from(input), { key: this.#key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  }

  async verifies(jws: string): Promise<boolean> {
    return verifyCompactJws(jws, this.#jwk, { algorithms: [this.algorithm] }).then(() => true, () => false);
  }

  exportPrivatePkcs8Pem(): string {
    return this.#key.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
}

class Sm2SigningKey implements SigningKey {
  readonly algorithm = 'SM2' as const;
  readonly #pair: Sm2KeyPair;

  constructor(pair: Sm2KeyPair) {
    this.#pair = pair;
  }

  publicJwk(): PublicJwk {
    const pub = this.#pair.publicKey;
    return { kty: 'EC', crv: 'SM2', x: b64url(pub.subarray(1, 33)), y: b64url(pub.subarray(33, 65)) };
  }

  async signJws(header: Record<string, unknown>, payload: unknown): Promise<string> {
    const input = `${b64url(JSON.stringify({ ...header, alg: 'SM2' }))}.${b64url(JSON.stringify(payload))}`;
    return `${input}.${b64url(this.#pair.sign(Buffer.from(input)))}`;
  }

  async verifies(jws: string): Promise<boolean> {
    return verifyCompactJws(jws, this.publicJwk(), { algorithms: ['SM2'] }).then(() => true, () => false);
  }

  /** Node's PKCS#8 cannot carry an SM2 key for GM/T 0009 use, so the file holds the scalar in hex. */
  exportPrivatePkcs8Pem(): string {
    return `-----BEGIN ${SM2_PEM_LABEL}-----\n${this.#pair.exportPrivateHex()}\n-----END ${SM2_PEM_LABEL}-----\n`;
  }
}

export function generateSigningKey(algorithm: SigningAlgorithm): SigningKey {
  if (algorithm === 'SM2') return new Sm2SigningKey(generateSm2KeyPair());
  const { privateKey } = algorithm === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return new NodeSigningKey(algorithm, privateKey);
}

/** Imports a key file written by `exportPrivatePkcs8Pem` (Ed25519 or P-256 PKCS#8, or our SM2 form). */
export function importSigningKeyPem(pem: string): SigningKey {
  const sm2 = new RegExp(`-----BEGIN ${SM2_PEM_LABEL}-----\\s*([0-9a-fA-F]{64})\\s*-----END ${SM2_PEM_LABEL}-----`).exec(pem);
  if (sm2) return new Sm2SigningKey(importSm2PrivateHex(sm2[1]!));
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType === 'ed25519') return new NodeSigningKey('EdDSA', key);
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return new NodeSigningKey('ES256', key);
  throw new TypeError(`unsupported signing key: ${key.asymmetricKeyType ?? 'unknown'} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
}

function decodeSegment(segment: string, what: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new JwsError('malformed', `${what} is not base64url`);
  return Buffer.from(segment, 'base64url');
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new JwsError('malformed', `${what} is not JSON`);
  }
}

/** Decodes a compact JWS without verifying it (to learn `kid` and `iss` before resolving keys). */
export function decodeCompactJws(jws: string): { header: Record<string, unknown>; payload: unknown; signingInput: string; signature: Uint8Array } {
  const parts = jws.split('.');
  if (parts.length !== 3) throw new JwsError('malformed', 'a compact JWS has three parts');
  const header = parseJson(decodeSegment(parts[0]!, 'header'), 'header');
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new JwsError('malformed', 'the header is not an object');
  return { header: header as Record<string, unknown>, payload: parseJson(decodeSegment(parts[1]!, 'payload'), 'payload'), signingInput: `${parts[0]}.${parts[1]}`, signature: decodeSegment(parts[2]!, 'signature') };
}

const algorithmOfJwk = (jwk: PublicJwk): SigningAlgorithm | undefined =>
  jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'EdDSA' : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'EC' && jwk.crv === 'SM2' ? 'SM2' : undefined;

/**
 * Verifies a compact JWS with a public JWK and returns its header and JSON payload. The header's
 * `alg` must be allowed and must be the key's own algorithm (no algorithm confusion), and no
 * `crit` extension may be asked for; any failure throws a JwsError.
 */
export async function verifyCompactJws(jws: string, jwk: PublicJwk, options: { algorithms: readonly SigningAlgorithm[] }): Promise<{ header: Record<string, unknown>; payload: unknown }> {
  const { header, payload, signingInput, signature } = decodeCompactJws(jws);
  // RFC 7515 §4.1.11: an extension the recipient must understand (b64, …) is one we do not.
  if (header.crit !== undefined) throw new JwsError('malformed', 'critical header extensions are not supported');
  const keyAlgorithm = algorithmOfJwk(jwk);
  if (!keyAlgorithm) throw new JwsError('key', `unsupported key ${jwk.kty}/${jwk.crv}`);
  if (header.alg !== keyAlgorithm || !options.algorithms.includes(keyAlgorithm)) {
    throw new JwsError('algorithm', `alg ${String(header.alg)} is not allowed for this ${keyAlgorithm} key`);
  }
  const data = Buffer.from(signingInput);
  let valid: boolean;
  try {
    if (keyAlgorithm === 'SM2') {
      const x = Buffer.from(jwk.x, 'base64url');
      const y = Buffer.from(jwk.y ?? '', 'base64url');
      valid = x.length === 32 && y.length === 32 && verifySm2(Buffer.concat([Buffer.from([4]), x, y]), data, signature);
    } else {
      const key = createPublicKey({ key: { ...jwk }, format: 'jwk' });
      valid = keyAlgorithm === 'EdDSA' ? nodeVerify(null, data, key, signature) : nodeVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
  } catch {
    valid = false;
  }
  if (!valid) throw new JwsError('signature', 'the signature does not verify');
  return { header, payload };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of a public key: a stable key id. */
export function jwkThumbprint(jwk: PublicJwk | Record<string, unknown>): string {
  const { kty, crv, x, y } = jwk as PublicJwk;
  // Only the key types we sign with; for others the required members differ and would collide.
  if (!(kty === 'OKP' || kty === 'EC') || typeof crv !== 'string' || typeof x !== 'string' || (kty === 'EC' && typeof y !== 'string')) {
    throw new TypeError(`no thumbprint for a ${String(kty)} key`);
  }
  const members = kty === 'OKP' ? { crv, kty, x } : { crv, kty, x, y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
