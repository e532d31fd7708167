import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionPostgres } from '../../scripts/test-postgres.mjs';
import { createTestDatabase } from '../../test/support/test-databases.js';
import { openDatabase, type Database } from '../../src/store/database.js';

/**
 * A throwaway PostgreSQL database for a benchmark: from --pg, else provisioned the way
 * `npm test` does (local server or a private one). Undefined when none can be had.
 */
export async function benchPostgresUrl(given?: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  let stopServer: (() => Promise<void>) | undefined;
  try {
    if (!given) {
      const pg = await provisionPostgres({ log: (line: string) => process.stderr.write(`${line}\n`) });
      process.env.TDS_TEST_PG_URL = pg.url;
      stopServer = pg.stop;
    } else {
      process.env.TDS_TEST_PG_URL = given;
    }
    const db = await createTestDatabase('postgres');
    return {
      url: db.url,
      drop: async () => {
        await db.drop();
        await stopServer?.();
      },
    };
  } catch (error) {
    process.stderr.write(`PostgreSQL not available for the benchmark: ${(error as Error).message}\n`);
    await stopServer?.();
    return undefined;
  }
}

/**
 * Runs `bench` on a fresh SQLite file, then on a throwaway PostgreSQL database unless `noPg`
 * (or none can be had), closing and removing each; the results in that order.
 */
export async function onBothDatabases<T>(name: string, options: { pg?: string; noPg?: boolean }, bench: (kind: 'sqlite' | 'postgres', database: Database) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tds-bench-${name}-`));
  try {
    const sqlite = await openDatabase(`sqlite:${path.join(dir, `${name}.db`)}`);
    try {
      results.push(await bench('sqlite', sqlite));
    } finally {
      await sqlite.close();
    }
    const pg = options.noPg ? undefined : await benchPostgresUrl(options.pg);
    if (pg) {
      const database = await openDatabase(pg.url);
      try {
        results.push(await bench('postgres', database));
      } finally {
        await database.close();
        await pg.drop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
