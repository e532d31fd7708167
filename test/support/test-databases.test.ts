import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from './test-databases.js';

/** Opens the database, runs `sql` statements in order, returns the rows of the last one. */
async function query(db: TestDatabase, ...sql: string[]): Promise<unknown[]> {
  if (db.kind === 'sqlite') {
    const conn = new Database(db.url.slice('sqlite:'.length));
    try {
      let rows: unknown[] = [];
      for (const s of sql) {
        const statement = conn.prepare(s);
        rows = statement.reader ? statement.all() : (statement.run(), []);
      }
      return rows;
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    let rows: unknown[] = [];
    for (const s of sql) rows = (await client.query(s)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

const userTables: Record<DatabaseKind, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table'",
  postgres: "SELECT tablename AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
};

describe.each(databaseKinds)('createTestDatabase(%s)', (kind) => {
  const created: TestDatabase[] = [];
  const create = async () => {
    const db = await createTestDatabase(kind);
    created.push(db);
    return db;
  };
  afterEach(async () => {
    await Promise.all(created.splice(0).map((db) => db.drop()));
  });

  it('gives an empty, usable database', async () => {
    const db = await create();
    expect(db.kind).toBe(kind);
    expect(db.url.startsWith(kind === 'sqlite' ? 'sqlite:/' : 'postgres://')).toBe(true);
    expect(await query(db, userTables[kind])).toEqual([]);
    expect(await query(db, 'CREATE TABLE t (x integer)', 'INSERT INTO t VALUES (1)', 'SELECT x FROM t')).toEqual([{ x: 1 }]);
  });

  it('gives a different database each time', async () => {
    const a = await create();
    const b = await create();
    expect(a.url).not.toBe(b.url);
    await query(a, 'CREATE TABLE only_in_a (x integer)');
    expect(await query(b, userTables[kind])).toEqual([]);
  });

  it('drop removes the database, and a second drop is harmless', async () => {
    const db = await create();
    await query(db, 'CREATE TABLE t (x integer)');
    await db.drop();
    await db.drop();
    if (kind === 'sqlite') {
      expect(existsSync(dirname(db.url.slice('sqlite:'.length)))).toBe(false);
    } else {
      await expect(query(db, 'SELECT 1')).rejects.toMatchObject({ code: '3D000' }); // invalid_catalog_name
    }
  });
});

describe('createTestDatabase(postgres)', () => {
  it('drop succeeds while a connection is still open, terminating it', async () => {
    const db = await createTestDatabase('postgres');
    const client = new pg.Client({ connectionString: db.url });
    const terminated = new Promise((resolve) => client.on('error', resolve));
    await client.connect();
    await db.drop();
    expect(await terminated).toMatchObject({ code: '57P01' }); // admin_shutdown
    await client.end().catch(() => {});
  });
});
