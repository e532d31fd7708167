import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { decodedText } from '../assets/readers/text-decoding.js';
import { csvRecord } from './csv-record.js';
import type { RecordDesensitizer } from './record-desensitizer.js';

/**
 * Streams that rewrite a delivered file record by record through a `RecordDesensitizer`, ahead of
 * the watermark. Memory is one record (one line) plus a stream chunk: a record or line longer
 * than `MAX_RECORD_CHARS` fails the preparation rather than being held whole.
 */

/** As the CSV reader (connector/assets/readers): a file with the wrong delimiter or no line breaks is refused, not held. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * A CSV file (RFC 4180, header row, UTF-8 or GB18030 as the asset reader reads it) as UTF-8 CSV
 * with CRLF records: the header kept, each record's ruled fields rewritten. Empty lines are
 * dropped, and a record with another number of fields than the header fails, as in the reader.
 */
export function desensitizedCsv(file: string, desensitizer: RecordDesensitizer): Array<Readable | Transform> {
  const parser = parse({ bom: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS });
  let rewrite: ((fields: readonly string[]) => string[]) | undefined;
  const writer = new Transform({
    writableObjectMode: true,
    transform(fields: string[], _enc, done) {
      try {
        if (rewrite) return done(null, Buffer.from(csvRecord(rewrite(fields))));
        rewrite = desensitizer.csvColumns(fields);
        done(null, Buffer.from(csvRecord(fields)));
      } catch (error) {
        done(error as Error);
      }
    },
  });
  return [Readable.from(decodedText(file)), parser, writer];
}

/**
 * A JSON Lines file (UTF-8) with each line's ruled members rewritten; each line keeps its line
 * break (LF or CRLF), a first-line BOM is dropped.
 */
export function desensitizedJsonl(desensitizer: RecordDesensitizer): Transform {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  // Where to look for the next line break: `pending` before it holds none.
  let scanned = 0;
  let line = 0;
  const rewrite = (text: string, ending: string): string => {
    line += 1;
    const body = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    return desensitizer.jsonLine(body, line) + ending;
  };
  return new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      try {
        pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
        let out = '';
        let start = 0;
        for (let end = pending.indexOf('\n', scanned); end !== -1; end = pending.indexOf('\n', start)) {
          const cr = end > start && pending.charCodeAt(end - 1) === 13;
          out += rewrite(pending.slice(start, cr ? end - 1 : end), cr ? '\r\n' : '\n');
          start = end + 1;
        }
        pending = pending.slice(start);
        scanned = pending.length;
        if (pending.length > MAX_RECORD_CHARS) throw new Error(`line ${line + 1} is longer than ${MAX_RECORD_CHARS} characters`);
        done(null, out ? Buffer.from(out) : undefined);
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        pending += decoder.end();
        done(null, pending ? Buffer.from(rewrite(pending, '')) : undefined);
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** A table's rows with their ruled members rewritten. */
export async function* desensitizedRows(rows: AsyncIterable<Record<string, unknown>>, desensitizer: RecordDesensitizer): AsyncGenerator<Record<string, unknown>> {
  for await (const row of rows) yield desensitizer.object(row);
}

/**
 * Why preparing failed, in words safe to show the consumer: csv-parse quotes the offending
 * value in some messages (an invalid opening quote), so its errors are told by code and line.
 */
export function preparationFailure(error: unknown): string {
  if (error instanceof CsvError) return `line ${String(error.lines ?? '?')} is not valid CSV (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
