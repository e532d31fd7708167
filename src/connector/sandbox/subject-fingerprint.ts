import { createHmac } from 'node:crypto';

/**
 * The fingerprint the query-set audit stores for a row's subject: HMAC-SHA256 under a key of the
 * connector, cut to 32 bits. Keyed, so the stored table does not list hashes of USCCs or ID
 * numbers anyone can recompute; 32 bits, so it is small. Two subjects sharing a fingerprint only
 * make a difference look smaller, which refuses more, never less.
 */
export function subjectFingerprint(key: Uint8Array): (subject: string) => number {
  return (subject) => createHmac('sha256', key).update(subject).digest().readUInt32BE(0);
}
