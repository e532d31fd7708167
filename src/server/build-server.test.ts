import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { DomainError } from '../core/errors/index.js';
import { buildServer } from './build-server.js';
import { registerAccessControl } from './access-control.js';
import { createLogger } from './logger.js';

async function anApp(ready = true) {
  const app = await buildServer({
    node: 'test',
    title: 'Test API',
    version: '0.0.0',
    description: 'test',
    readiness: [{ name: 'database', check: async () => ready }],
    metricsAccess: ['metrics:read'],
  });
  app.post('/things', {
    schema: { body: Type.Object({ name: Type.String({ minLength: 1 }), count: Type.Integer() }, { additionalProperties: false }) },
  }, async () => ({ ok: true }));
  app.get('/conflict', async () => {
    throw new DomainError('ledger.range-invalid', 'from is after to');
  });
  app.get('/boom', async () => {
    throw new Error('secret internal detail');
  });
  await app.ready();
  return app;
}

describe('server kernel', () => {
  it('answers unknown routes with a problem+json 404 in zh-CN by default', async () => {
    const app = await anApp();
    const res = await app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'route.not-found', status: 404, title: '接口不存在', type: 'urn:trustspace:error:route.not-found' });
    const en = await app.inject({ method: 'GET', url: '/nope', headers: { 'accept-language': 'en-US' } });
    expect(en.json().title).toBe('No such endpoint');
  });

  it('names each field that fails the schema by JSON pointer', async () => {
    const app = await anApp();
    const res = await app.inject({ method: 'POST', url: '/things', payload: { count: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('request.invalid');
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/name');
    expect(pointers).toContain('/count');
  });

  it('refuses malformed JSON and unsupported media types with 4xx, never 500', async () => {
    const app = await anApp();
    const bad = await app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('request.invalid');
    const media = await app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/x-thing' }, payload: 'x' });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('request.unsupported-media-type');
  });

  it('maps domain failures to their status and keeps the stable code', async () => {
    const app = await anApp();
    const res = await app.inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ledger.range-invalid', detail: 'from is after to' });
  });

  it('hides the detail of unexpected failures', async () => {
    const app = await anApp();
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal.unexpected');
    expect(res.body).not.toContain('secret internal detail');
  });

  it('reports liveness always and readiness only when every check passes', async () => {
    expect((await (await anApp()).inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const notReady = await (await anApp(false)).inject({ url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: 'unavailable', checks: { database: false } });
  });

  it('exposes Prometheus metrics, request durations by route included, only to a caller with a credential', async () => {
    const app = await buildServer({ node: 'test', title: 'Test', version: '0', description: 'test', readiness: [], metricsAccess: ['metrics:read'] });
    registerAccessControl(app, async (token) => (token === 'scraper' ? { grants: new Set(['metrics:read']), actor: 'apikey:scraper' } : token === 'other' ? { grants: new Set(['read']), actor: 'user:other' } : undefined));
    await app.ready();
    await app.inject({ url: '/healthz' });
    const anonymous = await app.inject({ url: '/metrics' });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'auth.missing-credentials']);
    expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer other' } })).statusCode).toBe(403);
    const res = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer scraper' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('tds_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/healthz"');
  });

  it('serves an OpenAPI 3.1 document and the browsable docs', async () => {
    const app = await anApp();
    const spec = (await app.inject({ url: '/docs/json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/things']).toBeDefined();
    expect((await app.inject({ url: '/docs/' })).statusCode).toBe(200);
  });
});

describe('logger', () => {
  it('never writes secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = createLogger('test', 'info', sink);
    log.info({ req: { headers: { authorization: 'Bearer abc123' } }, user: { password: 'hunter2', apiKey: 'k-1' } }, 'hello');
    const out = lines.join('');
    expect(out).toContain('hello');
    expect(out).not.toContain('abc123');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('k-1');
  });
});
