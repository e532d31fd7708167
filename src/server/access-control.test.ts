import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { buildServer } from './build-server.js';
import { principalOf, registerAccessControl } from './access-control.js';

async function anApp() {
  const app = await buildServer({ node: 'test', title: 'Test', version: '0', description: 'test', readiness: [], metricsAccess: ['read'] });
  registerAccessControl(app, async (token) =>
    token === 'reader' ? { grants: new Set(['read']), actor: 'user:reader' } : token === 'writer' ? { grants: new Set(['read', 'write']), actor: 'user:writer' } : undefined,
  );
  app.get('/open', { config: { access: 'public' } }, async () => ({ ok: true }));
  app.get('/read', { config: { access: ['read'] } }, async (request) => ({ actor: principalOf(request).actor }));
  app.post('/write', {
    config: { access: ['write'] },
    schema: { body: Type.Object({ name: Type.String() }, { additionalProperties: false }) },
  }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('access control', () => {
  it('serves public routes to anyone and tells the handler who called otherwise', async () => {
    const app = await anApp();
    expect((await app.inject({ url: '/open' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/read', headers: { authorization: 'Bearer reader' } })).json()).toEqual({ actor: 'user:reader' });
  });

  it('answers 401 for a missing or unknown token and 403 for a known caller without the grant', async () => {
    const app = await anApp();
    expect((await app.inject({ url: '/read' })).json().code).toBe('auth.missing-credentials');
    expect((await app.inject({ url: '/read', headers: { authorization: 'Bearer nope' } })).json().code).toBe('auth.invalid-credentials');
    const forbidden = await app.inject({ method: 'POST', url: '/write', headers: { authorization: 'Bearer reader' }, payload: { name: 'x' } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('auth.forbidden');
  });

  it('checks access before validating the body, so outsiders learn nothing of the schema', async () => {
    const app = await anApp();
    const outsider = await app.inject({ method: 'POST', url: '/write', payload: { wrong: 1 } });
    expect(outsider.statusCode).toBe(401);
    const insider = await app.inject({ method: 'POST', url: '/write', headers: { authorization: 'Bearer writer' }, payload: { wrong: 1 } });
    expect(insider.statusCode).toBe(400);
  });

  it('refuses at startup a route that declares no access', async () => {
    const app = await buildServer({ node: 'test', title: 'Test', version: '0', description: 'test', readiness: [], metricsAccess: ['read'] });
    registerAccessControl(app, async () => undefined);
    expect(() => app.get('/forgotten', async () => ({}))).toThrow(/declares no access/);
  });
});
