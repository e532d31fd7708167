import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Machine secrets (admin tokens, API keys): 256 random bits, shown once, stored only as a
 * SHA-256 digest. A fast hash is right here because the secret has full entropy; passwords,
 * which do not, are hashed with scrypt elsewhere.
 */
export function generateSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented token against a stored digest. */
export function secretTokenMatches(token: string, storedDigest: string): boolean {
  const presented = Buffer.from(hashSecretToken(token), 'hex');
  const stored = Buffer.from(storedDigest, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
