import { withUsccCheck } from './participant-fixtures.js';

/** 企业用电 rows: valid USCCs, months, consumption, a company name, a contact phone (personal information). */
export function electricityCsv(rows: number): string {
  const lines = ['统一社会信用代码,企业名称,月份,用电量,联系电话'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${withUsccCheck(`91410100${String(30_000_000 + i * 7).slice(-8)}0`)},郑州第${i}机械制造有限公司,2024-${String((i % 12) + 1).padStart(2, '0')},${(1000 + i * 37.5).toFixed(1)},1380000${String(1000 + i).slice(-4)}`);
  }
  return `${lines.join('\n')}\n`;
}
