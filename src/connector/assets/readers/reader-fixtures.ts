// Builders for the readers' tests: real files, real databases, in temp directories.
import { DuckDBInstance } from '@duckdb/node-api';
import SqliteDatabase from 'better-sqlite3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AssetReader } from './asset-reader.js';

const made: string[] = [];

/** A new empty directory, removed by `removeTempDirs()`. */
export async function aTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tds-readers-'));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A file in a new temp dir holding `contents`; returns its path. */
export async function aFile(name: string, contents: string | Uint8Array): Promise<string> {
  const file = path.join(await aTempDir(), name);
  await writeFile(file, contents);
  return file;
}

/**
 * GB18030 bytes of a few known characters: Node can decode GB18030 but not encode it, so the
 * bytes are written out here (checked against the decoder in csv-reader.test.ts).
 */
const gb18030Table: Record<string, number[]> = {
  企: [0xc6, 0xf3],
  业: [0xd2, 0xb5],
  名: [0xc3, 0xfb],
  称: [0xb3, 0xc6],
  城: [0xb3, 0xc7],
  市: [0xca, 0xd0],
  北: [0xb1, 0xb1],
  京: [0xbe, 0xa9],
  上: [0xc9, 0xcf],
  海: [0xba, 0xa3],
};

/** `text` in GB18030: ASCII as is, the characters of the table above as their two bytes. */
export function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const known = gb18030Table[char];
    if (known) bytes.push(...known);
    else if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else throw new Error(`no GB18030 bytes for ${char} in the fixture table`);
  }
  return Uint8Array.from(bytes);
}

/** A Parquet file written by DuckDB from `select` (SQL of the test's own, no user input). */
export async function aParquetFile(select: string): Promise<string> {
  const file = path.join(await aTempDir(), 'data.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return file;
}

/** An SQLite database file built by `statements`; returns its path. */
export async function anSqliteFile(statements: string): Promise<string> {
  const file = path.join(await aTempDir(), 'provider.db');
  const db = new SqliteDatabase(file);
  try {
    db.exec(statements);
  } finally {
    db.close();
  }
  return file;
}

/** Runs `statements` on the PostgreSQL database at `url`. */
export async function onPostgres(url: string, statements: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statements);
  } finally {
    await client.end();
  }
}

/** Every row of a reader, counted without keeping them. */
export async function countRows(reader: AssetReader, signal?: AbortSignal): Promise<number> {
  let count = 0;
  for await (const _row of reader.rows(signal)) count += 1;
  return count;
}

/** Every row of a reader. */
export async function allRows(reader: AssetReader): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of reader.rows()) rows.push(row);
  return rows;
}

/** The SourceReadError a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { rule?: string; line?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { rule?: string; line?: number };
  }
  throw new Error('expected a rejection');
}
