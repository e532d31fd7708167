import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-databases.js';
import type { SourceColumn } from './asset-reader.js';
import { aTempDir, anSqliteFile, countRows, onPostgres, rejection, removeTempDirs } from './reader-fixtures.js';
import { createTableReader } from './table-reader.js';
import type { TableSource } from './table-source.js';

type Engine = TableSource['engine'];

/** One data set, created in each engine's own dialect. */
const dataSet: Record<Engine, string> = {
  postgres: `
    CREATE TABLE companies (id integer PRIMARY KEY, name text NOT NULL, amount numeric(10,2), founded date, big bigint);
    INSERT INTO companies VALUES (1, '北京数据', 12.50, '2020-01-02', 9007199254740993), (2, '上海信息', NULL, NULL, 2);
    CREATE VIEW big_companies AS SELECT id, name FROM companies WHERE id > 1;
    CREATE TABLE "odd""name" (v text); INSERT INTO "odd""name" VALUES ('x');
    CREATE TABLE many AS SELECT i AS id FROM generate_series(1, 5000) i;`,
  sqlite: `
    CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(10,2), founded DATE, big INTEGER);
    INSERT INTO companies VALUES (1, '北京数据', 12.50, '2020-01-02', 9007199254740993), (2, '上海信息', NULL, NULL, 2);
    CREATE VIEW big_companies AS SELECT id, name FROM companies WHERE id > 1;
    CREATE TABLE "odd""name" (v TEXT); INSERT INTO "odd""name" VALUES ('x');
    CREATE TABLE many (id INTEGER);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) INSERT INTO many SELECT i FROM s;`,
};

const declaredTypes: Record<Engine, SourceColumn[]> = {
  postgres: [
    { name: 'id', sourceType: 'integer' },
    { name: 'name', sourceType: 'text' },
    { name: 'amount', sourceType: 'numeric(10,2)' },
    { name: 'founded', sourceType: 'date' },
    { name: 'big', sourceType: 'bigint' },
  ],
  sqlite: [
    { name: 'id', sourceType: 'INTEGER' },
    { name: 'name', sourceType: 'TEXT' },
    { name: 'amount', sourceType: 'NUMERIC(10,2)' },
    { name: 'founded', sourceType: 'DATE' },
    { name: 'big', sourceType: 'INTEGER' },
  ],
};

interface ProviderDatabase {
  source(table: string, schema?: string): TableSource;
  drop(): Promise<void>;
}

async function aProviderDatabase(engine: Engine): Promise<ProviderDatabase> {
  if (engine === 'sqlite') {
    const file = await anSqliteFile(dataSet.sqlite);
    return { source: (table, schema) => ({ kind: 'table', engine, url: `sqlite:${file}`, table, schema }), drop: removeTempDirs };
  }
  const db: TestDatabase = await createTestDatabase('postgres');
  await onPostgres(db.url, dataSet.postgres);
  return { source: (table, schema) => ({ kind: 'table', engine, url: db.url, table, schema }), drop: () => db.drop() };
}

describe.each(['sqlite', 'postgres'] as const)('table reader on %s', (engine) => {
  let db: ProviderDatabase;
  beforeEach(async () => {
    db = await aProviderDatabase(engine);
  });
  afterEach(() => db.drop());

  it('samples a table: declared column types, the first rows as JSON values, count(*) as totalRows', async () => {
    const sample = await createTableReader(db.source('companies')).sample(1);
    expect(sample.columns).toEqual(declaredTypes[engine]);
    expect(sample.rows).toEqual([{ id: 1, name: '北京数据', amount: 12.5, founded: '2020-01-02', big: '9007199254740993' }]);
    expect(sample.totalRows).toBe(2);
  });

  it('reads a view', async () => {
    const reader = createTableReader(db.source('big_companies'));
    const sample = await reader.sample(10);
    expect(sample.columns.map((c) => c.name)).toEqual(['id', 'name']);
    expect(sample.rows).toEqual([{ id: 2, name: '上海信息' }]);
    expect(await countRows(reader)).toBe(1);
  });

  it('quotes identifiers, double quotes included', async () => {
    expect((await createTableReader(db.source('odd"name')).sample(5)).rows).toEqual([{ v: 'x' }]);
  });

  it('says source.not-found for a missing table, and runs nothing smuggled in the name', async () => {
    const error = await rejection(createTableReader(db.source('companies; DROP TABLE companies')).sample(1));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.not-found' });
    expect(await rejection(countRows(createTableReader(db.source('nope'))))).toMatchObject({ rule: 'source.not-found' });
    expect((await createTableReader(db.source('companies')).sample(0)).totalRows).toBe(2);
  });

  it('says source.not-found for a schema that does not exist', async () => {
    expect(await rejection(createTableReader(db.source('companies', 'nowhere')).sample(1))).toMatchObject({ rule: 'source.not-found' });
  });

  it('streams every row, more than one batch', async () => {
    expect(await countRows(createTableReader(db.source('many')))).toBe(5000);
  });

  it('can be left early, and read again after', async () => {
    const reader = createTableReader(db.source('many'));
    let seen = 0;
    for await (const _row of reader.rows()) if (++seen === 1500) break;
    expect(seen).toBe(1500);
    expect((await reader.sample(1)).totalRows).toBe(5000);
  });

  it('stops streaming when the caller aborts', async () => {
    const controller = new AbortController();
    let seen = 0;
    const read = (async () => {
      for await (const _row of createTableReader(db.source('many')).rows(controller.signal)) {
        if (++seen === 10) controller.abort(new Error('enough'));
      }
    })();
    await expect(read).rejects.toThrow('enough');
    expect(seen).toBeLessThan(5000);
  });
});

