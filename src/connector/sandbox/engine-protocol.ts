/**
 * Messages between the connector and its sandbox engine process (IPC, JSON). The engine loads
 * the tables it is started with, then locks itself; after that it only parses and runs.
 */
export interface EngineTable {
  /** The internal table name (`raw_…`), never shown to consumers. */
  table: string;
  path: string;
  format: 'csv' | 'jsonl' | 'parquet';
  /** DuckDB types by column, from the data dictionary (CSV and JSON Lines). */
  types?: Record<string, string>;
}

export interface EngineSettings {
  tables: EngineTable[];
  /** DuckDB `memory_limit`, e.g. `2GB`. */
  memoryLimit: string;
  threads: number;
  /** Where DuckDB may spill; inside the connector's data directory. */
  tempDirectory: string;
}

export type EngineRequest =
  | { id: number; op: 'parse'; sql: string }
  | { id: number; op: 'run'; statements: string[]; query: string; cleanup: string[]; params?: Record<string, string | number | boolean | null> }
  | { id: number; op: 'interrupt' };

export type Cell = string | number | boolean | null;

export type EngineResponse =
  | { id: number; ok: true; tree?: unknown; columns?: string[]; rows?: Cell[][] }
  | { id: number; ok: false; error: string; kind: 'interrupted' | 'memory' | 'error' };

export type EngineReady = { ready: true; tables: Record<string, Array<{ name: string; type: string }>> } | { ready: false; error: string };
