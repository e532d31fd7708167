import { usccCheckCharacter } from '../../core/identity-codes/index.js';
import { seededRandom } from '../../core/random/seeded-random.js';

// Zhengzhou's districts and counties (GB/T 2260), and manufacturing-heavy GB/T 4754 divisions.
export const demoDistricts = ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181', '410182', '410183', '410184', '410185'];
const industries = ['C13', 'C17', 'C26', 'C30', 'C33', 'C36', 'C38', 'C39', 'D44', 'E47', 'F51', 'G54', 'I65'];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** How many enterprises `tds demo` generates: "tens of thousands", as a province's utility would hold. */
export const DEMO_ENTERPRISES = 20_000;

/** A valid unified social credit code registered in `district` (GB 32100). */
function uscc(random: () => number, district: string): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CHARSET[Math.floor(random() * CHARSET.length)];
  const first17 = `91${district}${body}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

/** One enterprise of the utility's customers, as the generator drew it. */
export interface DemoEnterprise {
  uscc: string;
  district: string;
  industry: string;
}

export interface ElectricityData {
  /** 统一社会信用代码,行政区划代码,行业代码,月份,用电量（千瓦时）,电费（元） */
  csv: string;
  /** Per district and month: 企业数, 用电量合计 — the bank's restricted summary. */
  summaryCsv: string;
  /**
   * Per district, industry and year: 企业数, 用电量合计 — the open statistics (开放数据); cells of
   * fewer than 10 enterprises are left out, as a statistics office publishes them.
   */
  openStatisticsCsv: string;
  enterprises: DemoEnterprise[];
}

/**
 * The utility's 企业用电数据 for the demo: `enterprises` enterprises with valid codes, their
 * district and industry, and `months` months of consumption ending December 2025. Each
 * enterprise has its own size, volatility and trend (about one in eight declines), so a credit
 * score over its months tells enterprises apart. Deterministic.
 */
export function generateElectricityData(enterprises = 2000, months = 24): ElectricityData {
  const random = seededRandom(20260101);
  const lines = ['统一社会信用代码,行政区划代码,行业代码,月份,用电量,电费'];
  const summary = new Map<string, { count: number; kwh: number }>();
  const statistics = new Map<string, { enterprises: Set<string>; kwh: number }>();
  const drawn: DemoEnterprise[] = [];
  for (let e = 0; e < enterprises; e++) {
    const district = demoDistricts[Math.floor(random() * demoDistricts.length)]!;
    const industry = industries[Math.floor(random() * industries.length)]!;
    const code = uscc(random, district);
    drawn.push({ uscc: code, district, industry });
    const base = 5000 + random() * 200_000;
    const volatility = 0.05 + 0.9 * random() ** 2;
    const trend = random() < 0.125 ? -0.01 - 0.03 * random() : 0.01 * random();
    for (let m = 0; m < months; m++) {
      const year = 2024 + Math.floor(m / 12);
      const month = `${year}-${String((m % 12) + 1).padStart(2, '0')}`;
      const level = base * Math.max(0.05, 1 + trend * m);
      const kwh = Math.round(level * (1 - volatility / 2 + volatility * random()) * (1 + 0.15 * Math.sin((m / 12) * 2 * Math.PI)));
      lines.push(`${code},${district},${industry},${month},${kwh},${(kwh * 0.62).toFixed(2)}`);
      const key = `${district},${month}`;
      const s = summary.get(key) ?? { count: 0, kwh: 0 };
      s.count += 1;
      s.kwh += kwh;
      summary.set(key, s);
      const cell = `${district},${industry},${year}`;
      const t = statistics.get(cell) ?? { enterprises: new Set<string>(), kwh: 0 };
      t.enterprises.add(code);
      t.kwh += kwh;
      statistics.set(cell, t);
    }
  }
  const summaryLines = ['行政区划代码,月份,企业数,用电量合计'];
  for (const [key, s] of [...summary.entries()].sort(([a], [b]) => a.localeCompare(b))) summaryLines.push(`${key},${s.count},${s.kwh}`);
  const openLines = ['行政区划代码,行业代码,年度,企业数,用电量合计'];
  for (const [cell, t] of [...statistics.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (t.enterprises.size >= 10) openLines.push(`${cell},${t.enterprises.size},${t.kwh}`);
  }
  return { csv: `${lines.join('\n')}\n`, summaryCsv: `${summaryLines.join('\n')}\n`, openStatisticsCsv: `${openLines.join('\n')}\n`, enterprises: drawn };
}

/** One loan application in the bank's own list (the bank's data; it never leaves the bank). */
export interface LoanApplicant {
  applicationNo: string;
  uscc: string;
  /** 万元 */
  amount: number;
  appliedOn: string;
}

/**
 * The city bank's inclusive-finance loan applicants (普惠金融贷款申请): `count` enterprises,
 * nine in ten of them the utility's customers and the rest unknown to it (newly founded, or
 * elsewhere), so the scenario shows what a score can and cannot say. Deterministic.
 */
export function generateLoanApplicants(enterprises: readonly DemoEnterprise[], count = 200): LoanApplicant[] {
  const random = seededRandom(20261207);
  const chosen = new Set<string>();
  const applicants: LoanApplicant[] = [];
  for (let i = 0; i < count; i++) {
    let code: string;
    if (random() < 0.9 && enterprises.length > chosen.size) {
      do code = enterprises[Math.floor(random() * enterprises.length)]!.uscc;
      while (chosen.has(code));
    } else {
      code = uscc(random, demoDistricts[Math.floor(random() * demoDistricts.length)]!);
    }
    chosen.add(code);
    const day = 1 + Math.floor(random() * 28);
    applicants.push({
      applicationNo: `CB2026${String(i + 1).padStart(5, '0')}`,
      uscc: code,
      amount: 50 + 10 * Math.floor(random() * 46),
      appliedOn: `2026-11-${String(day).padStart(2, '0')}`,
    });
  }
  return applicants;
}
