import helmet from '@fastify/helmet';
import type { App } from './build-server.js';

/**
 * The console's Content Security Policy: scripts only from the node itself (Vite emits no inline
 * script), no plugins, no framing by anyone (clickjacking), no <base> or form targets elsewhere.
 * Styles allow 'unsafe-inline' because ECharts and the not-built page set inline styles; style
 * injection cannot run script under this policy.
 */
export const consoleCsp = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * @fastify/helmet on every response of the node, APIs included: CSP with frame-ancestors 'none',
 * X-Frame-Options DENY, nosniff, Referrer-Policy no-referrer, HSTS (honoured over HTTPS only),
 * cross-origin opener/resource isolation. Swagger UI at /docs keeps the CSP it ships with
 * (@fastify/swagger-ui `staticCSP`, scripts from 'self' only), tightened to frame-ancestors 'none'.
 */
export async function registerSecurityHeaders(app: App): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: consoleCsp },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Swagger UI's own CSP, minus what does not fit a node: framing and the upgrade of plain HTTP. */
export function swaggerCsp(header: string): string {
  return header.replace(/frame-ancestors [^;]*;/, "frame-ancestors 'none';").replace(/\s*upgrade-insecure-requests;?/, '');
}
