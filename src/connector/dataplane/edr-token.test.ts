import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EDR_PREFIX, EDR_TTL_SECONDS, edrDigest, issueEdrToken } from './edr-token.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');

describe('EDR tokens', () => {
  it('start with the EDR prefix', () => {
    expect(issueEdrToken(NOW).token.startsWith(EDR_PREFIX)).toBe(true);
    expect(EDR_PREFIX).toBe('tds_edr_');
  });

  it('carry 256 random bits, base64url encoded', () => {
    const { token } = issueEdrToken(NOW);
    const random = token.slice(EDR_PREFIX.length);
    expect(random).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(random, 'base64url')).toHaveLength(32);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => issueEdrToken(NOW).token));
    expect(tokens.size).toBe(100);
  });

  it('come with the SHA-256 hex digest the provider keeps instead of the token', () => {
    const { token, digest } = issueEdrToken(NOW);
    expect(digest).toBe(createHash('sha256').update(token).digest('hex'));
    expect(edrDigest(token)).toBe(digest);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(edrDigest(`${token}x`)).not.toBe(digest);
  });

  it('expire after the default lifetime of ten minutes, or after the ttl given', () => {
    expect(EDR_TTL_SECONDS).toBe(600);
    expect(issueEdrToken(NOW).expiresAt).toBe('2026-03-01T08:10:00.000Z');
    expect(issueEdrToken(NOW, 30).expiresAt).toBe('2026-03-01T08:00:30.000Z');
  });
});
