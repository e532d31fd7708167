import { afterEach, describe, expect, it } from 'vitest';
import type { AssetSource } from './asset-reader.js';
import { resolveWithin } from './data-directory.js';
import { openAssetReader } from './open-asset-reader.js';
import { aFile, anSqliteFile, aParquetFile, aTempDir, rejection, removeTempDirs } from './reader-fixtures.js';

afterEach(removeTempDirs);

describe('openAssetReader', () => {
  it('reads each kind of source with the matching reader', async () => {
    const sources: AssetSource[] = [
      { kind: 'file', format: 'csv', path: await aFile('a.csv', 'n\n1\n') },
      { kind: 'file', format: 'jsonl', path: await aFile('a.jsonl', '{"n":1}\n') },
      { kind: 'file', format: 'parquet', path: await aParquetFile('SELECT 1 AS n') },
      { kind: 'table', engine: 'sqlite', url: `sqlite:${await anSqliteFile('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1);')}`, table: 't' },
    ];
    for (const source of sources) {
      const sample = await openAssetReader(source).sample(5);
      expect(sample.columns.map((c) => c.name)).toEqual(['n']);
      expect(sample.rows).toHaveLength(1);
    }
  });

  it('reads nothing until asked', () => {
    expect(() => openAssetReader({ kind: 'file', format: 'csv', path: '/nonexistent/a.csv' })).not.toThrow();
  });

  it.each(['csv', 'jsonl', 'parquet'] as const)('says source.not-found for a missing %s file resolved in the data directory', async (format) => {
    const root = await aTempDir();
    const reader = openAssetReader({ kind: 'file', format, path: resolveWithin(root, `uploads/missing.${format}`) });
    const error = await rejection(reader.sample(5));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.not-found' });
    expect(error.message).not.toContain('ENOENT');
  });

  it('refuses an unknown kind without quoting the source (it may hold secrets)', () => {
    const source = { kind: 'ftp', url: 'ftp://u:S3cret@host/' } as unknown as AssetSource;
    expect(() => openAssetReader(source)).toThrow(/unknown asset source "ftp"/);
    expect(() => openAssetReader(source)).not.toThrow(/S3cret/);
  });
});
