// The file bench/dsp.ts downloads: a real Parquet file of about the size asked for, written by
// DuckDB (an id and eight 64-bit hashes per row, uncompressed: 72 bytes of row data that no
// compressor along the way could shrink). Kept in the temp dir between runs, keyed by size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const BYTES_PER_ROW = 72;
const GENERATOR_VERSION = 1;

export interface BenchFile {
  /** The directory holding it (the provider's --source-dir and nginx's root). */
  dir: string;
  name: string;
  bytes: number;
  /** Seconds it took to write, when written by this run. */
  writtenIn?: number;
}

export async function benchParquet(targetBytes: number, fresh = false): Promise<BenchFile> {
  const rows = Math.round(targetBytes / BYTES_PER_ROW);
  const dir = path.join(os.tmpdir(), `tds-bench-dsp-v${GENERATOR_VERSION}-${rows}`);
  const name = 'meter-readings.parquet';
  const file = path.join(dir, name);
  const complete = `${file}.complete`;
  if (!fresh && fs.existsSync(complete)) return { dir, name, bytes: fs.statSync(file).size };
  // Other sizes of earlier runs: each can be a GiB.
  for (const old of fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tds-bench-dsp-v') && path.join(os.tmpdir(), f) !== dir)) {
    fs.rmSync(path.join(os.tmpdir(), old), { recursive: true, force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // nginx's workers may run as another user: the directory and file must be world-readable.
  fs.chmodSync(dir, 0o755);
  const start = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(os.cpus().length) });
  const connection = await instance.connect();
  try {
    const hashes = Array.from({ length: 8 }, (_, k) => `hash(i, ${k}) AS h${k}`).join(', ');
    await connection.run(`COPY (SELECT i AS id, ${hashes} FROM range(${rows}) t(i)) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION uncompressed)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  fs.chmodSync(file, 0o644);
  const writtenIn = (performance.now() - start) / 1000;
  fs.writeFileSync(complete, `${writtenIn}\n`);
  return { dir, name, bytes: fs.statSync(file).size, writtenIn };
}
