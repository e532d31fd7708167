import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../identity-codes/index.js';
import { inferDictionary, type InferenceOptions } from './dictionary-inference.js';

const today = new Date('2025-06-01T04:00:00Z');
const infer = (rows: Record<string, unknown>[], options: Partial<InferenceOptions> = {}) => inferDictionary(rows, { pii: { today }, ...options });
const fieldOf = (rows: Record<string, unknown>[], name: string, options: Partial<InferenceOptions> = {}) => {
  const field = infer(rows, options).dictionary.fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
};
/** One column of CSV-like rows. */
const column = (name: string, values: unknown[]) => values.map((value) => ({ [name]: value }));
const typeOf = (values: unknown[], name = 'v') => fieldOf(column(name, values), name).type;

function aResidentId(sequence: number): string {
  const first17 = `110105198506${String(10 + (sequence % 18)).padStart(2, '0')}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

describe('inferDictionary: types', () => {
  it.each([
    [['1', '-20', '+300'], 'integer'],
    [['1.5', '2', '-0.25', '1e3'], 'number'],
    [['true', 'FALSE', 'False'], 'boolean'],
    [['2024-01-02', '2023-12-31'], 'date'],
    [['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+08:00', '2024-01-02T03:04:05'], 'datetime'],
    [['2024-01', '2023-12'], 'yearmonth'],
    [['abc', '用电量'], 'string'],
    [[1, 2.5], 'number'],
    [[true, false], 'boolean'],
    [[{ a: 1 }, { b: 2 }], 'object'],
    [[[1], []], 'array'],
  ] as const)('infers %j as %s', (values, type) => {
    expect(typeOf([...values])).toBe(type);
  });

  it('infers a datetime with a space for the T, and says its format is not the default', () => {
    const field = fieldOf(column('at', ['2024-01-02 03:04:05', '2024-01-03T00:00:00Z']), 'at');
    expect(field).toMatchObject({ type: 'datetime', format: 'any' });
    expect(fieldOf(column('at', ['2024-01-02T03:04:05Z']), 'at').format).toBeUndefined();
  });

  it('makes a mix of types a string', () => {
    expect(typeOf(['1', 'abc'])).toBe('string');
    expect(typeOf(['2024-01-02', '2024-01-02T03:04:05Z'])).toBe('string');
    expect(typeOf(['true', '1'])).toBe('string');
    expect(typeOf([1, 'abc'])).toBe('string');
  });

  it('makes objects or arrays mixed with scalars, and all-null columns, any', () => {
    expect(typeOf([{ a: 1 }, 'x'])).toBe('any');
    expect(typeOf([null, '', undefined])).toBe('any');
  });

  it('keeps digit codes with leading zeros and digits beyond double precision as strings', () => {
    expect(typeOf(['0371', '0100'])).toBe('string');
    expect(typeOf(['123456789012345678901'])).toBe('string');
  });

  it('keeps digit codes as strings where the name says code: region (GB/T 2260), industry, postcode, USCC', () => {
    expect(typeOf(['410105', '410102', '410181'], '行政区划代码')).toBe('string');
    expect(typeOf([410105, 410102], 'regionCode')).toBe('string');
    expect(typeOf(['1311', '2011'], '行业代码')).toBe('string');
    expect(typeOf(['450000', '450001'], 'zip_code')).toBe('string');
    expect(typeOf(['410105'], 'adcode')).toBe('string');
    expect(fieldOf(column('区划编码', ['410105', '410102']), '区划编码').statistics).not.toHaveProperty('mean');
    // Quantities keep their type, including names that merely contain the letters of "code".
    expect(typeOf(['410105', '410102'], '用电量')).toBe('integer');
    expect(typeOf(['12', '13'], 'encoded_bytes')).toBe('integer');
  });

  it('refuses dates that are not on the calendar', () => {
    expect(typeOf(['2024-02-30'])).toBe('string');
    expect(typeOf(['2023-02-29 10:00:00'])).toBe('string');
  });

  it('infers four-digit integers as years only where the name says year', () => {
    expect(typeOf(['2021', '2022'], 'report_year')).toBe('year');
    expect(typeOf([2021, 2022], '统计年度')).toBe('year');
    expect(typeOf(['2021', '2022'], 'amount')).toBe('integer');
    expect(typeOf(['2021', '9000'], 'year')).toBe('integer');
  });

  it('keeps identifiers made of digits as strings: ID numbers and phone numbers', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ sfz: aResidentId(i + 1), phone: `1381234567${i}` }));
    const { fields } = infer(rows).dictionary;
    expect(fields.map((f) => [f.name, f.type, f.pii?.kind])).toEqual([
      ['sfz', 'string', 'id-number'],
      ['phone', 'string', 'phone'],
    ]);
    expect(fields[1]?.statistics).not.toHaveProperty('mean');
  });
});

describe('inferDictionary: statistics and required', () => {
  it('counts rows, nulls and distinct values and gives min, max and mean of numbers', () => {
    const field = fieldOf(column('kwh', ['10', '20', '', '30', '20']), 'kwh');
    expect(field.statistics).toEqual({ rows: 5, nulls: 1, distinct: 3, min: 10, max: 30, mean: 20 });
    expect(field.required).toBeUndefined();
  });

  it('gives min and max of dates and year-months', () => {
    expect(fieldOf(column('d', ['2024-03-01', '2023-12-31', '2024-01-15']), 'd').statistics).toMatchObject({ min: '2023-12-31', max: '2024-03-01' });
    expect(fieldOf(column('m', ['2024-03', '2023-11']), 'm').statistics).toMatchObject({ min: '2023-11', max: '2024-03' });
  });

  it('orders datetimes by instant, not by text', () => {
    const stats = fieldOf(column('t', ['2024-01-01T03:00:00Z', '2024-01-01T10:00:00+08:00', '2024-01-01 04:00:00']), 't').statistics;
    expect(stats).toMatchObject({ min: '2024-01-01T10:00:00+08:00', max: '2024-01-01 04:00:00' });
  });

  it('gives no min or max for strings', () => {
    expect(fieldOf(column('s', ['b', 'a']), 's').statistics).toEqual({ rows: 2, nulls: 0, distinct: 2 });
  });

  it('stops counting distinct values at the cap and says so', () => {
    const stats = fieldOf(column('n', Array.from({ length: 50 }, (_, i) => String(i))), 'n', { distinctCap: 10 }).statistics;
    expect(stats).toMatchObject({ distinct: 10, distinctCapped: true, min: 0, max: 49 });
  });

  it('marks a column required when no value is missing', () => {
    expect(fieldOf(column('a', ['x', 'y']), 'a').required).toBe(true);
  });

  it('treats the given missing values, and keys a row lacks, as nulls', () => {
    const rows = [{ a: 'NA', b: '1' }, { a: '2' }, { a: '3', b: '-' }];
    const { dictionary } = infer(rows, { missingValues: ['', 'NA', '-'] });
    expect(dictionary.missingValues).toEqual(['', 'NA', '-']);
    expect(dictionary.fields.map((f) => [f.name, f.type, f.statistics?.nulls])).toEqual([
      ['a', 'integer', 1],
      ['b', 'integer', 2],
    ]);
  });

  it('counts a column first seen in a later row as null in the rows before', () => {
    const { fields } = infer([{ a: 1 }, { a: 2 }, { a: 3, late: 'x' }]).dictionary;
    expect(fields[1]).toMatchObject({ name: 'late', statistics: { rows: 3, nulls: 2 } });
  });

  it('follows the given columns, in their order, and ignores other keys', () => {
    const { fields } = infer([{ a: 1, b: 2, c: 3 }], { columns: ['c', 'a'] }).dictionary;
    expect(fields.map((f) => f.name)).toEqual(['c', 'a']);
  });

  it('infers nothing but the columns from no rows', () => {
    expect(infer([], { columns: ['a'] }).dictionary.fields).toEqual([{ name: 'a', type: 'any', statistics: { rows: 0, nulls: 0, distinct: 0 } }]);
  });
});

describe('inferDictionary: personal information and determinism', () => {
  it('declares the personal information its scan finds and returns the scan', () => {
    const rows = [
      { 姓名: '张伟', 用电量: '120.5' },
      { 姓名: '王芳', 用电量: '98' },
      { 姓名: '李娜', 用电量: '101' },
    ];
    const { dictionary, pii } = infer(rows);
    expect(dictionary.fields[0]?.pii).toEqual({ kind: 'name', sensitive: false });
    expect(dictionary.fields[1]?.pii).toBeUndefined();
    expect(pii.fields.map((f) => f.field)).toEqual(['姓名', '用电量']);
  });

  it('gives the same dictionary for the same rows', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: String(i), v: i % 3 === 0 ? '' : `${i}.5`, d: `2024-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    expect(infer(rows)).toEqual(infer(rows));
  });

  it('infers 100,000 rows of 10 columns in under two seconds', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      id: String(i),
      uscc: `91410100MA${String(i).padStart(8, '0')}`,
      name: `企业${i % 5000}`,
      month: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
      day: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      at: `2024-01-02T03:04:${String(i % 60).padStart(2, '0')}Z`,
      kwh: `${(i * 1.7) % 10_000}`,
      count: String(i % 97),
      flag: i % 2 ? 'true' : 'false',
      note: i % 10 ? `备注 ${i}` : '',
    }));
    const started = performance.now();
    const { dictionary } = infer(rows);
    const elapsed = performance.now() - started;
    expect(dictionary.fields.map((f) => f.type)).toEqual(['integer', 'string', 'string', 'yearmonth', 'date', 'datetime', 'number', 'integer', 'boolean', 'string']);
    expect(dictionary.fields[1]?.statistics).toMatchObject({ distinct: 10_000, distinctCapped: true });
    expect(elapsed).toBeLessThan(2000);
  });
});
