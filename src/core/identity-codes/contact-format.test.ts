import { describe, expect, it } from 'vitest';
import { parsePhone, validateEmail, validatePhone } from './contact-format.js';

describe('validatePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
  ])('normalises the mobile number %j to %j', (input, number) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021 5555 6666', '021-55556666'],
    ['0371-1234567', '0371-1234567'],
    ['037112345678', '0371-12345678'],
    ['0592 5123456', '0592-5123456'],
  ])('normalises the fixed line %j to %j', (input, number) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: number });
  });

  it('splits the area code by its digits: three for 010 and 02x, four for the rest', () => {
    expect(parsePhone('02012345678')).toEqual({ ok: true, value: { number: '020-12345678', kind: 'fixed-line', areaCode: '020' } });
    expect(parsePhone('0591-87654321')).toEqual({
      ok: true,
      value: { number: '0591-87654321', kind: 'fixed-line', areaCode: '0591' },
    });
    expect(parsePhone('13812345678')).toEqual({ ok: true, value: { number: '13812345678', kind: 'mobile' } });
  });

  it.each([
    '',
    '12812345678', // no mobile prefix 12
    '1381234567', // ten digits
    '138123456789', // twelve digits
    '+8713812345678',
    '12345678', // no area code
    '010-123456', // local number too short
    '0371-123456789', // local number too long
    '0111-1234567', // 011 is no area code
    '138 1234 567a',
    '(010)12345678',
  ])('rejects %j with phone.format and does not echo it', (input) => {
    expect(validatePhone(input)).toEqual({ ok: false, failure: { rule: 'phone.format' } });
  });
});

describe('validateEmail', () => {
  it.each([
    'data@power.example.cn',
    'first.last+tag@sub.example.com',
    "o'brien@example.org",
    'a@b.co',
    'user@xn--fiqs8s.xn--fiqz9s',
    'x_y-z@a-b.example',
  ])('accepts %j', (address) => {
    expect(validateEmail(address)).toEqual({ ok: true, value: address });
  });

  it('trims surrounding whitespace and returns the trimmed address', () => {
    expect(validateEmail('  data@example.cn \n')).toEqual({ ok: true, value: 'data@example.cn' });
  });

  it('accepts the length limits exactly and rejects one past them', () => {
    const local64 = 'a'.repeat(64);
    const label63 = 'b'.repeat(63);
    expect(validateEmail(`${local64}@example.cn`).ok).toBe(true);
    expect(validateEmail(`${local64}a@example.cn`).ok).toBe(false);
    expect(validateEmail(`x@${label63}.cn`).ok).toBe(true);
    expect(validateEmail(`x@${label63}b.cn`).ok).toBe(false);
    const domain = `${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(61)}`; // 244 octets
    expect(validateEmail(`${'g'.repeat(9)}@${domain}`)).toMatchObject({ ok: true }); // 254
    expect(validateEmail(`${'g'.repeat(10)}@${domain}`)).toMatchObject({ ok: false }); // 255
  });

  it.each([
    '',
    'plain',
    '@example.cn',
    'user@',
    'user@localhost',
    'user@example.',
    'user@.example.cn',
    'user@example..cn',
    'user@-example.cn',
    'user@example-.cn',
    'user@example.123',
    '.user@example.cn',
    'user.@example.cn',
    'us..er@example.cn',
    'us er@example.cn',
    '"quoted"@example.cn',
    'user@exa mple.cn',
    '用户@example.cn',
    'user@例子.中国',
    'a@b@example.cn',
  ])('rejects %j with email.format and does not echo it', (address) => {
    expect(validateEmail(address)).toEqual({ ok: false, failure: { rule: 'email.format' } });
  });
});
