import fs from 'node:fs/promises';
import path from 'node:path';
import { SourceReadError } from './asset-reader.js';

/**
 * Checks that `file` is a readable regular file and returns its size in bytes. A missing file is
 * `source.not-found`, anything else that stops us reading it `source.unreadable`: no ENOENT or
 * EACCES leaks out. Messages name the file by its base name, never the data directory.
 */
export async function statSourceFile(file: string): Promise<number> {
  try {
    const stats = await fs.stat(file);
    if (!stats.isFile()) throw new SourceReadError('source.unreadable', `${displayName(file)} is not a file`);
    await fs.access(file, fs.constants.R_OK);
    return stats.size;
  } catch (error) {
    throw fileError(error, file);
  }
}

/** A file-system error as the `SourceReadError` a client can act on. */
export function fileError(error: unknown, file: string): unknown {
  if (error instanceof SourceReadError) return error;
  // Only system errors (they name a syscall) are about the file; an AbortError or a bug passes through.
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (syscall === undefined || code === undefined) return error;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new SourceReadError('source.not-found', `${displayName(file)} does not exist`);
  return new SourceReadError('source.unreadable', `${displayName(file)} cannot be read (${code})`);
}

/** How messages name a file: its base name, so the server's directory layout stays private. */
export function displayName(file: string): string {
  return path.basename(file);
}
