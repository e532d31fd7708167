import type { CatalogRecord } from '../../core/catalog/catalog-record.js';
import { vocabulary } from '../../core/metadata/vocabulary.js';
import { DomainError } from '../../core/errors/index.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import type { CatalogStore } from '../../store/catalog/catalog-store.js';
import { principalOf } from '../../server/access-control.js';
import type { OperatorPrincipal } from '../accounts/operator-principals.js';
import type { App } from '../../server/build-server.js';
import { negotiateEntryFormat, sendEntryAs } from '../../server/catalog/entry-representation.js';
import type { CatalogFinder } from './catalog-finder.js';
import {
  ActionBody,
  DecisionBody,
  EntryList,
  HistorySchema,
  NoticeList,
  NoticesReadBody,
  PublicationBody,
  QueueQuery,
  Resolution,
  ResolveQuery,
} from './catalog-route-schemas.js';
import { EntryParams, EntryQuery, EntryRecordSchema, SearchQuery, SearchResult } from '../../server/catalog/catalog-api-schemas.js';
import type { CatalogService } from './catalog-service.js';
import { viewerOf } from './catalog-viewer.js';
import { registerCatalogExportRoutes } from './catalog-export-routes.js';
import { filtersOf, overseers, ownReaders, providers, reviewers, searchers } from './catalog-access.js';

export interface CatalogRouteDeps {
  catalog: CatalogService;
  finder: CatalogFinder;
  store: CatalogStore;
  participants: ParticipantStore;
}

const tags = ['catalog'];

/** The entry with status, review and visibility: for its provider and the operator's staff. */
export function recordView(record: CatalogRecord, shown?: { entry: CatalogRecord['entry']; offers: CatalogRecord['offers']; version: number }, full = true) {
  return {
    id: record.id,
    status: record.status,
    version: shown?.version ?? record.version,
    provider: { id: record.providerId, name: record.providerName },
    entry: shown?.entry ?? record.entry,
    offers: shown?.offers ?? record.offers,
    ...(full ? { visibility: record.visibility, ...(record.review ? { review: record.review } : {}) } : {}),
    latestVersion: record.version,
    ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
    updatedAt: record.updatedAt,
  };
}

