import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SourceReadError, type AssetReader, type SourceSample } from './asset-reader.js';
import { displayName, fileError, statSourceFile } from './file-source.js';
import { columnsOfRows, isJsonObject } from './source-columns.js';

/**
 * A JSON Lines file (UTF-8): one JSON object a line, blank lines skipped. A line that is not
 * JSON, or is JSON but not an object, is `source.malformed` with its 1-based line. The columns
 * are the keys in order of first appearance over the sample.
 */
export function createJsonlReader(file: string): AssetReader {
  return {
    async sample(maxRows, signal): Promise<SourceSample> {
      const byteSize = await statSourceFile(file);
      const rows: Record<string, unknown>[] = [];
      if (maxRows > 0) {
        for await (const row of jsonlObjects(file, signal)) {
          rows.push(row);
          if (rows.length >= maxRows) break;
        }
      }
      return { columns: columnsOfRows(rows), rows, byteSize };
    },
    async *rows(signal) {
      await statSourceFile(file);
      yield* jsonlObjects(file, signal);
    },
  };
}

async function* jsonlObjects(file: string, signal: AbortSignal | undefined): AsyncGenerator<Record<string, unknown>> {
  const input = createReadStream(file, { encoding: 'utf8', signal });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      signal?.throwIfAborted();
      number += 1;
      const line = number === 1 ? text.replace(/^\uFEFF/, '') : text;
      if (line.trim() === '') continue;
      yield objectOn(line, number, file);
    }
    // readline ends quietly when its input is destroyed: an abort must not look like the end.
    signal?.throwIfAborted();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw fileError(error, file);
  } finally {
    lines.close();
    input.destroy();
  }
}

function objectOn(line: string, number: number, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new SourceReadError('source.malformed', `${displayName(file)}: line ${number} is not JSON (${(error as Error).message})`, number);
  }
  if (!isJsonObject(value)) throw new SourceReadError('source.malformed', `${displayName(file)}: line ${number} is not a JSON object`, number);
  return value;
}
