import { CatalogFormatError, toPointer, type CatalogProblem } from './catalog-entry-error.js';
import { isAbsoluteIri, pickText, type CatalogEntry } from './catalog-entry.js';
import { ITEM_SEPARATORS, JOINER, KEYWORD_SEPARATORS, cycleLabels, guardFormula, openLabels, sheetColumns, shareLabels, type SheetColumn } from './catalog-sheet-columns.js';

/**
 * Writes catalog entries as a CSV catalog sheet with the header parseCatalogSheet reads: the
 * sheet's columns, then any unknown columns entries carried in `extra`. What a sheet cannot hold
 * is refused, with a pointer into the entry list: a list item containing a separator would come
 * back as two. A value the sheet has no column for is simply not written (a sheet is a summary).
 */

export interface CatalogSheetExportOptions {
  /** Column order, e.g. an imported sheet's `columns`; missing sheet columns are appended. */
  columns?: readonly string[];
  /** Start with a UTF-8 byte order mark (default true): Excel needs it to read UTF-8 CSV as such. */
  bom?: boolean;
}

export function formatCatalogSheet(entries: readonly CatalogEntry[], options: CatalogSheetExportOptions = {}): string {
  const extraColumns = entries.flatMap((e) => Object.keys(e.extra ?? {}).filter((k) => !isAbsoluteIri(k) && !k.startsWith('@')));
  const columns = [...new Set([...(options.columns ?? []), ...sheetColumns, ...extraColumns])];
  const problems: CatalogProblem[] = [];
  const rows = entries.map((entry, i) => {
    const cells = entryCells(entry, (path, rule, detail) => problems.push({ rule, pointer: toPointer([i, ...path]), detail }));
    return columns.map((c) => cells[c as SheetColumn] ?? stringCell(entry.extra?.[c]));
  });
  if (problems.length) throw new CatalogFormatError(problems);
  const lines = [columns, ...rows].map((cells) => cells.map((cell) => csvCell(guardFormula(cell))).join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

type Fail = (path: Array<string | number>, rule: string, detail: string) => void;

function entryCells(entry: CatalogEntry, fail: Fail): Partial<Record<SheetColumn, string>> {
  const join = (values: readonly string[] | undefined, path: Array<string | number>, separators: RegExp, item?: (v: string) => string) =>
    (values ?? [])
      .map((v, j) => {
        if (separators.test(v)) fail(item ? [...path, j, 'name'] : [...path, j], 'sheet.separator', `「${v}」 contains a list separator (、；;${separators === KEYWORD_SEPARATORS ? '，,' : ''})`);
        return v;
      })
      .join(JOINER);
  const frequency = entry.accrualPeriodicity;
  const formats = [...new Set((entry.distributions ?? []).map((d) => d.format).filter((f): f is string => f !== undefined))];
  return {
    目录名称: entry.title['zh-CN'] ?? pickText(entry.title, 'zh-CN') ?? '',
    数据项: join(entry.dictionary?.fields.map((f) => f.name), ['dictionary', 'fields'], ITEM_SEPARATORS, (v) => v),
    共享属性: entry.shareAttribute ? shareLabels[entry.shareAttribute] : '',
    开放属性: entry.openAttribute ? openLabels[entry.openAttribute] : '',
    更新周期: frequency === undefined ? '' : (cycleLabels.find(([, iri]) => iri === frequency)?.[0] ?? frequency),
    数据提供方: entry.publisher?.name ?? '',
    摘要: entry.description['zh-CN'] ?? pickText(entry.description, 'zh-CN') ?? '',
    关键词: join(entry.keywords?.['zh-CN'], ['keywords', 'zh-CN'], KEYWORD_SEPARATORS),
    所属领域: join(entry.themes, ['themes'], ITEM_SEPARATORS),
    资源格式: join(formats, ['distributions'], ITEM_SEPARATORS),
  };
}

const stringCell = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** RFC 4180 quoting; also quotes cells with outer spaces, which some spreadsheet imports trim. */
const csvCell = (cell: string): string => (/[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
