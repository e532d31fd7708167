import { format, type Localized } from '../i18n/locale.js';

/**
 * The k-anonymity check (k-匿名, a de-identification test, 去标识化) run on a result before it
 * is released: rows are grouped by their quasi-identifiers (准标识符: the columns that, joined
 * with other data, could single a person out, such as age band, region, sex), and every group
 * should hold at least k rows. Counts only, never values: the report goes into review records.
 */
export interface KAnonymityReport {
  quasiIdentifiers: string[];
  rows: number;
  /** Distinct combinations of quasi-identifier values. */
  groups: number;
  /** The smallest group's size, the k the rows achieve: `rows` when there are no quasi-identifiers (one group), 0 when there are no rows. */
  k: number;
  /** The k asked for. */
  required: number;
  /** Groups smaller than `required`, and the rows they hold. */
  smallGroups: number;
  rowsInSmallGroups: number;
  /** The finding in a sentence, zh-CN and en. */
  summary: Localized;
}

/** The k asked for when the caller names none. */
export const DEFAULT_K = 5;

export const kAnonymityMessages = {
  empty: { 'zh-CN': '没有数据行，无需 k-匿名检查', en: 'No rows: nothing to check for k-anonymity' },
  met: {
    'zh-CN': '满足 {required}-匿名：{rows} 行按准标识符（{qi}）分为 {groups} 组，最小组 {k} 行',
    en: 'Meets {required}-anonymity: {rows} rows fall into {groups} groups by the quasi-identifiers ({qi}); the smallest has {k} rows',
  },
  failed: {
    'zh-CN': '不满足 {required}-匿名：按准标识符（{qi}）分组，{smallGroups} 组共 {rowsInSmallGroups} 行少于 {required} 行，最小组 {k} 行',
    en: 'Fails {required}-anonymity: by the quasi-identifiers ({qi}), {smallGroups} groups holding {rowsInSmallGroups} rows have fewer than {required} rows; the smallest has {k}',
  },
} as const satisfies Record<string, Localized>;

// Null and absent are one value; 1 and '1' are two (types survive into the result).
const keyPart = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return `o:${JSON.stringify(v)}`;
  return `${typeof v}:${String(v)}`;
};

/**
 * Groups `rows` by `quasiIdentifiers` and reports the smallest group and the groups under `k`.
 * Throws RangeError when `k` is not a positive integer.
 */
export function kAnonymityReport(rows: readonly Record<string, unknown>[], quasiIdentifiers: readonly string[], k: number = DEFAULT_K): KAnonymityReport {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(quasiIdentifiers.map((q) => keyPart(row[q])));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let smallest = rows.length;
  let smallGroups = 0;
  let rowsInSmallGroups = 0;
  for (const size of sizes.values()) {
    smallest = Math.min(smallest, size);
    if (size < k) {
      smallGroups++;
      rowsInSmallGroups += size;
    }
  }
  const report = { quasiIdentifiers: [...quasiIdentifiers], rows: rows.length, groups: sizes.size, k: smallest, required: k, smallGroups, rowsInSmallGroups };
  return { ...report, summary: summaryOf(report) };
}

function summaryOf(report: Omit<KAnonymityReport, 'summary'>): Localized {
  if (report.rows === 0) return { ...kAnonymityMessages.empty };
  const template = report.smallGroups === 0 ? kAnonymityMessages.met : kAnonymityMessages.failed;
  const { quasiIdentifiers: _q, ...counts } = report;
  const qi = { 'zh-CN': report.quasiIdentifiers.join('、') || '无', en: report.quasiIdentifiers.join(', ') || 'none' };
  return {
    'zh-CN': format(template['zh-CN'], { ...counts, qi: qi['zh-CN'] }),
    en: format(template.en, { ...counts, qi: qi.en }),
  };
}
