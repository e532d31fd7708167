import type { Cell, JobResult } from '../../api/sandbox-types';

export interface ChartBar {
  label: string;
  value: number;
}

export interface ChartSeries {
  /** The first column's name: what the bars are by. */
  labelColumn: string;
  /** The first numeric column after it: what the bars measure. */
  valueColumn: string;
  bars: ChartBar[];
}

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A cell as a number: numbers, and strings that are decimals (large integers may come as text). */
export function numericValue(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string' && decimal.test(cell.trim())) return Number(cell);
  return undefined;
}

/**
 * The bars of a result's simple chart: the first numeric column (after the first) by the first
 * column, at most `limit` rows. Undefined when there is no such column or no row to draw.
 */
export function chartSeries(result: JobResult, limit = 50): ChartSeries | undefined {
  const { columns, rows } = result;
  if (columns.length < 2 || rows.length === 0) return undefined;
  const valueIndex = columns.findIndex((_, i) => i > 0 && rows.every((row) => row[i] === null || row[i] === undefined || numericValue(row[i] ?? null) !== undefined) && rows.some((row) => numericValue(row[i] ?? null) !== undefined));
  if (valueIndex < 0) return undefined;
  const bars = rows.slice(0, limit).flatMap((row): ChartBar[] => {
    const value = numericValue(row[valueIndex] ?? null);
    return value === undefined ? [] : [{ label: row[0] === null || row[0] === undefined ? '∅' : String(row[0]), value }];
  });
  if (bars.length === 0) return undefined;
  return { labelColumn: columns[0] ?? '', valueColumn: columns[valueIndex] ?? '', bars };
}
