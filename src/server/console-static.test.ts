import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './build-server.js';
import { defaultWebRoot, isReservedPath, registerConsole } from './console-static.js';
import { handleError, sendProblem } from './problem-details.js';

let dir: string;

/** A node-like app: the kernel's not-found and error handlers, one API route, and the console. */
async function anApp(root: string) {
  const app = Fastify({ logger: false }) as unknown as App;
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'route.not-found', `No endpoint ${request.method} ${request.url}.`));
  app.get('/api/v1/console', { config: { access: 'public' } }, async () => ({ node: 'operator' }));
  await registerConsole(app, { root });
  await app.ready();
  return app;
}

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tds-console-'));
  await mkdir(path.join(dir, 'web/assets'), { recursive: true });
  await writeFile(path.join(dir, 'web/index.html'), '<!doctype html><div id="root">console</div>');
  await writeFile(path.join(dir, 'web/assets/index-Ab12Cd34.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'web/favicon.svg'), '<svg/>');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the web root');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the console at /', () => {
  it('serves index.html for / and for console pages a browser asks for, never cached', async () => {
    const app = await anApp(path.join(dir, 'web'));
    for (const url of ['/', '/review', '/review/p_123?status=submitted', '/evidence']) {
      const res = await app.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('console');
    }
    const head = await app.inject({ method: 'HEAD', url: '/', headers: html });
    expect(head.statusCode).toBe(200);
  });

  it('serves hashed assets as immutable for a year, other files revalidated', async () => {
    const app = await anApp(path.join(dir, 'web'));
    const asset = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('keeps the problem+json 404 for API paths, missing assets and non-HTML clients', async () => {
    const app = await anApp(path.join(dir, 'web'));
    const cases: [string, Record<string, string>][] = [
      ['/api/v1/nope', html],
      ['/api', html],
      ['/ledger/nope', html],
      ['/docs/nope', html],
      ['/metrics/x', html],
      ['/healthz/x', html],
      ['/readyz/x', html],
      ['/.well-known/nope', html],
      ['/participants/p_1/did.json', html],
      ['/dsp/catalog/request', html],
      ['/assets/missing-123.js', html],
      ['/review/p_1', { accept: 'application/json' }],
      ['/review/p_1', {}],
    ];
    for (const [url, headers] of cases) {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().code, url).toBe('route.not-found');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/console' })).json()).toEqual({ node: 'operator' });
    expect((await app.inject({ method: 'POST', url: '/review', headers: html })).statusCode).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    const app = await anApp(path.join(dir, 'web'));
    for (const url of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('outside the web root');
    }
  });

  it('answers with a bilingual "not built" page, not a crash, when dist/web is missing', async () => {
    const app = await anApp(path.join(dir, 'nothing-here'));
    const res = await app.inject({ method: 'GET', url: '/review', headers: html });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('控制台尚未构建');
    expect(res.body).toContain('The console is not built');
    expect(res.body).toContain('npm run build');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: html });
    expect(api.json().code).toBe('route.not-found');
  });
});

describe('console paths', () => {
  it('find dist/web from the built file and from the source file', () => {
    expect(defaultWebRoot('file:///srv/tds/dist/server/console-static.js')).toBe('/srv/tds/dist/web');
    expect(defaultWebRoot('file:///srv/tds/src/server/console-static.ts')).toBe('/srv/tds/dist/web');
  });

  it('leave the API prefixes to the nodes', () => {
    expect(isReservedPath('/api/v1/participants')).toBe(true);
    expect(isReservedPath('/participants/p_1/did.json')).toBe(true);
    expect(isReservedPath('/apply')).toBe(false);
    expect(isReservedPath('/evidence')).toBe(false);
    expect(isReservedPath('/participants/p_1')).toBe(false);
  });
});
