import fs from 'node:fs/promises';
import type { Locale } from '../../core/i18n/locale.js';
import { extractWatermark } from '../../core/watermark/index.js';
import { message } from '../cli-messages.js';
import { UsageError } from '../cli-options.js';

/**
 * How much of a file is read. Every marked row carries a fragment and any three give the mark
 * back, so the start of a file is as good as all of it; the cap keeps memory bounded on huge
 * files (the text is searched in one piece, about three times this in memory).
 */
export const traceReadLimit = 64 * 1024 * 1024;

/** The first `limit` bytes of the file, and whether there was more. */
async function readStart(file: string, limit: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Math.min(size, limit));
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), truncated: size > limit };
  } finally {
    await handle.close();
  }
}

/** `tds trace FILE`: names the agreement and consumer a leaked file was delivered under. Exit 0 found, 1 none, 2 unreadable. */
export async function traceCommand(_args: Record<string, string | undefined>, locale: Locale, positionals: string[] = []): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : `one FILE only, got ${positionals.length}`);
  const file = positionals[0]!;
  let start: { bytes: Uint8Array; truncated: boolean };
  try {
    start = await readStart(file, traceReadLimit);
  } catch (error) {
    console.error(message(locale, 'traceUnreadable', { file, reason: (error as Error).message }));
    return 2;
  }
  if (start.truncated) console.error(message(locale, 'traceTruncated', { mib: traceReadLimit / 1024 / 1024 }));
  const found = extractWatermark(start.bytes);
  if (!found) {
    console.log(message(locale, 'traceNone', { file }));
    return 1;
  }
  console.log(message(locale, 'traceFound', { file, agreement: found.agreementId, consumer: found.consumer, carriers: found.carriers }));
  return 0;
}
