import { describe, expect, it } from 'vitest';
import type { Operator } from './odrl-policy.js';
import { allowedOperators, applyOperator, type OperandShape } from './operator-semantics.js';
import { coerce, type ResolvedValue, type ValueType } from './typed-values.js';

const one = (valueType: ValueType): OperandShape => ({ valueType, cardinality: 'one' });
const set = (valueType: ValueType): OperandShape => ({ valueType, cardinality: 'set' });
const holds = (shape: OperandShape, actual: ResolvedValue, op: Operator, ...rights: Array<string | number>) =>
  applyOperator(op, shape, actual, rights.map((value) => coerce(shape.valueType, { value })!));

describe('operators on one value', () => {
  it('eq, neq, lt, lteq, gt, gteq compare numbers as numbers', () => {
    const n = one('number');
    expect([holds(n, 10, 'eq', '10'), holds(n, 10, 'neq', 10), holds(n, 9, 'lt', 10), holds(n, 10, 'lteq', 10), holds(n, 11, 'gt', 10), holds(n, 10, 'gteq', 10)]).toEqual([
      true, false, true, true, true, true,
    ]);
    expect([holds(n, 10, 'lt', 10), holds(n, 10, 'gt', 10), holds(n, 9, 'gteq', 10), holds(n, 11, 'lteq', 10)]).toEqual([false, false, false, false]);
  });

  it('compares instants with dateTimes and with dates (a whole day)', () => {
    const d = one('dateTime');
    const noon = new Date('2025-06-15T04:00:00Z');
    expect(holds(d, noon, 'lt', '2025-06-15T04:00:01Z')).toBe(true);
    expect(holds(d, noon, 'eq', '2025-06-15+08:00')).toBe(true);
    expect(holds(d, noon, 'lteq', '2025-06-14+08:00')).toBe(false);
    expect(holds(d, noon, 'gteq', '2025-06-15')).toBe(true);
  });

  it('compares an elapsed period with a duration from where it started', () => {
    const elapsed = { from: new Date('2025-01-31T00:00:00Z'), to: new Date('2025-02-28T00:00:00Z') };
    expect(holds(one('duration'), elapsed, 'eq', 'P1M')).toBe(true); // 31 January + 1 month = 28 February
    expect(holds(one('duration'), elapsed, 'lt', 'P30D')).toBe(true);
    expect(holds(one('duration'), elapsed, 'gt', 'PT12H')).toBe(true);
  });

  it('isA and isPartOf follow region containment (GB/T 2260, CN above all)', () => {
    const r = one('region');
    expect([holds(r, '410105', 'isPartOf', '410000'), holds(r, '410105', 'isPartOf', '410100'), holds(r, '410105', 'isA', 'CN')]).toEqual([true, true, true]);
    expect([holds(r, '410105', 'isPartOf', '330000'), holds(r, '410000', 'isPartOf', '410105')]).toEqual([false, false]);
    expect(holds(r, '410105', 'isPartOf', '330000', '410000')).toBe(true);
    expect(holds(r, '410000', 'hasPart', '410105', '410100')).toBe(true);
    expect(holds(r, '410100', 'hasPart', '410105', '330100')).toBe(false);
  });

  it('isPartOf follows GB/T 4754 industry sections and divisions', () => {
    const i = one('industry');
    expect([holds(i, 'J66', 'isPartOf', 'J'), holds(i, 'J6620', 'isPartOf', 'J66'), holds(i, '66', 'isPartOf', 'J'), holds(i, 'J66', 'isPartOf', 'I')]).toEqual([true, true, true, false]);
  });

  it('orders classification levels (general-1 < … < general-4 < important < core) and general contains its grades', () => {
    const c = one('classification');
    expect([holds(c, 'general-2', 'lteq', 'general-3'), holds(c, 'important', 'lt', 'core'), holds(c, 'general-4', 'lt', 'important'), holds(c, 'core', 'lteq', 'important')]).toEqual([
      true, true, true, false,
    ]);
    expect([holds(c, 'general-2', 'isA', 'general'), holds(c, 'important', 'isA', 'general')]).toEqual([true, false]);
    expect(holds(c, 'general-2', 'lt', 'general')).toBeUndefined();
  });

  it('isAnyOf, isAllOf, isNoneOf test membership', () => {
    const s = one('string');
    expect([holds(s, 'research', 'isAnyOf', 'research', 'audit'), holds(s, 'marketing', 'isAnyOf', 'research', 'audit')]).toEqual([true, false]);
    expect([holds(s, 'research', 'isNoneOf', 'marketing'), holds(s, 'research', 'isNoneOf', 'research')]).toEqual([true, false]);
    expect([holds(s, 'research', 'isAllOf', 'research'), holds(s, 'research', 'isAllOf', 'research', 'audit')]).toEqual([true, false]);
    expect([holds(s, 'research', 'isA', 'research'), holds(s, 'research', 'isPartOf', 'research', 'x'), holds(s, 'research', 'hasPart', 'research')]).toEqual([true, true, true]);
  });
});

