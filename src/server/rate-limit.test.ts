import { describe, expect, it } from 'vitest';
import { buildServer } from './build-server.js';
import { registerAccessControl } from './access-control.js';
import type { RateLimits } from './rate-limit.js';

async function anApp(rateLimits: Partial<RateLimits>, trustProxy?: string[]) {
  const app = await buildServer({ node: 'test', title: 'Test', version: '0', description: 'test', readiness: [], metricsAccess: ['read'], rateLimits, ...(trustProxy ? { trustProxy } : {}) });
  let verified = 0;
  registerAccessControl(app, async (token) => {
    verified += 1;
    return token === 'good' ? { grants: new Set(['read', 'peer']), actor: 'user:good' } : undefined;
  });
  app.get('/ledger/checkpoint', { config: { access: 'public' } }, async () => ({ ok: true }));
  app.post('/api/v1/auth/login', { config: { access: 'public' } }, async () => ({ ok: true }));
  app.get('/api/v1/private', { config: { access: ['read'] } }, async () => ({ ok: true }));
  app.post('/dsp/catalog/request', { config: { access: ['peer'] } }, async () => ({ ok: true }));
  await app.ready();
  return { app, verifications: () => verified };
}

describe('rate limits on public routes', () => {
  it('answers 429 problem+json with Retry-After past the limit, per client address', async () => {
    const { app } = await anApp({ publicRead: 3 });
    const from = (remoteAddress: string) => app.inject({ url: '/ledger/checkpoint', remoteAddress });
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.1')).statusCode).toBe(200);
    const limited = await from('203.0.113.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'request.rate-limited', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await from('198.51.100.2')).statusCode).toBe(200);
    await app.close();
  });

  it('limits login on its own, tighter budget, and leaves authenticated routes alone', async () => {
    const { app } = await anApp({ login: 2, publicRead: 100 });
    const login = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect((await login()).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(429);
    expect((await app.inject({ url: '/ledger/checkpoint' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/api/v1/private', headers: { authorization: 'Bearer good' } })).statusCode).toBe(200);
    await app.close();
  });

  it('refuses a flood of DSP requests before their tokens are verified', async () => {
    const { app, verifications } = await anApp({ peer: 2 });
    const call = () => app.inject({ method: 'POST', url: '/dsp/catalog/request', headers: { authorization: 'Bearer forged' }, payload: {} });
    expect((await call()).statusCode).toBe(401);
    expect((await call()).statusCode).toBe(401);
    expect((await call()).statusCode).toBe(429);
    expect(verifications()).toBe(2);
    await app.close();
  });

  it('counts clients by X-Forwarded-For only behind a configured trusted proxy', async () => {
    const forwarded = (app: Awaited<ReturnType<typeof anApp>>['app'], client: string) =>
      app.inject({ url: '/ledger/checkpoint', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': client } });
    const direct = (await anApp({ publicRead: 1 })).app;
    expect((await forwarded(direct, '203.0.113.1')).statusCode).toBe(200);
    // Without trustProxy the header is ignored: a spoofed address does not get a fresh budget.
    expect((await forwarded(direct, '203.0.113.2')).statusCode).toBe(429);
    const proxied = (await anApp({ publicRead: 1 }, ['10.0.0.5'])).app;
    expect((await forwarded(proxied, '203.0.113.1')).statusCode).toBe(200);
    expect((await forwarded(proxied, '203.0.113.2')).statusCode).toBe(200);
    expect((await forwarded(proxied, '203.0.113.1')).statusCode).toBe(429);
    await direct.close();
    await proxied.close();
  });
});
