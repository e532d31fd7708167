import { describe, expect, it } from 'vitest';
import { exampleSql, sqlName } from './sql-example';
import { locateInSql } from './sql-position';

describe('the example query', () => {
  it('groups by the first column and averages the next numeric one, leaving identifiers out', () => {
    const views = [{ name: '企业用电数据', columns: [{ name: '企业标识', type: 'VARCHAR', identifier: true }, { name: '行业代码', type: 'VARCHAR' }, { name: '月份', type: 'VARCHAR' }, { name: '用电量', type: 'DOUBLE' }] }];
    expect(exampleSql({ views })).toBe('SELECT 行业代码, count(*), avg(用电量)\nFROM 企业用电数据\nGROUP BY 1');
  });

  it('counts only when no numeric column follows, and is empty without views', () => {
    expect(exampleSql({ views: [{ name: 'v', columns: [{ name: 'a', type: 'VARCHAR' }] }] })).toBe('SELECT a, count(*)\nFROM v\nGROUP BY 1');
    expect(exampleSql({ views: [] })).toBe('');
  });

  it('quotes names that are not plain', () => {
    expect(sqlName('用电量')).toBe('用电量');
    expect(sqlName('my col')).toBe('"my col"');
    expect(sqlName('a"b')).toBe('"a""b"');
  });
});

describe('a refusal position in the SQL', () => {
  it('counts characters, lines and columns from a 0-based offset', () => {
    expect(locateInSql('SELECT * FROM 企业用电数据', 7)).toEqual({ position: 8, line: 1, column: 8, lineText: 'SELECT * FROM 企业用电数据', before: 'SELECT ' });
    expect(locateInSql('SELECT 行业代码,\n  * FROM v', 15)).toEqual({ position: 16, line: 2, column: 3, lineText: '  * FROM v', before: '  ' });
  });

  it('ignores an offset outside the text', () => {
    expect(locateInSql('SELECT 1', 99)).toBeUndefined();
    expect(locateInSql('SELECT 1', -1)).toBeUndefined();
  });
});
