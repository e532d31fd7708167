import type { FastifyInstance } from 'fastify';
import { catalogContext, tdsContext } from '../core/metadata/dcat-context.js';

/** Where every node serves our JSON-LD contexts (both nodes, the same documents). */
export const contextPaths = {
  extension: '/ns/context.jsonld',
  catalog: '/ns/catalog-context.jsonld',
} as const;

/**
 * Our JSON-LD contexts, served by the space's own hosts so that an unmodified JSON-LD processor
 * can resolve them: `https://w3id.org/trustspace/…` is not registered yet (docs/w3id/.htaccess is
 * the redirect file for when it is; ADR 0015). Public, immutable per release, cacheable for a day.
 */
export function registerContextRoutes(app: FastifyInstance): void {
  const serve = (path: string, document: unknown, summary: string) =>
    app.get(path, { config: { access: 'public' }, schema: { tags: ['operations'], summary } }, async (_request, reply) =>
      reply.type('application/ld+json').header('cache-control', 'public, max-age=86400').header('access-control-allow-origin', '*').send(JSON.stringify(document)),
    );
  serve(contextPaths.extension, tdsContext, 'The Trustspace JSON-LD extension context (the tds: vocabulary, DCAT terms we use)');
  serve(contextPaths.catalog, catalogContext, 'The Trustspace catalog JSON-LD context (the extension context plus the DCAT structural terms)');
}
