import { DuckDBInstance, DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { hmacSm3Hex } from '../../core/crypto/keyed-hash.js';
import { duckdbValueToJson } from '../assets/readers/duckdb-values.js';
import type { Cell, EngineRequest, EngineResponse, EngineSettings, EngineTable } from './engine-protocol.js';
import { quoteIdentifier, quoteString } from '../../core/sandbox/sql-literals.js';
import { hmacSm3Function } from '../../core/desensitization/index.js';

/**
 * The sandbox engine: a separate process holding DuckDB. It loads the provider's tables, then
 * turns off everything that reaches outside (files, network, extensions, ATTACH of files) and
 * locks the configuration, so no query, however it got past the gate, can undo it. It exits with
 * its parent.
 */
const send = (message: unknown) => process.send?.(message);

function readerSql(t: EngineTable): string {
  const types = t.types && Object.keys(t.types).length ? `, types = {${Object.entries(t.types).map(([k, v]) => `${quoteString(k)}: ${quoteString(v)}`).join(', ')}}` : '';
  switch (t.format) {
    case 'csv':
      return `read_csv(${quoteString(t.path)}, header = true, auto_detect = true${types})`;
    case 'jsonl':
      return `read_json(${quoteString(t.path)}, format = 'newline_delimited')`;
    case 'parquet':
      return `read_parquet(${quoteString(t.path)})`;
  }
}

async function start(settings: EngineSettings): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(settings.threads),
    memory_limit: settings.memoryLimit,
    temp_directory: settings.tempDirectory,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
  });
  const connection = await instance.connect();
  for (const t of settings.tables) await connection.run(`CREATE TABLE ${quoteIdentifier(t.table)} AS SELECT * FROM ${readerSql(t)}`);
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: hmacSm3Function,
      returnType: VARCHAR,
      parameterTypes: [VARCHAR, VARCHAR],
      mainFunction: (info, input, output) => {
        for (let i = 0; i < input.rowCount; i++) {
          const value = input.getColumnVector(0).getItem(i);
          const key = input.getColumnVector(1).getItem(i);
          output.setItem(i, value === null || key === null ? null : hmacSm3Hex(Buffer.from(String(key), 'hex'), String(value)));
        }
        output.flush();
      },
    }),
  );
  // Order matters: external access off first, then the lock, after which neither can be undone.
  await connection.run(`SET enable_external_access = false`);
  await connection.run(`SET lock_configuration = true`);
  return connection;
}

function classify(error: unknown): EngineResponse & { ok: false } {
  const message = error instanceof Error ? error.message : String(error);
  const kind = /interrupt/i.test(message) ? 'interrupted' : /out of memory|memory limit/i.test(message) ? 'memory' : 'error';
  return { id: 0, ok: false, error: message.split('\n')[0]!.slice(0, 500), kind };
}

async function serve(connection: DuckDBConnection, request: EngineRequest): Promise<EngineResponse> {
  if (request.op === 'parse') {
    const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR, skip_default := true, skip_null := true, skip_empty := true)', [request.sql]);
    return { id: request.id, ok: true, tree: JSON.parse(String(reader.getRows()[0]?.[0] ?? 'null')) };
  }
  if (request.op === 'run') {
    try {
      for (const statement of request.statements) await connection.run(statement);
      const reader = await connection.runAndReadAll(request.query, request.params);
      const rows = reader.getRows().map((row) => row.map((v) => duckdbValueToJson(v) as Cell));
      return { id: request.id, ok: true, columns: reader.columnNames(), rows };
    } finally {
      for (const statement of request.cleanup) await connection.run(statement).catch(() => undefined);
    }
  }
  return { id: request.id, ok: true };
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.TDS_SANDBOX_ENGINE ?? '{}') as EngineSettings;
  let connection: DuckDBConnection;
  try {
    connection = await start(settings);
  } catch (error) {
    send({ ready: false, error: (error as Error).message.split('\n')[0] });
    process.exit(1);
  }
  const described: Record<string, Array<{ name: string; type: string }>> = {};
  for (const t of settings.tables) {
    const reader = await connection.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [t.table]);
    described[t.table] = reader.getRows().map(([name, type]) => ({ name: String(name), type: String(type) }));
  }
  send({ ready: true, tables: described });
  // One query at a time; an interrupt arrives while a run is in flight and must not wait behind it.
  let queue = Promise.resolve();
  process.on('message', (request: EngineRequest) => {
    if (request.op === 'interrupt') {
      connection.interrupt();
      return;
    }
    queue = queue.then(async () => {
      try {
        send(await serve(connection, request));
      } catch (error) {
        send({ ...classify(error), id: request.id });
      }
    });
  });
  process.on('disconnect', () => process.exit(0));
}

void main();
