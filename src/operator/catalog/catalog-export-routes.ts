import { DomainError } from '../../core/errors/index.js';
import { formatCatalogSheet } from '../../core/metadata/catalog-sheet-export.js';
import { catalogContext } from '../../core/metadata/dcat-context.js';
import { toDcatJsonLd } from '../../core/metadata/dcat-jsonld.js';
import type { App } from '../../server/build-server.js';
import { SearchQuery } from '../../server/catalog/catalog-api-schemas.js';
import type { CatalogStore } from '../../store/catalog/catalog-store.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { CatalogFinder } from './catalog-finder.js';
import { filtersOf, searchers } from './catalog-access.js';
import { viewerOf } from './catalog-viewer.js';

const tags = ['catalog'];

/**
 * Catalog export for catalog compilers (目录编制): what a search finds, as the CSV catalog sheet
 * they exchange or as one DCAT catalog. The same visibility as the search: nothing else.
 */
export function registerCatalogExportRoutes(app: App, deps: { finder: CatalogFinder; store: CatalogStore; participants: ParticipantStore }): void {
  const { finder, store, participants } = deps;
  app.get('/api/v1/catalog/export', {
    config: { access: searchers },
    schema: {
      tags,
      summary: 'The entries a search finds (up to 500), as a CSV catalog sheet (目录名称, 数据项, 共享属性, …; Accept: text/csv) or a DCAT catalog in JSON-LD (Accept: application/ld+json)',
      querystring: SearchQuery,
    },
  }, async (request, reply) => {
    const accept = String(request.headers.accept ?? '');
    const format = accept.includes('text/csv') ? 'csv' : accept.includes('application/ld+json') ? 'jsonld' : undefined;
    if (!format) throw new DomainError('catalog.not-acceptable', 'Ask for text/csv (a catalog sheet) or application/ld+json (a DCAT catalog).');
    const q = request.query;
    const viewer = await viewerOf(request.principal, participants);
    const found = await finder.find(viewer, { ...(q.q ? { q: q.q } : {}), filters: filtersOf(q), sort: q.sort ?? (q.q ? 'relevance' : 'recent'), limit: Math.min(q.limit ?? 500, 500), offset: q.offset ?? 0 });
    const entries = (await store.findByIds(found.items.map((i) => i.id))).map((r) => r.entry);
    reply.header('vary', 'accept');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="catalog.csv"').send(formatCatalogSheet(entries));
    const datasets = entries.map((entry) => {
      const { '@context': _context, ...node } = toDcatJsonLd(entry);
      return node;
    });
    // The context inline: a JSON-LD processor expands the export offline, resolving nothing (ADR 0015).
    // The catalog context defines no `Catalog` or `dataset` term (a DSP catalog has its own), so
    // the wrapper uses compact IRIs its `dcat` prefix expands.
    return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify({ '@context': catalogContext['@context'], '@type': 'dcat:Catalog', 'dcat:dataset': datasets }));
  });

}
