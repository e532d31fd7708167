import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './build-server.js';

/**
 * Paths the console never answers: the nodes' APIs and documents. Unknown paths under them keep
 * the problem+json 404 of the not-found handler, whatever the client accepts.
 */
const reservedPrefixes = ['/api', '/ledger', '/docs', '/metrics', '/healthz', '/readyz', '/.well-known', '/dsp'];
const participantDocument = /^\/participants\/[^/]+\/did\.json$/;

export function isReservedPath(pathname: string): boolean {
  return reservedPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)) || participantDocument.test(pathname);
}

/**
 * Where the built console is: `dist/web` beside `dist/server` when running the build, and the
 * repository's `dist/web` when running from `src/server` under tsx or vitest.
 */
export function defaultWebRoot(moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const parent = path.dirname(here);
  return path.basename(parent) === 'dist' ? path.join(parent, 'web') : path.resolve(here, '../../dist/web');
}

const notBuiltPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>控制台尚未构建 · Console not built</title>
<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:640px;margin:80px auto;padding:0 24px;color:#1f2329;line-height:1.7}code{background:#f2f3f5;padding:2px 6px;border-radius:4px}</style></head>
<body>
<h1>控制台尚未构建</h1>
<p>本节点的接口运行正常，但网页控制台还没有构建。在代码目录中运行 <code>npm run build</code>（或只构建控制台：<code>npm run build:web</code>）后刷新本页。接口文档见 <a href="/docs">/docs</a>。</p>
<h1 lang="en">The console is not built</h1>
<p lang="en">This node's API is running, but its web console has not been built. Run <code>npm run build</code> (or just <code>npm run build:web</code>) in the checkout, then reload this page. The API is documented at <a href="/docs">/docs</a>.</p>
</body></html>
`;

const acceptsHtml = (request: FastifyRequest) => /text\/html|application\/xhtml\+xml/i.test(request.headers.accept ?? '');

export interface ConsoleStaticOptions {
  /** The folder holding the built console (index.html, assets/); defaults to {@link defaultWebRoot}. */
  root?: string;
}

/**
 * Serves the web console at `/`: hashed files under /assets/ cached for a year (immutable), other
 * files and index.html revalidated on every load (no-cache), and index.html for any other page
 * a browser asks for (the console's own routes). API paths, and requests that do not accept
 * HTML, fall through to the not-found handler and its problem+json 404. Whether the console is
 * built is checked per request, so building it does not need a restart, and a missing build
 * gives a short bilingual page instead of an error.
 */
export async function registerConsole(app: App, options: ConsoleStaticOptions = {}): Promise<void> {
  const root = path.resolve(options.root ?? defaultWebRoot());
  // Only the sendFile decorator: routing is ours, so API paths never reach the file system.
  await app.register(fastifyStatic, { root, serve: false, wildcard: false, index: false, dotfiles: 'deny', etag: true, lastModified: true });

  const sendIndex = (reply: FastifyReply) => {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltPage);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  };

  app.get('/*', {
    config: { access: 'public' },
    schema: { hide: true },
  }, (request, reply) => {
    const pathname = decodeURIComponentSafe(request.url.split('?')[0] ?? '/');
    if (pathname === undefined || isReservedPath(pathname)) return reply.callNotFound();
    if (pathname === '/' || pathname === '/index.html') return sendIndex(reply);

    const file = path.resolve(root, `.${pathname}`);
    const inside = file.startsWith(`${root}${path.sep}`);
    if (inside && isFile(file)) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      if (relative.startsWith('assets/')) {
        return reply.sendFile(relative, root, { cacheControl: true, maxAge: '365d', immutable: true });
      }
      return reply.header('cache-control', 'no-cache').sendFile(relative, root, { cacheControl: false });
    }
    // A console page (e.g. /review/p_1): the app routes it. A missing asset stays a 404.
    if (acceptsHtml(request) && !pathname.startsWith('/assets/')) return sendIndex(reply);
    return reply.callNotFound();
  });
}

function decodeURIComponentSafe(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
