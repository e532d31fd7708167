import { rename } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createParquetReader } from './parquet-reader.js';
import { aFile, aParquetFile, countRows, rejection, removeTempDirs } from './reader-fixtures.js';

afterEach(removeTempDirs);

const typed = `
  SELECT i::BIGINT AS id,
         '企业' || i AS 名称,
         (i / 4)::DECIMAL(10, 2) AS amount,
         DATE '2024-01-01' + i::INTEGER AS day,
         TIMESTAMP '2024-01-02 03:04:05.123456' AS at,
         TIMESTAMPTZ '2024-01-02 03:04:05.5+08' AS at_tz,
         9007199254740993::BIGINT AS huge,
         i % 2 = 0 AS even,
         [i, i + 1] AS pair,
         {'k': i} AS nested,
         NULL::INTEGER AS nothing
    FROM range(3) t(i)`;

describe('Parquet reader', () => {
  it('gives columns with DuckDB type names, totalRows from the footer, and the first rows', async () => {
    const sample = await createParquetReader(await aParquetFile(typed)).sample(2);
    expect(sample.columns).toEqual([
      { name: 'id', sourceType: 'BIGINT' },
      { name: '名称', sourceType: 'VARCHAR' },
      { name: 'amount', sourceType: 'DECIMAL(10,2)' },
      { name: 'day', sourceType: 'DATE' },
      { name: 'at', sourceType: 'TIMESTAMP' },
      { name: 'at_tz', sourceType: 'TIMESTAMP WITH TIME ZONE' },
      { name: 'huge', sourceType: 'BIGINT' },
      { name: 'even', sourceType: 'BOOLEAN' },
      { name: 'pair', sourceType: 'BIGINT[]' },
      { name: 'nested', sourceType: 'STRUCT("k" BIGINT)' },
      { name: 'nothing', sourceType: 'INTEGER' },
    ]);
    expect(sample.totalRows).toBe(3);
    expect(sample.byteSize).toBeGreaterThan(0);
    expect(sample.rows).toHaveLength(2);
  });

  it('converts values to plain JSON: safe bigints as numbers, others as strings, decimals as numbers, dates as ISO', async () => {
    const { rows } = await createParquetReader(await aParquetFile(typed)).sample(2);
    expect(rows[1]).toEqual({
      id: 1,
      名称: '企业1',
      amount: 0.25,
      day: '2024-01-02',
      at: '2024-01-02T03:04:05.123456',
      at_tz: '2024-01-01T19:04:05.5Z',
      huge: '9007199254740993',
      even: false,
      pair: [1, 2],
      nested: { k: 1 },
      nothing: null,
    });
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('streams 50,000 rows in chunks through rows()', async () => {
    const file = await aParquetFile('SELECT i AS id, md5(i::VARCHAR) AS digest FROM range(50000) t(i)');
    const reader = createParquetReader(file);
    expect((await reader.sample(5)).totalRows).toBe(50_000);
    expect(await countRows(reader)).toBe(50_000);
  });

  it('can be left early without leaking the stream', async () => {
    const file = await aParquetFile('SELECT i AS id FROM range(10000) t(i)');
    const seen: unknown[] = [];
    for await (const row of createParquetReader(file).rows()) {
      seen.push(row.id);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0, 1, 2]);
  });

  it('reads a path with quotes and glob characters as that one file', async () => {
    const file = await aParquetFile('SELECT 1 AS one');
    const odd = file.replace(/data\.parquet$/, "it's [1]*.parquet");
    await rename(file, odd);
    expect((await createParquetReader(odd).sample(1)).rows).toEqual([{ one: 1 }]);
  });

  it('refuses a file that is not Parquet as source.malformed, without the directory in the message', async () => {
    const file = await aFile('fake.parquet', 'id,name\n1,x\n');
    const error = await rejection(createParquetReader(file).sample(1));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.malformed' });
    expect(error.message).toContain('fake.parquet');
    expect(error.message).not.toContain(file);
  });

  it('reports a missing file as source.not-found', async () => {
    const file = `${await aFile('x.parquet', '')}.missing`;
    expect(await rejection(createParquetReader(file).sample(1))).toMatchObject({ rule: 'source.not-found' });
    expect(await rejection(countRows(createParquetReader(file)))).toMatchObject({ rule: 'source.not-found' });
  });
});
