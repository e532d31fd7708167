// Contract-test harness: a fresh, empty database of each supported kind.
//
//   describe.each(databaseKinds)('participant store on %s', (kind) => {
//     let db: TestDatabase;
//     beforeEach(async () => { db = await createTestDatabase(kind); });
//     afterEach(() => db.drop());
//     ...
//   });
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { testDatabaseComment, withDatabase } from '../../scripts/test-postgres.mjs';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  /** `sqlite:<absolute path>` or a `postgres://` URL of a database nobody else uses. */
  url: string;
  /** Removes the database. Close your own connections first; PostgreSQL ones are terminated. */
  drop(): Promise<void>;
}

export const databaseKinds: DatabaseKind[] = ['sqlite', 'postgres'];

/**
 * A fresh, empty database of the kind.
 * SQLite: `test.db` in a new temp dir; the file does not exist until first opened.
 * PostgreSQL: CREATE DATABASE tds_t_<random> on the server of TDS_TEST_PG_URL (set by
 * `npm test` or global-setup.ts). Rejects when the server cannot be reached.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'sqlite' ? createSqlite() : createPostgres();
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'tds-sqlite-'));
  return {
    kind: 'sqlite',
    url: `sqlite:${join(dir, 'test.db')}`,
    // The dir also holds the -wal and -shm files.
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function createPostgres(): Promise<TestDatabase> {
  const serverUrl = postgresServerUrl();
  const parent = decodeURIComponent(new URL(serverUrl).pathname.slice(1)) || 'postgres';
  const name = `tds_t_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    // Lets scripts/test-postgres.mjs drop it with its parent when a run dies before drop().
    await client.query(`COMMENT ON DATABASE ${name} IS ${client.escapeLiteral(testDatabaseComment(parent))}`);
  });
  let dropped: Promise<void> | undefined;
  return {
    kind: 'postgres',
    url: withDatabase(serverUrl, name),
    drop: () =>
      (dropped ??= withClient(serverUrl, async (client) => {
        // A pool that was just closed may still be saying goodbye; forcing the drop then kills
        // those backends and their clients report it as an error. Give them a moment to leave.
        for (let waited = 0; waited < 1000; waited += 25) {
          const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      })),
  };
}

function postgresServerUrl(): string {
  const url = process.env.TDS_TEST_PG_URL ?? inject('pgUrl');
  if (!url) throw new Error('No PostgreSQL for tests: run through `npm test` or vitest (see test/support/README.md).');
  return url;
}

async function withClient(url: string, use: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}
