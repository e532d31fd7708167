import { SourceReadError, type AssetReader, type AssetSource, type SourceSample } from './asset-reader.js';
import { readBoundedBody, rowsOfJsonBody } from './http-json-body.js';
import { scrubbed } from './secret-scrubbing.js';
import { columnsOfRows } from './source-columns.js';

export type HttpApiSource = Extract<AssetSource, { kind: 'http-api' }>;

/** How long an HTTP API source has to answer, body included. */
export const HTTP_TIMEOUT_MS = 10_000;

/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * An HTTP API answering JSON rows at `samplePath` (relative to `baseUrl`, same origin only).
 * One GET, 10 s, no redirects followed (a redirect is `source.refused`: it could carry the auth
 * header elsewhere), bodies up to 16 MiB. A non-2xx answer or no answer is `source.unreachable`.
 * APIs are sampled, not bulk-read: rows() yields the same rows as the sample. The auth header's
 * value never appears in an error.
 */
export function createHttpApiReader(source: HttpApiSource): AssetReader {
  return {
    async sample(maxRows, signal): Promise<SourceSample> {
      const rows = (await fetchRows(source, signal)).slice(0, Math.max(0, maxRows));
      return { columns: columnsOfRows(rows), rows };
    },
    async *rows(signal) {
      yield* await fetchRows(source, signal);
    },
  };
}

async function fetchRows(source: HttpApiSource, signal: AbortSignal | undefined): Promise<Record<string, unknown>[]> {
  const url = sampleUrl(source);
  const label = `${url.origin}${url.pathname}`; // not the query: it may hold an API key
  const headers = requestHeaders(source);
  const timeout = AbortSignal.timeout(HTTP_TIMEOUT_MS);
  try {
    const response = await fetch(url, { headers, redirect: 'manual', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceReadError('source.refused', `${label} answered with a redirect (${response.status}); redirects are not followed`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceReadError('source.unreachable', `${label} answered ${response.status}`);
    }
    return rowsOfJsonBody(await readBoundedBody(response));
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const secrets = source.authHeader ? [source.authHeader.value] : [];
    if (error instanceof SourceReadError) throw new SourceReadError(error.rule, scrubbed(error.message, secrets), error.line);
    if (timeout.aborted) throw new SourceReadError('source.unreachable', `${label} did not answer within ${HTTP_TIMEOUT_MS / 1000} s`);
    throw new SourceReadError('source.unreachable', `${label} cannot be reached: ${scrubbed(describe(error), secrets)}`);
  }
}

function sampleUrl(source: HttpApiSource): URL {
  let base: URL;
  let url: URL;
  try {
    base = new URL(source.baseUrl);
    url = new URL(source.samplePath ?? '', base);
  } catch {
    throw new SourceReadError('source.refused', 'baseUrl and samplePath do not make a URL');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new SourceReadError('source.refused', 'an HTTP API source must use http or https');
  if (base.username || base.password) throw new SourceReadError('source.refused', 'credentials belong in the auth header, not in baseUrl');
  // An absolute samplePath would send the auth header to another server.
  if (url.origin !== base.origin) throw new SourceReadError('source.refused', 'samplePath must stay on the origin of baseUrl');
  return url;
}

function requestHeaders(source: HttpApiSource): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const auth = source.authHeader;
  if (!auth) return headers;
  // Checked here because fetch's own complaint quotes the value.
  if (!HEADER_NAME.test(auth.name) || /[\0\r\n]/.test(auth.value)) {
    throw new SourceReadError('source.refused', 'the auth header is not a valid HTTP header');
  }
  headers[auth.name] = auth.value;
  return headers;
}

/** fetch's "fetch failed" says nothing; the cause (ECONNREFUSED, a TLS error) does. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
