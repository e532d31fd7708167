import { SourceReadError } from './asset-reader.js';
import { isJsonObject } from './source-columns.js';

/** The largest response body an HTTP API source may send (after decompression). */
export const HTTP_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The body, refused (`source.refused`) as soon as it passes `limit` bytes, whether or not the
 * server declared its length: a sample must not cost the connector unbounded memory.
 */
export async function readBoundedBody(response: Response, limit = HTTP_MAX_BODY_BYTES): Promise<Uint8Array> {
  const tooLarge = () => new SourceReadError('source.refused', `the response is larger than ${limit} bytes`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The rows in a JSON body: an array of objects, or an object with exactly one member that is an
 * array of objects (`{ data: [...] }`, `{ items: [...], total: 3 }`). Anything else, two such
 * members included, is `source.malformed`: guessing which array holds the rows would be wrong
 * half the time.
 */
export function rowsOfJsonBody(bytes: Uint8Array): Record<string, unknown>[] {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new SourceReadError('source.malformed', 'the response is not JSON');
  }
  if (Array.isArray(body)) {
    if (body.every(isJsonObject)) return body;
    throw new SourceReadError('source.malformed', 'the response is an array, but not of objects');
  }
  if (!isJsonObject(body)) throw new SourceReadError('source.malformed', 'the response is neither an array nor an object');
  const members = Object.entries(body).filter(([, value]) => Array.isArray(value) && value.every(isJsonObject));
  const [only] = members;
  if (members.length === 1 && only) return only[1] as Record<string, unknown>[];
  const why = members.length === 0 ? 'has no member that is an array of objects' : `has ${members.length} members that are arrays of objects (${members.map(([name]) => name).join(', ')})`;
  throw new SourceReadError('source.malformed', `the response object ${why}`);
}
