import { describe, expect, it } from 'vitest';
import { buildServer } from './build-server.js';
import { registerAccessControl } from './access-control.js';

async function anApp() {
  const app = await buildServer({ node: 'test', title: 'Test', version: '0', description: 'test', readiness: [], metricsAccess: ['metrics:read'] });
  registerAccessControl(app, async () => undefined);
  app.get('/api/v1/thing', { config: { access: 'public' } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('security headers', () => {
  it('sends CSP with frame-ancestors none, nosniff, no-referrer and X-Frame-Options on the console and the APIs', async () => {
    const app = await anApp();
    for (const url of ['/', '/api/v1/thing', '/api/v1/nothing-here']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    await app.close();
  });

  it('gives Swagger UI its own CSP, scripts from the node only, that still forbids framing', async () => {
    const app = await anApp();
    const res = await app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'[^;]*;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    await app.close();
  });
});
