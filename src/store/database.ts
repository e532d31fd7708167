import path from 'node:path';
import fs from 'node:fs';
import SqliteDriver from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { Schema } from './schema.js';
import { migrateToLatest } from './migrations/migrator.js';

export type DatabaseDialect = 'sqlite' | 'postgres';
export type Tx = Transaction<Schema>;

/** An open, migrated database. `db` stays inside src/store; callers use repositories. */
export interface Database {
  readonly dialect: DatabaseDialect;
  readonly db: Kysely<Schema>;
  /** The SQLite connection under `db` (same connection, same transactions); for bulk writes. */
  readonly sqlite: SqliteDriver.Database | undefined;
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const INT8_OID = 20;

const afterCommitHooks = new WeakMap<Tx, Array<() => void>>();

/**
 * Runs `hook` once the transaction `tx` has committed (never if it rolls back). Used to wake
 * workers, such as the ledger sequencer, only when what they will read is visible.
 */
export function afterCommit(tx: Tx, hook: () => void): void {
  const hooks = afterCommitHooks.get(tx);
  if (!hooks) throw new Error('afterCommit needs a transaction opened by Database.transaction');
  hooks.push(hook);
}

export interface OpenOptions {
  /**
   * PostgreSQL only: keep this node's tables in their own schema of the database, created when
   * missing, so several nodes (the demo's operator and connectors) can share one database.
   */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens `url` and runs migrations. `postgres://…` or `postgresql://…` selects PostgreSQL;
 * `sqlite:<path>`, `sqlite::memory:` or a plain file path selects embedded SQLite in WAL mode.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const dialect: DatabaseDialect = /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
  if (options.schema !== undefined && (dialect !== 'postgres' || !SCHEMA_NAME.test(options.schema))) {
    throw new Error(`a schema (${options.schema}) is for PostgreSQL only, named in lower-case letters, digits and _`);
  }
  if (options.schema) await createSchema(url, options.schema);
  const sqlite = dialect === 'sqlite' ? openSqliteDriver(url) : undefined;
  const db = sqlite ? new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }) : openPostgres(url, options.schema);
  const database: Database = {
    dialect,
    db,
    sqlite,
    transaction: async (fn) => {
      const hooks: Array<() => void> = [];
      const result = await db.transaction().execute((tx) => {
        afterCommitHooks.set(tx, hooks);
        return fn(tx);
      });
      for (const hook of hooks) hook();
      return result;
    },
    ping: async () => {
      try {
        await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
  try {
    await migrateToLatest(db, dialect, options.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return database;
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}

function openPostgres(url: string, schema?: string): Kysely<Schema> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A startup parameter, so every pooled connection resolves names in the node's schema first.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
    },
  });
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

function openSqliteDriver(url: string): SqliteDriver.Database {
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const driver = new SqliteDriver(file);
  // Before anything is written: a new database gets 16 KiB pages (about 20% faster ledger
  // appends than 4 KiB, measured in bench/ledger.ts); an existing one keeps its page size.
  driver.pragma('page_size = 16384');
  driver.pragma('cache_size = -65536');
  driver.pragma('journal_mode = WAL');
  // FULL: an acknowledged commit survives power loss, not only a process crash.
  driver.pragma('synchronous = FULL');
  driver.pragma('foreign_keys = ON');
  driver.pragma('busy_timeout = 5000');
  return driver;
}
