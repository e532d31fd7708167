import { describe, expect, it } from 'vitest';
import { generateSecretToken, hashSecretToken, secretTokenMatches } from './secret-token.js';

describe('secret tokens', () => {
  it('are prefixed, random and never equal to their stored digest', () => {
    const a = generateSecretToken('tds_admin');
    const b = generateSecretToken('tds_admin');
    expect(a).toMatch(/^tds_admin_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashSecretToken(a)).not.toContain(a);
  });
  it('match only the token they were made from', () => {
    const token = generateSecretToken('k');
    const digest = hashSecretToken(token);
    expect(secretTokenMatches(token, digest)).toBe(true);
    expect(secretTokenMatches(`${token}x`, digest)).toBe(false);
    expect(secretTokenMatches(token, 'not-hex')).toBe(false);
  });
});
