import { parse } from 'csv-parse/sync';
import { CatalogFormatError, refuse, type CatalogProblem } from './catalog-entry-error.js';
import { formatResourceUrn, type CatalogEntry, type ShareAttribute } from './catalog-entry.js';
import {
  ITEM_SEPARATORS,
  KEYWORD_SEPARATORS,
  cycleLabels,
  frequencyNamespace,
  labelOf,
  openLabels,
  requiredColumns,
  sheetColumns,
  shareLabels,
  unguardFormula,
  type SheetColumn,
} from './catalog-sheet-columns.js';

/**
 * Reads a CSV catalog sheet (政务数据资源目录) into catalog entries: one entry per row, drafts
 * to be completed (licence, contact, distributions' URLs) before they pass the normative
 * review. Every bad cell is reported at once, each with its line and column header.
 */

export interface CatalogSheetImportOptions {
  /** The space and participant the entries are registered under (their URNs). */
  space: string;
  participant: string;
  /** The resource part of the URN of data row `index` (0-based); default `catalog-<index + 1>`. */
  resourceId?: (row: Readonly<Record<string, string>>, index: number, line: number) => string;
  /**
   * Text encoding of a byte input: `auto` (default) reads UTF-8 (with or without BOM) and falls
   * back to GB18030 — what Excel on Chinese Windows saves as "CSV" — when the bytes are not UTF-8.
   */
  encoding?: 'auto' | 'utf-8' | 'gb18030';
}

export interface CatalogSheet {
  /** The header as found, so an export can write the same column order. */
  columns: string[];
  entries: CatalogEntry[];
}

export function parseCatalogSheet(input: string | Uint8Array, options: CatalogSheetImportOptions): CatalogSheet {
  const text = typeof input === 'string' ? input : decode(input, options.encoding ?? 'auto');
  let records: Array<{ record: string[]; info: { lines: number; empty_lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, skip_records_with_empty_values: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuse({ rule: 'sheet.csv-syntax', ...(line !== undefined ? { line } : {}), detail: (error as Error).message });
  }
  const [head, ...rows] = records;
  if (!head) return refuse({ rule: 'sheet.header', line: 1, detail: 'the sheet is empty' });
  const columns = head.record.map((c) => c.trim());
  const problems: CatalogProblem[] = [];
  const headerLine = head.info.lines;
  columns.forEach((c, i) => {
    if (!c) problems.push({ rule: 'sheet.header', line: headerLine, column: `#${i + 1}`, detail: 'a column has no header' });
    else if (columns.indexOf(c) !== i) problems.push({ rule: 'sheet.header', line: headerLine, column: c, detail: 'the column appears twice' });
  });
  for (const c of requiredColumns) if (!columns.includes(c)) problems.push({ rule: 'sheet.header', line: headerLine, column: c, detail: 'a required column is missing' });
  if (problems.length) throw new CatalogFormatError(problems);

  let previous = head.info;
  const entries = rows.map(({ record, info }, index) => {
    // csv-parse reports the line a record ends on; a cell's line is the one its record starts on.
    const line = previous.lines + 1 + (info.empty_lines - previous.empty_lines);
    previous = info;
    const row = Object.fromEntries(columns.map((c, i) => [c, unguardFormula(record[i] ?? '')]));
    const resource = options.resourceId?.(row, index, line) ?? `catalog-${index + 1}`;
    return rowToEntry(row, line, formatResourceUrn({ space: options.space, participant: options.participant, resource }), options.participant, problems);
  });
  // Reported in reading order: by line, then by column as the header has them.
  const at = (p: CatalogProblem) => columns.indexOf(p.column ?? '');
  if (problems.length) throw new CatalogFormatError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || at(a) - at(b)));
  return { columns, entries };
}

function rowToEntry(row: Record<string, string>, line: number, id: string, participant: string, problems: CatalogProblem[]): CatalogEntry {
  const cell = (c: SheetColumn) => row[c] ?? '';
  const fail = (rule: string, column: SheetColumn, detail: string) => problems.push({ rule, line, column, detail });
  const items = (c: SheetColumn, separators: RegExp) => {
    const raw = cell(c);
    if (!raw.trim()) return [];
    const parts = raw.split(separators).map((p) => p.trim());
    if (parts.some((p) => !p)) fail(c === '数据项' ? 'sheet.data-items' : 'sheet.list', c, 'an empty item between separators');
    return parts.filter(Boolean);
  };

  const title = cell('目录名称');
  if (!title.trim()) fail('sheet.title', '目录名称', '目录名称不能为空 (the title is required)');
  const fields = items('数据项', ITEM_SEPARATORS);
  if (!cell('数据项').trim()) fail('sheet.data-items', '数据项', '至少列出一个数据项 (name at least one data item)');
  const duplicate = fields.find((f, i) => fields.indexOf(f) !== i);
  if (duplicate) fail('sheet.data-items', '数据项', `数据项重复：${duplicate} (a data item is listed twice)`);
  const share = enumCell(cell('共享属性'), shareLabels, () => fail('sheet.share-attribute', '共享属性', `应为 ${Object.values(shareLabels).join('、')} 之一`));
  const open = enumCell(cell('开放属性'), openLabels, () => fail('sheet.open-attribute', '开放属性', `应为 ${Object.values(openLabels).join('、')} 之一`));
  const cycleCell = cell('更新周期').trim();
  const frequency = cycleLabels.find(([label]) => label === cycleCell)?.[1] ?? (/^http:\/\/purl\.org\/cld\/freq\/[a-z]+$/.test(cycleCell) ? cycleCell : undefined);
  if (!frequency) fail('sheet.update-cycle', '更新周期', `应为 ${cycleLabels.map(([l]) => l).join('、')} 之一，或 ${frequencyNamespace} 下的频率 IRI`);
  const provider = cell('数据提供方');
  if (!provider.trim()) fail('sheet.provider', '数据提供方', '数据提供方不能为空 (the provider is required)');

  const entry: CatalogEntry = {
    kind: 'dataset',
    id,
    title: { 'zh-CN': title },
    description: cell('摘要') ? { 'zh-CN': cell('摘要') } : {},
    publisher: { id: participant, name: provider },
    dictionary: { fields: fields.map((name) => ({ name, type: 'any' })) },
  };
  if (share) entry.shareAttribute = share;
  if (open) entry.openAttribute = open;
  if (frequency) entry.accrualPeriodicity = frequency;
  const keywords = items('关键词', KEYWORD_SEPARATORS);
  if (keywords.length) entry.keywords = { 'zh-CN': keywords };
  const themes = items('所属领域', ITEM_SEPARATORS);
  if (themes.length) entry.themes = themes;
  const formats = items('资源格式', ITEM_SEPARATORS);
  if (formats.length) entry.distributions = formats.map((format) => ({ format }));
  const extra = Object.fromEntries(Object.entries(row).filter(([c]) => !(sheetColumns as readonly string[]).includes(c)));
  if (Object.keys(extra).length) entry.extra = extra;
  return entry;
}

function enumCell(value: string, labels: Readonly<Record<ShareAttribute, string>>, onInvalid: () => void): ShareAttribute | undefined {
  const found = labelOf(labels, value.trim());
  if (!found) onInvalid();
  return found;
}

function decode(bytes: Uint8Array, encoding: 'auto' | 'utf-8' | 'gb18030'): string {
  if (encoding !== 'auto') return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return refuse({ rule: 'sheet.encoding', detail: 'the sheet is neither UTF-8 nor GB18030 text' });
    }
  }
}
