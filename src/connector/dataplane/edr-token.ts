import { createHash, randomBytes } from 'node:crypto';

/** EDR tokens start with this, so the connector's principal resolver knows them from API keys and identity tokens. */
export const EDR_PREFIX = 'tds_edr_';

/** How long an EDR token lives by default: long enough to start a download, short enough to limit a leak. */
export const EDR_TTL_SECONDS = 600;

export const edrDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A fresh endpoint data reference token (EDR, 数据访问令牌): 256 random bits. The provider keeps
 * only its digest with the transfer, so its database never holds a usable token; every use is
 * checked against the transfer and agreement it belongs to.
 */
export function issueEdrToken(now: Date, ttlSeconds = EDR_TTL_SECONDS): { token: string; digest: string; expiresAt: string } {
  const token = `${EDR_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, digest: edrDigest(token), expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() };
}

/** The HTTP data address a pull transfer's start message carries. */
export const httpEndpointType = 'https://w3id.org/idsa/v4.1/HTTP';
