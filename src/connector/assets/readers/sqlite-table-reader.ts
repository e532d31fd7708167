import SqliteDatabase from 'better-sqlite3';
import { SourceReadError, type AssetReader, type SourceColumn, type SourceSample } from './asset-reader.js';
import { toJsonRow } from './json-value.js';
import { displayName } from './file-source.js';
import { quoteIdentifier, tableLabel, type TableSource } from './table-source.js';

/** How often rows() looks at the abort signal: stepping SQLite is synchronous and fast. */
const ABORT_CHECK_ROWS = 1000;

/**
 * A table or view of an SQLite file (`sqlite:<path>` or a plain path), opened read-only and only
 * if it exists. Integers come back exact (bigint, then a number when safe, else a string).
 */
export function createSqliteTableReader(source: TableSource): AssetReader {
  return {
    async sample(maxRows, signal): Promise<SourceSample> {
      signal?.throwIfAborted();
      const db = openSqlite(source);
      try {
        const table = findTable(db, source);
        const rows = db.prepare(`SELECT * FROM ${table.sql} LIMIT ?`).safeIntegers(true).all(maxRows) as Record<string, unknown>[];
        const count = db.prepare(`SELECT count(*) FROM ${table.sql}`).pluck().get() as number;
        return { columns: table.columns, rows: rows.map(toJsonRow), totalRows: count };
      } catch (error) {
        throw sqliteError(error, source);
      } finally {
        db.close();
      }
    },
    async *rows(signal) {
      signal?.throwIfAborted();
      const db = openSqlite(source);
      try {
        const table = findTable(db, source);
        let read = 0;
        for (const row of db.prepare(`SELECT * FROM ${table.sql}`).safeIntegers(true).iterate() as Iterable<Record<string, unknown>>) {
          read += 1;
          if (read % ABORT_CHECK_ROWS === 0) signal?.throwIfAborted();
          yield toJsonRow(row);
        }
      } catch (error) {
        throw sqliteError(error, source, signal);
      } finally {
        // Leaving the for-of (a consumer's break included) has already finished the statement.
        db.close();
      }
    },
  };
}

interface FoundTable {
  sql: string;
  columns: SourceColumn[];
}

function openSqlite(source: TableSource): SqliteDatabase.Database {
  const file = sqliteFile(source.url);
  try {
    return new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CANTOPEN') {
      throw new SourceReadError('source.not-found', `SQLite database ${displayName(file)} does not exist or cannot be opened`);
    }
    throw new SourceReadError('source.unreachable', `SQLite database ${displayName(file)} cannot be opened: ${(error as Error).message}`);
  }
}

function sqliteFile(url: string): string {
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  // An in-memory or temporary database would be empty: nothing a provider could mean.
  if (file === '' || file === ':memory:' || file.startsWith('file:')) {
    throw new SourceReadError('source.refused', 'an SQLite source must name a database file');
  }
  return file;
}

/** The table or view, case-insensitively as SQLite matches names, with its declared column types. */
function findTable(db: SqliteDatabase.Database, source: TableSource): FoundTable {
  const schema = source.schema ?? 'main';
  const attached = db.prepare('SELECT 1 FROM pragma_database_list WHERE name = ?').get(schema) !== undefined;
  const found = attached
    ? (db
        .prepare(`SELECT name FROM ${quoteIdentifier(schema)}.sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE`)
        .pluck()
        .get(source.table) as string | undefined)
    : undefined;
  if (found === undefined) throw new SourceReadError('source.not-found', `table or view ${tableLabel(source)} does not exist`);
  const declared = db.prepare('SELECT name, type FROM pragma_table_info(?, ?) ORDER BY cid').all(found, schema) as Array<{ name: string; type: string }>;
  return {
    sql: `${quoteIdentifier(schema)}.${quoteIdentifier(found)}`,
    columns: declared.map(({ name, type }) => (type ? { name, sourceType: type } : { name })),
  };
}

function sqliteError(error: unknown, source: TableSource, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof SourceReadError || !(error instanceof SqliteDatabase.SqliteError)) return error;
  const rule = error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT' ? 'source.malformed' : 'source.unreadable';
  return new SourceReadError(rule, `table ${tableLabel(source)} cannot be read: ${error.message}`);
}