describe('operators on a set of values', () => {
  const roles = set('string');
  it('eq and neq ask whether the set holds the value', () => {
    expect([holds(roles, ['consumer', 'provider'], 'eq', 'provider'), holds(roles, ['consumer'], 'neq', 'provider')]).toEqual([true, true]);
  });

  it('isPartOf is a subset (the fields asked for within those allowed), hasPart a superset', () => {
    const fields = set('string');
    expect(holds(fields, ['month', 'load_kwh'], 'isPartOf', 'month', 'load_kwh', 'region')).toBe(true);
    expect(holds(fields, ['month', 'customer_name'], 'isPartOf', 'month', 'load_kwh')).toBe(false);
    expect(holds(fields, [], 'isPartOf', 'month')).toBe(true);
    expect(holds(fields, ['month', 'load_kwh'], 'hasPart', 'month')).toBe(true);
  });

  it('isAnyOf meets, isAllOf contains all, isNoneOf is disjoint', () => {
    expect([holds(roles, ['consumer', 'provider'], 'isAnyOf', 'provider', 'regulator'), holds(roles, ['consumer'], 'isAnyOf', 'provider')]).toEqual([true, false]);
    expect([holds(roles, ['consumer', 'provider'], 'isAllOf', 'consumer', 'provider'), holds(roles, ['consumer'], 'isAllOf', 'consumer', 'provider')]).toEqual([true, false]);
    expect([holds(roles, ['month', 'id_number'], 'isNoneOf', 'id_number'), holds(roles, ['month'], 'isNoneOf', 'id_number')]).toEqual([false, true]);
  });

  it('isA and isPartOf of industries use the hierarchy', () => {
    const industries = set('industry');
    expect(holds(industries, ['J', 'J66'], 'isPartOf', 'J')).toBe(true);
    expect(holds(industries, ['J66', 'I64'], 'isPartOf', 'J')).toBe(false);
    expect(holds(industries, ['I64', 'J66'], 'isA', 'J')).toBe(true);
  });
});

describe('allowedOperators', () => {
  it('offers ordering only to ordered single values', () => {
    expect(allowedOperators(one('number'))).toContain('lteq');
    expect(allowedOperators(one('duration'))).not.toContain('isPartOf');
    expect(allowedOperators(one('string'))).not.toContain('lt');
    expect(allowedOperators(set('string'))).not.toContain('gteq');
    expect(allowedOperators(one('classification'))).toEqual(expect.arrayContaining(['lteq', 'isA']));
  });

  it('answers undefined (never true) when the value is of the wrong shape', () => {
    expect(applyOperator('eq', set('string'), 'consumer', ['consumer'])).toBeUndefined();
    expect(applyOperator('eq', one('string'), ['consumer'], ['consumer'])).toBeUndefined();
    expect(applyOperator('lt', one('number'), 'ten', [10])).toBeUndefined();
  });
});
