import { describe, expect, it } from 'vitest';
import { kAnonymityReport } from './k-anonymity.js';

const rows = [
  { age: '30-39', region: '410100', sex: 'F', n: 1 },
  { age: '30-39', region: '410100', sex: 'F', n: 2 },
  { age: '30-39', region: '410100', sex: 'F', n: 3 },
  { age: '40-49', region: '410100', sex: 'M', n: 4 },
  { age: '40-49', region: '410100', sex: 'M', n: 5 },
  { age: '50-59', region: '410200', sex: 'M', n: 6 },
];

describe('kAnonymityReport', () => {
  it('reports the smallest group and the groups smaller than k', () => {
    const report = kAnonymityReport(rows, ['age', 'region', 'sex'], 3);
    expect(report).toMatchObject({ quasiIdentifiers: ['age', 'region', 'sex'], rows: 6, groups: 3, k: 1, required: 3, smallGroups: 2, rowsInSmallGroups: 3 });
    expect(report.summary['zh-CN']).toBe('不满足 3-匿名：按准标识符（age、region、sex）分组，2 组共 3 行少于 3 行，最小组 1 行');
    expect(report.summary.en).toBe('Fails 3-anonymity: by the quasi-identifiers (age, region, sex), 2 groups holding 3 rows have fewer than 3 rows; the smallest has 1');
  });

  it('says the rows meet k when every group is large enough', () => {
    const report = kAnonymityReport(rows.slice(0, 5), ['region'], 5);
    expect(report).toMatchObject({ groups: 1, k: 5, smallGroups: 0, rowsInSmallGroups: 0 });
    expect(report.summary['zh-CN']).toBe('满足 5-匿名：5 行按准标识符（region）分为 1 组，最小组 5 行');
    expect(report.summary.en).toContain('Meets 5-anonymity');
  });

  it('counts all rows as one group when there are no quasi-identifiers', () => {
    expect(kAnonymityReport(rows, [], 10)).toMatchObject({ groups: 1, k: 6, smallGroups: 1, rowsInSmallGroups: 6 });
    expect(kAnonymityReport(rows, [])).toMatchObject({ k: 6, required: 5, smallGroups: 0 });
  });

  it('reports no rows as k 0 with nothing to check', () => {
    const report = kAnonymityReport([], ['age']);
    expect(report).toMatchObject({ rows: 0, groups: 0, k: 0, smallGroups: 0 });
    expect(report.summary.en).toBe('No rows: nothing to check for k-anonymity');
  });

  it('treats null and absent as one value, and a number and its text as two', () => {
    const report = kAnonymityReport([{ a: null }, {}, { a: 1 }, { a: '1' }], ['a'], 2);
    expect(report).toMatchObject({ groups: 3, k: 1, smallGroups: 2 });
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => kAnonymityReport(rows, ['age'], 0)).toThrow(RangeError);
    expect(() => kAnonymityReport(rows, ['age'], 2.5)).toThrow(RangeError);
  });
});
