import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { fileError } from './file-source.js';

/** How much of a file decides its encoding. */
export const ENCODING_SNIFF_BYTES = 64 * 1024;

export type TextEncodingName = 'utf-8' | 'gb18030';

/**
 * The text of `file`, streamed: UTF-8 (a BOM is dropped), or GB18030 when the first 64 KiB are
 * not valid UTF-8. Chinese spreadsheets are still often saved as GBK, and GB18030 is a superset
 * of GBK and GB2312, so one fallback covers all three. Bytes after the first 64 KiB that are not
 * valid in the chosen encoding become U+FFFD rather than failing a multi-gigabyte read.
 */
export async function* decodedText(file: string, signal?: AbortSignal): AsyncGenerator<string> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let decoder: TextDecoder | undefined;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: ENCODING_SNIFF_BYTES, signal }) as AsyncIterable<Buffer>) {
      if (decoder) {
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
        continue;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < ENCODING_SNIFF_BYTES) continue;
      const bytes = Buffer.concat(head);
      decoder = new TextDecoder(sniffEncoding(bytes, false));
      yield decoder.decode(bytes, { stream: true });
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw fileError(error, file);
  }
  if (!decoder) {
    const bytes = Buffer.concat(head);
    decoder = new TextDecoder(sniffEncoding(bytes, true));
    yield decoder.decode(bytes, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** UTF-8 when `head` is valid UTF-8 (a character cut at the end of an incomplete head is fine). */
export function sniffEncoding(head: Uint8Array, complete: boolean): TextEncodingName {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
