import { DuckDBInstance, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { SourceReadError, type AssetReader, type SourceSample } from './asset-reader.js';
import { duckdbValueToJson } from './duckdb-values.js';
import { displayName, statSourceFile } from './file-source.js';

/**
 * A Parquet file, read through an in-memory DuckDB that may open this one file and nothing else
 * (no other path, no glob, no network, no extension loading). Columns carry DuckDB's type names
 * (`BIGINT`, `DECIMAL(10,2)`, `TIMESTAMP WITH TIME ZONE`, …); `totalRows` comes from the file's
 * footer; rows() streams DuckDB's chunks (2,048 rows each), so memory stays bounded.
 * A file DuckDB cannot read as Parquet is `source.malformed`.
 */
export function createParquetReader(file: string): AssetReader {
  return {
    async sample(maxRows, signal): Promise<SourceSample> {
      const byteSize = await statSourceFile(file);
      const duck = await openParquet(file, signal);
      try {
        const sample = await duck.connection.runAndReadAll('SELECT * FROM read_parquet($1) LIMIT $2', [file, maxRows]);
        const columns = sample.columnNames().map((name, index) => ({ name, sourceType: sample.columnType(index).toString() }));
        const rows = sample.getRowObjects().map(jsonRow);
        const footer = await duck.connection.runAndReadAll('SELECT sum(num_rows) FROM parquet_file_metadata($1)', [file]);
        const totalRows = Number(footer.getRows()[0]?.[0] ?? 0);
        return { columns, rows, totalRows, byteSize };
      } catch (error) {
        throw parquetError(error, file, signal);
      } finally {
        duck.close();
      }
    },
    async *rows(signal) {
      await statSourceFile(file);
      const duck = await openParquet(file, signal);
      try {
        const result = await duck.connection.stream('SELECT * FROM read_parquet($1)', [file]);
        for await (const chunk of result.yieldRowObjects()) {
          signal?.throwIfAborted();
          for (const row of chunk) yield jsonRow(row);
        }
      } catch (error) {
        throw parquetError(error, file, signal);
      } finally {
        duck.close();
      }
    },
  };
}

interface OpenParquet {
  connection: DuckDBConnection;
  close(): void;
}

async function openParquet(file: string, signal: AbortSignal | undefined): Promise<OpenParquet> {
  signal?.throwIfAborted();
  const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false', autoinstall_known_extensions: 'false' });
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    // Once external access is off it cannot be turned on again; allowed_paths is the exception.
    await connection.run('SET allowed_paths = $1', [listValue([file])]);
    await connection.run('SET enable_external_access = false');
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
  const open = connection;
  const interrupt = () => open.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  return {
    connection: open,
    close: () => {
      signal?.removeEventListener('abort', interrupt);
      open.closeSync();
      instance.closeSync();
    },
  };
}

function jsonRow(row: Record<string, DuckDBValue>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) result[name] = duckdbValueToJson(value);
  return result;
}

function parquetError(error: unknown, file: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof SourceReadError || !(error instanceof Error)) return error;
  // DuckDB's first line says what is wrong; the rest quotes our SQL. The path stays private.
  const reason = (error.message.split('\n')[0] ?? '').replaceAll(file, displayName(file));
  return new SourceReadError('source.malformed', `${displayName(file)} cannot be read as Parquet: ${reason}`);
}