/** The space-wide catalog: publication, review, discovery, resolution and version notices. */
export function registerCatalogRoutes(app: App, deps: CatalogRouteDeps): void {
  const { catalog, finder, store, participants } = deps;
  registerCatalogExportRoutes(app, { finder, store, participants });

  app.post('/api/v1/catalog/publications', {
    config: { access: providers },
    bodyLimit: 4 * 1024 * 1024,
    schema: { tags, summary: "Publish a new version of one's entry (数据发布); reviewed at once (资源规范性审查)", body: PublicationBody, response: { 201: EntryRecordSchema } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const record = await catalog.publish(principal.participantId ?? '', principal.actor, request.body);
    return reply.code(201).send(recordView(record));
  });

  app.get('/api/v1/catalog/search', {
    config: { access: searchers },
    schema: { tags, summary: 'Search the entries the caller may see (数据发现): full text in Chinese and English, facets, filters', querystring: SearchQuery, response: { 200: SearchResult } },
  }, async (request) => {
    const q = request.query;
    const viewer = await viewerOf(request.principal, participants);
    const found = await finder.find(viewer, { ...(q.q ? { q: q.q } : {}), filters: filtersOf(q), sort: q.sort ?? (q.q ? 'relevance' : 'recent'), limit: q.limit ?? 20, offset: q.offset ?? 0 });
    // Provider facet values carry the provider's name, the only facet whose value is an opaque id.
    const names = new Map(found.items.map((i) => [i.provider.id, i.provider.name]));
    const facets = Object.fromEntries(
      Object.entries(found.facets).map(([facet, values]) => [facet, values.map((v) => (facet === 'provider' && names.has(v.value) ? { ...v, label: names.get(v.value) } : v))]),
    );
    return { items: found.items, total: found.total, facets };
  });

  app.get('/api/v1/catalog/entries/:id', {
    config: { access: searchers },
    schema: {
      tags,
      summary: 'One entry: JSON, DCAT JSON-LD (Accept: application/ld+json) or Turtle (Accept: text/turtle); 404 when the caller may not see it',
      params: EntryParams,
      querystring: EntryQuery,
      response: { 200: EntryRecordSchema },
    },
  }, async (request, reply) => {
    const format = negotiateEntryFormat(request.headers.accept);
    const viewer = await viewerOf(request.principal, participants);
    const { record, shown } = await catalog.read(request.params.id, viewer, request.query.version);
    if (format !== 'json') return sendEntryAs(reply, format, shown.entry);
    const full = viewer.kind === 'overseer' || record.providerId === principalOf(request).participantId;
    return recordView(record, shown, full);
  });

  app.get('/api/v1/catalog/entries/:id/history', {
    config: { access: [...overseers, ...ownReaders] },
    schema: { tags, summary: 'Versions, reviews and events of an entry, each with its evidence hash (provider and staff only)', params: EntryParams, response: { 200: HistorySchema } },
  }, async (request) => {
    const viewer = await viewerOf(request.principal, participants);
    const { record } = await catalog.read(request.params.id, viewer);
    if (viewer.kind !== 'overseer' && record.providerId !== principalOf(request).participantId) throw new DomainError('catalog.entry-not-found', `No catalog entry ${record.id} of yours.`);
    const [versions, reviews, events] = await Promise.all([store.versions(record.id), store.reviews(record.id), store.events(record.id)]);
    return { versions, reviews, events };
  });

  for (const action of ['unpublish', 'withdraw'] as const) {
    app.post(`/api/v1/catalog/entries/:id/${action}`, {
      config: { access: providers },
      schema: { tags, summary: action === 'unpublish' ? 'Take one’s entry off the catalog (撤回发布); it may be published again' : 'Withdraw one’s entry for good (下架); its URN resolves as withdrawn', params: EntryParams, body: ActionBody, response: { 200: EntryRecordSchema } },
    }, async (request) => {
      const principal = principalOf(request);
      const record = await catalog[action](request.params.id, principal.participantId ?? '', principal.actor, request.body.reason);
      return recordView(record);
    });
  }

  app.get('/api/v1/catalog/reviews', {
    config: { access: overseers },
    schema: { tags, summary: 'The review queue (审核队列): entries by status, pending review by default, oldest first', querystring: QueueQuery, response: { 200: EntryList } },
  }, async (request) => {
    const { status = 'pending_review', limit = 20, offset = 0 } = request.query;
    const { items, total } = await store.listByStatus(status, limit, offset);
    return { items: items.map((r) => recordView(r)), total };
  });

  app.post('/api/v1/catalog/entries/:id/review', {
    config: { access: reviewers },
    schema: { tags, summary: 'Approve or reject an entry waiting for manual review (人工审核); rejecting needs a reason', params: EntryParams, body: DecisionBody, response: { 200: EntryRecordSchema } },
  }, async (request) => {
    const principal = principalOf(request) as OperatorPrincipal;
    const person = principal.user ? { id: principal.user.id, name: principal.user.displayName } : undefined;
    const record = await catalog.decide(request.params.id, request.body.decision, request.body.reason, principal.actor, person);
    return recordView(record);
  });

  app.get('/api/v1/catalog/mine', {
    config: { access: ownReaders },
    schema: { tags, summary: "The caller's own entries with their status and review outcome", response: { 200: EntryList } },
  }, async (request) => {
    const items = await store.listByProvider(principalOf(request).participantId ?? '');
    return { items: items.map((r) => recordView(r)), total: items.length };
  });

  app.get('/api/v1/catalog/resolve', {
    config: { access: searchers },
    schema: { tags, summary: 'Resolve a resource URN to its provider, connector and access modes (标识解析)', querystring: ResolveQuery, response: { 200: Resolution } },
  }, async (request) => catalog.resolve(request.query.id, await viewerOf(request.principal, participants)));

  app.get('/api/v1/catalog/notices', {
    config: { access: ownReaders },
    schema: { tags, summary: 'Notices about entries the caller read: newer versions, unpublished, withdrawn (版本变更通知)', response: { 200: NoticeList } },
  }, async (request) => ({ items: await store.notices(principalOf(request).participantId ?? '', 100) }));

  app.post('/api/v1/catalog/notices/read', {
    config: { access: ownReaders },
    schema: { tags, summary: 'Mark notices up to an id as read', body: NoticesReadBody, response: { 204: { type: 'null' } } },
  }, async (request, reply) => {
    await store.markNoticesRead(principalOf(request).participantId ?? '', request.body.upTo, new Date().toISOString());
    return reply.code(204).send(null);
  });

  app.get('/api/v1/catalog/vocabulary', {
    config: { access: searchers },
    schema: { tags, summary: 'The shared vocabulary fields are mapped to (语义映射)' },
  }, async () => ({ concepts: vocabulary }));
  // The JSON-LD contexts are served by every node: server/context-routes.ts.
}
