import type { App } from '../../server/build-server.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import { DomainError } from '../../core/errors/index.js';
import { connectorGrants } from '../identity/connector-principals.js';
import { AssetParams, PublicationSchema, PublishBody, ReasonBody } from './asset-schemas.js';
import type { PublicationService } from './publication-service.js';

const tags = ['assets'];
const manage = [connectorGrants.manage];

/** Publication of an asset in the operator's catalog, and the review outcome that comes back. */
export function registerPublicationRoutes(app: App, deps: { publications: PublicationService; store: AssetStore }): void {
  const { publications, store } = deps;

  app.post('/api/v1/assets/:id/publication', {
    config: { access: manage },
    schema: { tags, summary: 'Publish (a new version of) the asset with its offers and visibility (数据发布); the operator reviews it at once', params: AssetParams, body: PublishBody, response: { 201: PublicationSchema } },
  }, async (request, reply) => reply.code(201).send(await publications.publish(request.params.id, request.body.offers, request.body.visibility)));

  app.get('/api/v1/assets/:id/publication', {
    config: { access: manage },
    schema: { tags, summary: "The publication's status and review outcome, as the operator has it now", params: AssetParams, response: { 200: PublicationSchema } },
  }, async (request) => {
    const publication = await publications.refresh(request.params.id).catch(async (error: unknown) => {
      // The operator may be away: the last known state is still worth showing.
      if (error instanceof DomainError && error.code === 'identity.operator-unreachable') return store.publication(request.params.id);
      throw error;
    });
    if (!publication) throw new DomainError('asset.not-published', `Asset ${request.params.id} was never published.`);
    return publication;
  });

  for (const action of ['unpublish', 'withdraw'] as const) {
    app.post(`/api/v1/assets/:id/publication/${action}`, {
      config: { access: manage },
      schema: { tags, summary: action === 'unpublish' ? 'Take the asset off the catalog (it may be published again)' : 'Withdraw the asset from the catalog for good', params: AssetParams, body: ReasonBody, response: { 200: PublicationSchema } },
    }, async (request) => publications[action](request.params.id, request.body.reason));
  }
}
