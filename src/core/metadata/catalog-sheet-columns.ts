import { frequencies, type ShareAttribute } from './catalog-entry.js';

/**
 * The columns of the CSV catalog sheet government catalog compilers use (政务数据资源目录), and
 * the vocabularies of its cells. Headers are matched exactly, after trimming: they are what the
 * compilers' templates print.
 */

export const requiredColumns = ['目录名称', '数据项', '共享属性', '开放属性', '更新周期', '数据提供方'] as const;
export const optionalColumns = ['摘要', '关键词', '所属领域', '资源格式'] as const;
export type SheetColumn = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];
export const sheetColumns: readonly SheetColumn[] = [...requiredColumns, ...optionalColumns];

export const shareLabels: Readonly<Record<ShareAttribute, string>> = {
  unconditional: '无条件共享',
  conditional: '有条件共享',
  none: '不予共享',
};
export const openLabels: Readonly<Record<ShareAttribute, string>> = {
  unconditional: '无条件开放',
  conditional: '有条件开放',
  none: '不予开放',
};

/**
 * 更新周期 → Dublin Core frequency. The six the templates list, plus 每半年 and 不定期, which
 * real sheets use too. A cell may also hold a frequency IRI itself: that is how an entry whose
 * frequency has no Chinese label here (biweekly) is written, so export never loses it.
 */
export const cycleLabels: ReadonlyArray<readonly [string, string]> = [
  ['实时', frequencies.continuous],
  ['每日', frequencies.daily],
  ['每周', frequencies.weekly],
  ['每月', frequencies.monthly],
  ['每季度', frequencies.quarterly],
  ['每半年', frequencies.semiannual],
  ['每年', frequencies.annual],
  ['不定期', frequencies.irregular],
];
export const frequencyNamespace = 'http://purl.org/cld/freq/';

/** 数据项, 所属领域 and 资源格式 list items joined by 、 or ；(or ;); export joins with 、. */
export const ITEM_SEPARATORS = /[、；;]/;
/** 关键词 are also commonly separated by commas, full- or half-width. */
export const KEYWORD_SEPARATORS = /[、；;，,]/;
export const JOINER = '、';

export const labelOf = <K extends string>(labels: Readonly<Record<K, string>>, label: string): K | undefined =>
  (Object.keys(labels) as K[]).find((key) => labels[key] === label);

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or tab/CR) runs as a formula when a
 * compiler opens the CSV. Export prefixes such cells (and cells already starting with quotes
 * followed by one) with an apostrophe; import strips exactly one, so the round trip is exact.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;
export const guardFormula = (cell: string): string => (TRIGGER.test(cell) ? `'${cell}` : cell);
export const unguardFormula = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
