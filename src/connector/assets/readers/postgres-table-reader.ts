import pg from 'pg';
import { SourceReadError, type AssetReader, type SourceColumn, type SourceSample } from './asset-reader.js';
import { bigintToJson, toJsonRow } from './json-value.js';
import { scrubbed, urlSecrets } from './secret-scrubbing.js';
import { quoteIdentifier, tableLabel, type TableSource } from './table-source.js';

/** Rows per FETCH from the server-side cursor: what rows() holds in memory at most. */
export const POSTGRES_FETCH_ROWS = 1000;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A table, view, materialized view or foreign table of a PostgreSQL database, in a read-only
 * session (`schema` defaults to the first schema of the search path). rows() reads through a
 * server-side cursor, 1,000 rows a FETCH, on one connection.
 */
export function createPostgresTableReader(source: TableSource): AssetReader {
  return {
    async sample(maxRows, signal): Promise<SourceSample> {
      const client = await connect(source, signal);
      try {
        const table = await findTable(client, source);
        const sample = await client.query({ text: `SELECT * FROM ${table.sql} LIMIT $1`, values: [maxRows] });
        const count = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table.sql}`);
        return { columns: table.columns, rows: sample.rows.map(toJsonRow), totalRows: Number(count.rows[0]?.n ?? 0) };
      } catch (error) {
        throw queryError(error, source, signal);
      } finally {
        await client.close();
      }
    },
    async *rows(signal) {
      const client = await connect(source, signal);
      try {
        const table = await findTable(client, source);
        await client.query('BEGIN READ ONLY');
        await client.query(`DECLARE asset_rows NO SCROLL CURSOR FOR SELECT * FROM ${table.sql}`);
        for (;;) {
          signal?.throwIfAborted();
          const batch = await client.query(`FETCH ${POSTGRES_FETCH_ROWS} FROM asset_rows`);
          for (const row of batch.rows) {
            signal?.throwIfAborted();
            yield toJsonRow(row);
          }
          if (batch.rows.length < POSTGRES_FETCH_ROWS) break;
        }
        await client.query('CLOSE asset_rows');
        await client.query('COMMIT');
      } catch (error) {
        throw queryError(error, source, signal);
      } finally {
        // After a consumer's break the transaction is still open: ending the session rolls it back.
        await client.close();
      }
    },
  };
}

interface SourceClient {
  query: pg.Client['query'];
  close(): Promise<void>;
}

async function connect(source: TableSource, signal: AbortSignal | undefined): Promise<SourceClient> {
  signal?.throwIfAborted();
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: source.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types: { getTypeParser } as pg.CustomTypesConfig });
  } catch (error) {
    throw unreachable(error, source);
  }
  // A backend that goes away between queries: the next query fails and says so; without a
  // listener the 'error' event would crash the process.
  client.on('error', () => undefined);
  const end = () => void client.end().catch(() => undefined);
  signal?.addEventListener('abort', end, { once: true });
  const close = async () => {
    signal?.removeEventListener('abort', end);
    await client.end().catch(() => undefined);
  };
  try {
    await client.connect();
    await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; SET statement_timeout = '60s'");
  } catch (error) {
    await close();
    if (signal?.aborted) throw signal.reason;
    throw unreachable(error, source);
  }
  return { query: client.query.bind(client) as pg.Client['query'], close };
}

async function findTable(client: SourceClient, source: TableSource): Promise<{ sql: string; columns: SourceColumn[] }> {
  const found = await client.query<{ oid: number; schema: string; name: string }>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = coalesce($1, current_schema()) AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [source.schema ?? null, source.table],
  );
  const table = found.rows[0];
  if (!table) throw new SourceReadError('source.not-found', `table or view ${tableLabel(source)} does not exist`);
  const declared = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_catalog.pg_attribute
      WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table.oid],
  );
  return {
    sql: `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`,
    columns: declared.rows.map(({ name, type }) => ({ name, sourceType: type })),
  };
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * JSON values straight from PostgreSQL's text: int8 exact (a string beyond 2^53), numeric as a
 * number, date as `YYYY-MM-DD` (pg would make it a Date at local midnight), timestamps as ISO
 * 8601 with their microseconds (with the session's offset for timestamptz).
 */
const textParsers: Record<number, (text: string) => unknown> = {
  [INT8]: (text) => bigintToJson(BigInt(text)),
  [NUMERIC]: (text) => (Number.isFinite(Number(text)) ? Number(text) : text),
  [DATE]: (text) => text,
  [TIMESTAMP]: (text) => text.replace(' ', 'T'),
  [TIMESTAMPTZ]: (text) => text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'),
};

function getTypeParser(oid: number, format?: 'text' | 'binary'): (text: string) => unknown {
  const parser = format === 'binary' ? undefined : textParsers[oid];
  return parser ?? (pg.types.getTypeParser(oid, format ?? 'text') as (text: string) => unknown);
}

function unreachable(error: unknown, source: TableSource): SourceReadError {
  return new SourceReadError('source.unreachable', `PostgreSQL database cannot be reached: ${safeMessage(error, source)}`);
}

function queryError(error: unknown, source: TableSource, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof SourceReadError) return error;
  return new SourceReadError('source.unreadable', `table ${tableLabel(source)} cannot be read: ${safeMessage(error, source)}`);
}

function safeMessage(error: unknown, source: TableSource): string {
  const message = error instanceof Error ? error.message : String(error);
  return scrubbed(message, [source.url, ...urlSecrets(source.url)]);
}
