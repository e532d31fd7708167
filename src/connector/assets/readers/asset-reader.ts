/**
 * Where an asset's data comes from, and the one interface every reader implements. The
 * registry samples a source to infer its data dictionary; the data plane and the sandbox
 * (issues 5 and 6) stream it. Secrets (an HTTP API's auth header, a database password inside a
 * URL) arrive here in clear only in memory: the registry stores them encrypted.
 */

export const fileFormats = ['csv', 'jsonl', 'parquet'] as const;
export type FileFormat = (typeof fileFormats)[number];

export type AssetSource =
  /** A file in the connector's data directory (uploaded, or under a configured source directory). */
  | { kind: 'file'; format: FileFormat; path: string }
  /** A table or view of a database the provider points to. */
  | { kind: 'table'; engine: 'postgres' | 'sqlite'; url: string; table: string; schema?: string }
  /** An HTTP API: `samplePath` (relative to `baseUrl`) answers JSON rows (an array, or an object with an array member). */
  | { kind: 'http-api'; baseUrl: string; samplePath?: string; authHeader?: { name: string; value: string } };

export interface SourceColumn {
  name: string;
  /** The type the source declares (`BIGINT`, `integer`, `DOUBLE`, …), when it declares one. */
  sourceType?: string;
}

export interface SourceSample {
  columns: SourceColumn[];
  /** Up to `maxRows` rows, in source order: records of strings for CSV, JSON values otherwise. */
  rows: Record<string, unknown>[];
  /** The number of rows in the whole source when the reader knows it cheaply (Parquet, tables). */
  totalRows?: number;
  /** Bytes of a file source. */
  byteSize?: number;
}

export interface AssetReader {
  /** The first rows and the columns; reads no more of the source than it needs. */
  sample(maxRows: number, signal?: AbortSignal): Promise<SourceSample>;
  /** Every row, streamed: memory stays bounded whatever the source's size. */
  rows(signal?: AbortSignal): AsyncIterable<Record<string, unknown>>;
}

/** Why a source could not be read: a client's mistake (bad path, bad table, unreachable API), never a 500. */
export class SourceReadError extends Error {
  constructor(
    readonly rule: 'source.not-found' | 'source.unreadable' | 'source.malformed' | 'source.unreachable' | 'source.refused',
    message: string,
    /** 1-based line (CSV, JSON Lines) where the source is malformed. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'SourceReadError';
  }
}
