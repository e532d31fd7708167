import type { AssetReader } from './asset-reader.js';
import { createPostgresTableReader } from './postgres-table-reader.js';
import { createSqliteTableReader } from './sqlite-table-reader.js';
import type { TableSource } from './table-source.js';

/**
 * A table or view of a PostgreSQL or SQLite database, read only. Columns carry the declared
 * types; `totalRows` is `count(*)`; rows() streams (a server-side cursor, a stepped statement).
 * A missing table, view or schema is `source.not-found`; a database that cannot be reached or
 * opened is `source.unreachable` (a missing SQLite file: `source.not-found`). No message ever
 * holds the URL's password.
 */
export function createTableReader(source: TableSource): AssetReader {
  return source.engine === 'postgres' ? createPostgresTableReader(source) : createSqliteTableReader(source);
}
