import { describe, expect, it } from 'vitest';
import { chartSeries } from './result-chart';

describe('the result chart', () => {
  it('draws the first numeric column by the first column', () => {
    const series = chartSeries({ columns: ['行业代码', '备注', '企业月数', '平均用电量'], rows: [['C13', 'x', 120, 3.5], ['C17', 'y', '96', 2]] });
    expect(series).toEqual({ labelColumn: '行业代码', valueColumn: '企业月数', bars: [{ label: 'C13', value: 120 }, { label: 'C17', value: 96 }] });
  });

  it('skips null values and labels null groups', () => {
    expect(chartSeries({ columns: ['g', 'n'], rows: [[null, 3], ['a', null]] })?.bars).toEqual([{ label: '∅', value: 3 }]);
  });

  it('draws nothing without a numeric column beside the first, or without rows', () => {
    expect(chartSeries({ columns: ['n'], rows: [[1]] })).toBeUndefined();
    expect(chartSeries({ columns: ['g', 'h'], rows: [['a', 'b']] })).toBeUndefined();
    expect(chartSeries({ columns: ['g', 'n'], rows: [] })).toBeUndefined();
    expect(chartSeries({ columns: ['g', 'n'], rows: [['a', null]] })).toBeUndefined();
  });
});
