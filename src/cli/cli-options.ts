import type { ManualReviewRule } from '../core/catalog/normative-review.js';
import { isHashAlgorithmName, type HashAlgorithmName } from '../core/crypto/hash-algorithm.js';
import type { SigningAlgorithm } from '../core/crypto/signing-key.js';

/** A usage mistake: the CLI prints it with the command's help and exits with status 2. */
export class UsageError extends Error {
  constructor(readonly detail: string, readonly option?: string) {
    super(detail);
    this.name = 'UsageError';
  }
}

export function parsePort(value: string | undefined, fallback: number, option = '--port'): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${option} ${value}: not a port number 1-65535`);
  return port;
}

export function parseHashAlgorithm(value: string | undefined): HashAlgorithmName {
  if (value === undefined) return 'sha256';
  if (!isHashAlgorithmName(value)) throw new UsageError(`--hash ${value}: use sha256 or sm3`);
  return value;
}

/** --catalog-review: when a person reviews catalog publications (always, never, sensitive). */
export function parseManualReview(value: string | undefined): ManualReviewRule {
  if (value === undefined) return 'sensitive';
  if (value !== 'always' && value !== 'never' && value !== 'sensitive') throw new UsageError(`--catalog-review ${value}: use always, never or sensitive`);
  return value;
}

/**
 * --trust-proxy: the reverse proxies whose X-Forwarded-For names the client (comma-separated
 * addresses or CIDR ranges). Unset, the client is the socket's peer: behind a proxy every client
 * would share the proxy's address in throttling and rate limits.
 */
export function parseTrustProxy(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = list.filter((v) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(v));
  if (list.length === 0 || bad.length > 0) throw new UsageError(`--trust-proxy ${value}: use proxy addresses or CIDR ranges, comma-separated`);
  return list;
}

export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${option}`, option);
  return value;
}

const signingAlgorithms: Record<string, SigningAlgorithm> = { eddsa: 'EdDSA', ed25519: 'EdDSA', es256: 'ES256', 'p-256': 'ES256', sm2: 'SM2' };

/** --issuer-alg / --key-alg: EdDSA (Ed25519, default), ES256 (P-256) or SM2 (国密). */
export function parseSigningAlgorithm(value: string | undefined, option: string): SigningAlgorithm {
  if (value === undefined) return 'EdDSA';
  const algorithm = signingAlgorithms[value.toLowerCase()];
  if (!algorithm) throw new UsageError(`${option} ${value}: use EdDSA, ES256 or SM2`);
  return algorithm;
}

/** A whole number within [min, max] given to `option`, or undefined when absent. */
export function parseCount(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option} ${value}: a whole number ${min}-${max}`);
  return n;
}

/** A DuckDB memory size such as `2GB` or `512MiB`. */
export function parseMemorySize(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/.test(value)) throw new UsageError(`${option} ${value}: a size such as 512MB or 2GB`);
  return value;
}
