import { usccCheckCharacter } from '../../core/identity-codes/index.js';
import { seededRandom } from '../../core/random/seeded-random.js';

// Zhengzhou's districts and counties (GB/T 2260), and manufacturing-heavy GB/T 4754 divisions.
const districts = ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181', '410182', '410183', '410184', '410185'];
const industries = ['C13', 'C17', 'C26', 'C30', 'C33', 'C36', 'C38', 'C39', 'D44', 'E47', 'F51', 'G54', 'I65'];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code registered in `district` (GB 32100). */
function uscc(random: () => number, district: string): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CHARSET[Math.floor(random() * CHARSET.length)];
  const first17 = `91${district}${body}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export interface ElectricityData {
  /** 统一社会信用代码,行政区划代码,行业代码,月份,用电量（千瓦时）,电费（元） */
  csv: string;
  /** Per district and month: 企业数, 用电量合计 — the bank's restricted summary. */
  summaryCsv: string;
  enterprises: number;
}

/**
 * The utility's 企业用电数据 for the demo: `enterprises` enterprises with valid codes, their
 * district and industry, and `months` months of consumption ending December 2025. Deterministic.
 */
export function generateElectricityData(enterprises = 2000, months = 24): ElectricityData {
  const random = seededRandom(20260101);
  const lines = ['统一社会信用代码,行政区划代码,行业代码,月份,用电量,电费'];
  const summary = new Map<string, { count: number; kwh: number }>();
  for (let e = 0; e < enterprises; e++) {
    const district = districts[Math.floor(random() * districts.length)]!;
    const industry = industries[Math.floor(random() * industries.length)]!;
    const code = uscc(random, district);
    const base = 5000 + random() * 200_000;
    for (let m = 0; m < months; m++) {
      const year = 2024 + Math.floor(m / 12);
      const month = `${year}-${String((m % 12) + 1).padStart(2, '0')}`;
      const kwh = Math.round(base * (0.8 + 0.4 * random()) * (1 + 0.15 * Math.sin((m / 12) * 2 * Math.PI)));
      lines.push(`${code},${district},${industry},${month},${kwh},${(kwh * 0.62).toFixed(2)}`);
      const key = `${district},${month}`;
      const s = summary.get(key) ?? { count: 0, kwh: 0 };
      s.count += 1;
      s.kwh += kwh;
      summary.set(key, s);
    }
  }
  const summaryLines = ['行政区划代码,月份,企业数,用电量合计'];
  for (const [key, s] of [...summary.entries()].sort(([a], [b]) => a.localeCompare(b))) summaryLines.push(`${key},${s.count},${s.kwh}`);
  return { csv: `${lines.join('\n')}\n`, summaryCsv: `${summaryLines.join('\n')}\n`, enterprises };
}
