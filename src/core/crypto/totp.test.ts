import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';
import { generateTotpSecret, hotp, totpCode, totpStep, totpUri, verifyTotp, type OtpAlgorithm } from './totp.js';

const ascii = (s: string) => new TextEncoder().encode(s);

// RFC 6238 Appendix B seeds: the ASCII digits repeated to each hash's block-size key length
// (20, 32 and 64 bytes, per the RFC's reference code and erratum 2866).
const SEEDS: Record<OtpAlgorithm, string> = {
  SHA1: base32Encode(ascii('12345678901234567890')),
  SHA256: base32Encode(ascii('12345678901234567890123456789012')),
  SHA512: base32Encode(ascii('1234567890'.repeat(6) + '1234')),
};

// RFC 6238 Appendix B, table of test values: time (s), SHA1, SHA256, SHA512 (8 digits).
const RFC6238: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

// RFC 4226 Appendix D: HOTP values for counters 0..9 under the 20-byte ASCII secret.
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

describe('HOTP and TOTP', () => {
  it('reproduces the RFC 4226 Appendix D HOTP values', () => {
    const key = ascii('12345678901234567890');
    RFC4226.forEach((expected, counter) => expect(hotp(key, counter)).toBe(expected));
  });

  it.each(RFC6238)('reproduces RFC 6238 Appendix B at T=%i for SHA1, SHA256 and SHA512', (time, sha1, sha256, sha512) => {
    const at = time * 1000;
    expect(totpCode(SEEDS.SHA1, { at, digits: 8 })).toBe(sha1);
    expect(totpCode(SEEDS.SHA256, { at, digits: 8, algorithm: 'SHA256' })).toBe(sha256);
    expect(totpCode(SEEDS.SHA512, { at, digits: 8, algorithm: 'SHA512' })).toBe(sha512);
  });

  it('gives the last six digits of the RFC values by default', () => {
    expect(totpCode(SEEDS.SHA1, { at: new Date(59_000) })).toBe('287082');
  });

  it('counts 30-second steps from the epoch', () => {
    expect(totpStep(59_000)).toBe(1);
    expect(totpStep(new Date(1111111109_000))).toBe(0x23523ec);
    expect(totpStep(60_000, 60)).toBe(1);
  });

  it('refuses short keys, negative counters and unsupported digit counts', () => {
    expect(() => hotp(new Uint8Array(15), 0)).toThrow(RangeError);
    expect(() => hotp(ascii('12345678901234567890'), -1)).toThrow(RangeError);
    expect(() => hotp(ascii('12345678901234567890'), 0, { digits: 7 as never })).toThrow(RangeError);
    expect(() => totpStep(Number.NaN)).toThrow(RangeError);
  });
});

describe('verifyTotp', () => {
  const secret = SEEDS.SHA1;
  const at = 1111111109_000;
  const step = totpStep(at);
  const codeAt = (s: number) => hotp(base32Decode(secret), s);

  it('returns the matched step for the current code', () => {
    expect(verifyTotp(secret, codeAt(step), { at })).toBe(step);
  });

  it('accepts one step of drift either side by default and returns which step matched', () => {
    expect(verifyTotp(secret, codeAt(step - 1), { at })).toBe(step - 1);
    expect(verifyTotp(secret, codeAt(step + 1), { at })).toBe(step + 1);
    expect(verifyTotp(secret, codeAt(step - 2), { at })).toBeUndefined();
    expect(verifyTotp(secret, codeAt(step - 2), { at, window: 2 })).toBe(step - 2);
    expect(verifyTotp(secret, codeAt(step - 1), { at, window: 0 })).toBeUndefined();
  });

  it('ignores spaces people type but rejects anything that is not exactly the digits', () => {
    const code = codeAt(step);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { at })).toBe(step);
    expect(verifyTotp(secret, code.slice(1), { at })).toBeUndefined();
    expect(verifyTotp(secret, `${code}0`, { at })).toBeUndefined();
    expect(verifyTotp(secret, '', { at })).toBeUndefined();
    expect(verifyTotp(secret, 'abcdef', { at })).toBeUndefined();
    expect(verifyTotp(secret, '１２３４５６', { at })).toBeUndefined();
  });

  it('checks 8-digit SHA256 codes when asked to', () => {
    expect(verifyTotp(SEEDS.SHA256, '68084774', { at, digits: 8, algorithm: 'SHA256' })).toBe(step);
    expect(verifyTotp(SEEDS.SHA256, '68084774', { at })).toBeUndefined();
  });

  it('refuses an absurd window', () => {
    expect(() => verifyTotp(secret, '000000', { at, window: 100 })).toThrow(RangeError);
  });
});

describe('TOTP secrets and key URIs', () => {
  it('generates 160-bit base32 secrets without padding', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('builds an otpauth URI with the issuer in label and parameters', () => {
    expect(totpUri({ issuer: 'Trustspace', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' })).toBe(
      'otpauth://totp/Trustspace:alice?secret=JBSWY3DPEHPK3PXP&issuer=Trustspace&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('percent-encodes spaces, non-ASCII and reserved characters', () => {
    const uri = totpUri({ issuer: '城市 数据空间', account: 'bob@example.com', secret: 'jbswy3dpehpk3pxp', digits: 8 });
    const url = new URL(uri);
    expect(uri).not.toContain(' ');
    expect(uri).not.toContain('+');
    expect(decodeURIComponent(url.pathname)).toBe('/城市 数据空间:bob@example.com');
    expect(url.searchParams.get('issuer')).toBe('城市 数据空间');
    expect(url.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(url.searchParams.get('digits')).toBe('8');
    expect(() => totpUri({ issuer: 'a:b', account: 'c', secret: 'JBSWY3DPEHPK3PXP' })).toThrow(RangeError);
  });
});
