import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options } from 'csv-parse';
import { SourceReadError, type AssetReader, type SourceSample } from './asset-reader.js';
import { displayName, statSourceFile } from './file-source.js';
import { decodedText } from './text-decoding.js';

/**
 * A CSV file: the header row names the columns, values stay strings, empty lines are skipped, a
 * UTF-8 BOM is dropped, GB18030/GBK files are recognised (see `decodedText`). A malformed file
 * (an unclosed quote, a row with a different number of fields than the header, duplicate or
 * empty header names) is `source.malformed` with the 1-based line.
 */
export function createCsvReader(file: string): AssetReader {
  return {
    async sample(maxRows, signal): Promise<SourceSample> {
      const byteSize = await statSourceFile(file);
      let columns: string[] = [];
      const rows: Record<string, string>[] = [];
      // The header plus maxRows records: the parser stops there, so a defect further down the
      // file (even in the same 64 KiB chunk) does not fail the sample.
      for await (const { fields, line } of csvRecords(file, signal, maxRows + 1)) {
        if (line.header) columns = headerOf(fields, line.number, file);
        else rows.push(rowOf(columns, fields));
      }
      return { columns: columns.map((name) => ({ name })), rows, byteSize };
    },
    async *rows(signal) {
      await statSourceFile(file);
      let columns: string[] = [];
      for await (const { fields, line } of csvRecords(file, signal)) {
        if (line.header) columns = headerOf(fields, line.number, file);
        else yield rowOf(columns, fields);
      }
    },
  };
}

/** A record longer than this is refused: a file with the wrong delimiter or no line breaks would otherwise be held whole. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

interface ParsedRecord {
  fields: string[];
  line: number;
}

interface CsvRecord {
  fields: string[];
  line: { number: number; header: boolean };
}

async function* csvRecords(file: string, signal: AbortSignal | undefined, maxRecords?: number): AsyncGenerator<CsvRecord> {
  // Where the last good record ended, to place an unclosed quote on the line that opened it
  // (csv-parse only notices at the end of the input).
  let lastLine = 0;
  let lastEmptyLines = 0;
  const options: Options<ParsedRecord, string[]> = {
    bom: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    ...(maxRecords === undefined ? {} : { to: maxRecords }),
    // Called as each record is parsed, ahead of our reading it: the line travels with the record.
    on_record: (fields, context) => {
      lastLine = context.lines;
      lastEmptyLines = context.empty_lines;
      return { fields, line: context.lines };
    },
  };
  // parse()'s overload without `columns` types records as string[]; ours are ParsedRecord.
  const parser = parse(options as unknown as Options);
  // Errors on either side reach us through the parser's iterator; this promise only settles.
  const piped = pipeline(Readable.from(decodedText(file, signal)), parser).catch(() => undefined);
  let records = 0;
  try {
    for await (const { fields, line } of parser as AsyncIterable<ParsedRecord>) {
      signal?.throwIfAborted();
      records += 1;
      yield { fields, line: { number: line, header: records === 1 } };
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof CsvError) throw malformed(error, file, lastLine + (Number(error.empty_lines) - lastEmptyLines) + 1);
    throw error;
  } finally {
    parser.destroy();
    await piped;
  }
}

function malformed(error: CsvError, file: string, unclosedQuoteLine: number): SourceReadError {
  const name = displayName(file);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new SourceReadError('source.malformed', `${name}: the quoted field opened on line ${unclosedQuoteLine} is never closed`, unclosedQuoteLine);
  }
  const line = Number(error.lines);
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const found = Array.isArray(error.record) ? error.record.length : undefined;
    const count = found === undefined ? '' : ` (found ${found})`;
    return new SourceReadError('source.malformed', `${name}: line ${line} does not have as many fields as the header${count}`, line);
  }
  return new SourceReadError('source.malformed', `${name}: not valid CSV on line ${line} (${error.message})`, line);
}

function headerOf(fields: string[], line: number, file: string): string[] {
  const seen = new Set<string>();
  for (const name of fields) {
    if (name.trim() === '') throw new SourceReadError('source.malformed', `${displayName(file)}: the header on line ${line} has an empty column name`, line);
    if (seen.has(name)) throw new SourceReadError('source.malformed', `${displayName(file)}: the header on line ${line} names column "${name}" twice`, line);
    seen.add(name);
  }
  return fields;
}

function rowOf(columns: readonly string[], fields: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  columns.forEach((name, index) => {
    row[name] = fields[index] ?? '';
  });
  return row;
}
