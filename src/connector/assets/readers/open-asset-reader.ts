import type { AssetReader, AssetSource, FileFormat } from './asset-reader.js';
import { createCsvReader } from './csv-reader.js';
import { createHttpApiReader } from './http-api-reader.js';
import { createJsonlReader } from './jsonl-reader.js';
import { createParquetReader } from './parquet-reader.js';
import { createTableReader } from './table-reader.js';

/**
 * The reader for a source. Opening reads nothing: each sample() or rows() opens the source,
 * reads, and closes it. A file source's `path` is used as given: resolve what a client sent with
 * `resolveWithin` (data-directory.ts) first.
 */
export function openAssetReader(source: AssetSource): AssetReader {
  switch (source.kind) {
    case 'file': {
      const open = Object.hasOwn(fileReaders, source.format) ? fileReaders[source.format] : undefined;
      if (open) return open(source.path);
      break;
    }
    case 'table':
      return createTableReader(source);
    case 'http-api':
      return createHttpApiReader(source);
  }
  // Not the source itself: it may hold a password or an auth header.
  const { kind, format } = source as { kind?: unknown; format?: unknown };
  throw new Error(`unknown asset source ${JSON.stringify(kind)}${format === undefined ? '' : ` (format ${JSON.stringify(format)})`}`);
}

const fileReaders: Record<FileFormat, (path: string) => AssetReader> = {
  csv: createCsvReader,
  jsonl: createJsonlReader,
  parquet: createParquetReader,
};