describe('table reader on postgres only', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('postgres');
  });
  afterEach(() => db.drop());

  it('reads a table in a named schema, and keeps timestamps exact', async () => {
    await onPostgres(db.url, `CREATE SCHEMA 财务; CREATE TABLE 财务.ledger (at timestamptz, local_at timestamp); SET TIME ZONE 'UTC';
      INSERT INTO 财务.ledger VALUES ('2024-01-02 03:04:05.123456+08', '2024-01-02 03:04:05.123456');`);
    const sample = await createTableReader({ kind: 'table', engine: 'postgres', url: db.url, table: 'ledger', schema: '财务' }).sample(1);
    expect(sample.columns).toEqual([
      { name: 'at', sourceType: 'timestamp with time zone' },
      { name: 'local_at', sourceType: 'timestamp without time zone' },
    ]);
    expect(new Date(sample.rows[0]?.at as string).toISOString()).toBe('2024-01-01T19:04:05.123Z');
    expect(sample.rows[0]?.at).toMatch(/^2024-01-0\dT\d\d:04:05\.123456[+-]\d\d:\d\d$/);
    expect(sample.rows[0]?.local_at).toBe('2024-01-02T03:04:05.123456');
  });

  it('reads in a read-only session', async () => {
    await onPostgres(db.url, `CREATE TABLE t (v int); CREATE FUNCTION writes() RETURNS int LANGUAGE sql AS 'INSERT INTO t VALUES (1) RETURNING v';
      CREATE VIEW sneaky AS SELECT writes() AS v;`);
    const error = await rejection(createTableReader({ kind: 'table', engine: 'postgres', url: db.url, table: 'sneaky' }).sample(1));
    expect(error).toMatchObject({ rule: 'source.unreadable' });
    expect(error.message).toContain('read-only');
  });

  it.each([
    ['a closed port', (url: URL) => Object.assign(url, { port: '1' })],
    ['a database that does not exist', (url: URL) => Object.assign(url, { pathname: '/no_such_database' })],
  ])('never puts the password in the error for %s', async (_, point) => {
    const url = point(new URL(db.url));
    url.username = 'provider';
    url.password = 'S3cret-p@ss';
    const error = await rejection(createTableReader({ kind: 'table', engine: 'postgres', url: url.href, table: 'companies' }).sample(1));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.unreachable' });
    expect(error.message).not.toContain('S3cret');
    expect(error.message).not.toContain(encodeURIComponent('S3cret-p@ss'));
  });

  it('never puts the password in the error for a URL that does not parse', async () => {
    const error = await rejection(createTableReader({ kind: 'table', engine: 'postgres', url: 'postgres://u:S3cretPw@127.0.0.1:port/db', table: 't' }).sample(1));
    expect(error).toMatchObject({ rule: 'source.unreachable' });
    expect(error.message).not.toContain('S3cretPw');
  });
});

describe('table reader on sqlite only', () => {
  afterEach(removeTempDirs);

  it('says source.not-found for a missing database file, and does not create it', async () => {
    const file = path.join(await aTempDir(), 'missing.db');
    const error = await rejection(createTableReader({ kind: 'table', engine: 'sqlite', url: `sqlite:${file}`, table: 't' }).sample(1));
    expect(error).toMatchObject({ rule: 'source.not-found' });
    expect(existsSync(file)).toBe(false);
  });

  it('says source.malformed for a file that is not a database', async () => {
    const file = path.join(await aTempDir(), 'notes.db');
    await writeFile(file, 'just text, long enough not to pass for an empty database file'.repeat(20));
    expect(await rejection(createTableReader({ kind: 'table', engine: 'sqlite', url: file, table: 't' }).sample(1))).toMatchObject({ rule: 'source.malformed' });
  });
});
