import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetSource } from './asset-reader.js';
import { createHttpApiReader } from './http-api-reader.js';
import { HTTP_MAX_BODY_BYTES } from './http-json-body.js';
import { allRows, rejection } from './reader-fixtures.js';

const API_KEY = 'tok-7f3a9c-SECRET';
const rows = [
  { id: 1, 名称: '北京数据', tags: ['a'] },
  { id: 2, 名称: '上海信息', extra: true },
];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/v1/companies': (_req, res) => json(res, { data: rows, total: 2, page: { next: null } }),
  '/v1/array': (_req, res) => json(res, rows),
  '/v1/moved': (_req, res) => res.writeHead(302, { location: `/v1/companies?token=${API_KEY}` }).end(),
  '/v1/broken': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`internal error for ${API_KEY}`),
  '/v1/text': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello, not JSON'),
  '/v1/numbers': (_req, res) => json(res, [1, 2, 3]),
  '/v1/two-lists': (_req, res) => json(res, { a: [{ x: 1 }], b: [{ y: 2 }] }),
  '/v1/huge': (_req, res) => {
    // Chunked, no content-length: the limit must hold while reading.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const more = () => {
      while (sent <= HTTP_MAX_BODY_BYTES + chunk.length) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => undefined);
    more();
  },
  '/v1/slow': () => undefined, // never answers
};

let server: Server;
let baseUrl: string;
const seenHeaders: Array<{ path: string; accept?: string; apiKey?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apiKey = req.headers['x-api-key'] as string | undefined;
    seenHeaders.push({ path: url.pathname, accept: req.headers.accept, apiKey });
    if (apiKey !== API_KEY) return void res.writeHead(401).end('missing or wrong x-api-key');
    const route = routes[url.pathname];
    if (!route) return void res.writeHead(404).end();
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

type HttpSource = Extract<AssetSource, { kind: 'http-api' }>;
const source = (samplePath: string, overrides: Partial<HttpSource> = {}): HttpSource => ({
  kind: 'http-api',
  baseUrl,
  samplePath,
  authHeader: { name: 'X-Api-Key', value: API_KEY },
  ...overrides,
});

describe('HTTP API reader', () => {
  it('GETs samplePath under baseUrl with the auth header and Accept: application/json, and finds the one array of rows', async () => {
    const sample = await createHttpApiReader(source('companies')).sample(10);
    expect(sample.rows).toEqual(rows);
    expect(sample.columns).toEqual([{ name: 'id' }, { name: '名称' }, { name: 'tags' }, { name: 'extra' }]);
    expect(seenHeaders.at(-1)).toEqual({ path: '/v1/companies', accept: 'application/json', apiKey: API_KEY });
  });

  it('takes a top-level array, samples its first rows, and yields all of them from rows()', async () => {
    const reader = createHttpApiReader(source('array'));
    expect((await reader.sample(1)).rows).toEqual([rows[0]]);
    expect(await allRows(reader)).toEqual(rows);
  });

  it('refuses a redirect instead of following it', async () => {
    const error = await rejection(createHttpApiReader(source('moved')).sample(10));
    expect(error).toMatchObject({ name: 'SourceReadError', rule: 'source.refused' });
    expect(seenHeaders.at(-1)?.path).toBe('/v1/moved');
  });

  it('says source.unreachable with the status for a non-2xx answer', async () => {
    const error = await rejection(createHttpApiReader(source('broken')).sample(10));
    expect(error).toMatchObject({ rule: 'source.unreachable' });
    expect(error.message).toContain('500');
    expect(await rejection(createHttpApiReader(source('companies', { authHeader: undefined })).sample(1))).toMatchObject({ rule: 'source.unreachable' });
  });

  it.each([
    ['text', 'not JSON'],
    ['numbers', 'not of objects'],
    ['two-lists', '2 members'],
  ])('says source.malformed for a body that holds no rows (%s)', async (path, why) => {
    const error = await rejection(createHttpApiReader(source(path)).sample(10));
    expect(error).toMatchObject({ rule: 'source.malformed' });
    expect(error.message).toContain(why);
  });

  it('refuses a body over 16 MiB while reading it', async () => {
    expect(await rejection(createHttpApiReader(source('huge')).sample(10))).toMatchObject({ rule: 'source.refused' });
  });

  it('refuses other schemes, credentials in the URL, and a samplePath that leaves the origin', async () => {
    for (const bad of [
      source('x', { baseUrl: 'file:///etc/' }),
      source('x', { baseUrl: 'http://user:pw@127.0.0.1/' }),
      source('http://example.invalid/rows'),
      source('//example.invalid/rows'),
    ]) {
      expect(await rejection(createHttpApiReader(bad).sample(1))).toMatchObject({ rule: 'source.refused' });
    }
    expect(seenHeaders.every((seen) => seen.path.startsWith('/v1/'))).toBe(true);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const read = createHttpApiReader(source('slow')).sample(1, controller.signal);
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(read).rejects.toThrow('caller gave up');
  });

  it('says source.unreachable when nothing listens', async () => {
    const error = await rejection(createHttpApiReader(source('x', { baseUrl: 'http://127.0.0.1:1/' })).sample(1));
    expect(error).toMatchObject({ rule: 'source.unreachable' });
  });

  it('never puts the auth header value in an error', async () => {
    const failing = [
      source('moved'),
      source('broken'),
      source('text'),
      source('huge'),
      source(`missing?key=${API_KEY}`),
      source('companies', { authHeader: { name: 'X-Api-Key', value: `${API_KEY}\r\nX-Injected: 1` } }),
      source('companies', { authHeader: { name: 'Bad Name', value: API_KEY } }),
      source('x', { baseUrl: 'http://127.0.0.1:1/' }),
    ];
    for (const bad of failing) {
      const error = await rejection(createHttpApiReader(bad).sample(1));
      expect(error.name).toBe('SourceReadError');
      expect(`${error.message} ${String(error.stack)}`).not.toContain(API_KEY);
    }
  });
});
