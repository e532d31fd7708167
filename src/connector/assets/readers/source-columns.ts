import type { SourceColumn } from './asset-reader.js';

/** The columns of schemaless rows (JSON Lines, an HTTP API): keys in order of first appearance. */
export function columnsOfRows(rows: readonly Record<string, unknown>[]): SourceColumn[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names].map((name) => ({ name }));
}

/** True for a JSON object (not an array, not null): the only thing a row can be. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
