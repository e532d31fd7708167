import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { DesensitizationRuleSchema, assertDesensitizationRule, decimalPlaces, validateDesensitizationRule } from './desensitization-rule.js';

const valid: unknown[] = [
  { method: 'mask', format: 'id-number' },
  { method: 'mask', format: 'name', keepStart: 1, keepEnd: 0 },
  { method: 'mask', format: 'email', keepStart: 2 },
  { method: 'generalize', to: 'year' },
  { method: 'generalize', to: 'age-band', width: 5 },
  { method: 'generalize', to: 'number-band', width: 0.25 },
  { method: 'hash', algorithm: 'hmac-sm3' },
  { method: 'tokenize' },
  { method: 'suppress' },
  { method: 'noise', mechanism: 'gaussian', scale: 1.5 },
];

const invalid: Array<[unknown, string]> = [
  [null, ''],
  [{ method: 'encrypt' }, '/method'],
  [{ method: 'mask', format: 'passport' }, '/format'],
  [{ method: 'mask', format: 'phone', keepStart: -1 }, '/keepStart'],
  [{ method: 'mask', format: 'phone', keepStart: 1.5 }, '/keepStart'],
  [{ method: 'mask', format: 'phone', keepEnd: 65 }, '/keepEnd'],
  [{ method: 'mask', format: 'phone', extra: true }, ''],
  [{ method: 'generalize', to: 'year', width: 5 }, ''],
  [{ method: 'generalize', to: 'age-band', width: 2.5 }, '/width'],
  [{ method: 'generalize', to: 'number-band', width: 0 }, '/width'],
  [{ method: 'hash', algorithm: 'md5' }, '/algorithm'],
  [{ method: 'noise', mechanism: 'laplace' }, ''],
  [{ method: 'noise', mechanism: 'laplace', scale: -1 }, '/scale'],
];

describe('validateDesensitizationRule', () => {
  it.each(valid)('accepts %j', (rule) => {
    expect(validateDesensitizationRule(rule)).toEqual({ ok: true, value: rule });
    expect(Value.Check(DesensitizationRuleSchema, rule)).toBe(true);
  });

  it.each(invalid)('refuses %j, pointing at %j, as the API schema does', (rule, pointer) => {
    const result = validateDesensitizationRule(rule);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.pointer)).toContain(pointer);
    expect(Value.Check(DesensitizationRuleSchema, rule)).toBe(false);
  });

  it('refuses what the schema cannot say: band widths beyond 6 decimals, counts on an address, keepEnd on an email', () => {
    for (const [rule, pointer] of [
      [{ method: 'generalize', to: 'number-band', width: 0.0000001 }, '/width'],
      [{ method: 'mask', format: 'address', keepStart: 3 }, '/keepStart'],
      [{ method: 'mask', format: 'email', keepEnd: 3 }, '/keepEnd'],
    ] as const) {
      expect(validateDesensitizationRule(rule)).toEqual({ ok: false, problems: [expect.objectContaining({ pointer })] });
    }
  });

  it('throws a RangeError naming the problem from assertDesensitizationRule', () => {
    expect(() => assertDesensitizationRule({ method: 'hash', algorithm: 'md5' })).toThrow(/\/algorithm/);
  });
});

describe('decimalPlaces', () => {
  it('counts the decimals of a number as it is written shortest', () => {
    expect([10, 0.1, 0.25, 2.5, 0.000001, 1e-7, 1e12].map(decimalPlaces)).toEqual([0, 1, 2, 1, 6, 7, 0]);
  });
});
