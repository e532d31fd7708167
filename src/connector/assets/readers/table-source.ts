import type { AssetSource } from './asset-reader.js';

export type TableSource = Extract<AssetSource, { kind: 'table' }>;

/** An SQL identifier in double quotes, embedded quotes doubled: the same rule in both engines. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** How messages name a table: `schema.table` when a schema was given. */
export function tableLabel(source: TableSource): string {
  return source.schema ? `${source.schema}.${source.table}` : source.table;
}
