import { Type } from 'typebox';
import { dspContextUrl } from '../../core/metadata/dcat-context.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import type { AssetStore } from '../../store/assets/asset-store.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import { connectorGrants, type PeerPrincipal } from '../identity/connector-principals.js';
import { dspCatalog, dspDataset, peerMaySee, type DspPeer } from './dsp-catalog.js';

/** The base path of this connector's Dataspace Protocol endpoints (HTTPS binding). */
export const dspBasePath = '/dsp';
const tags = ['dsp'];
// The DSP context alone: our metadata members are spelled as full IRIs (core/metadata/dsp-only-jsonld.ts).
const context = [dspContextUrl];

const CatalogRequestMessage = Type.Object(
  {
    '@context': Type.Unknown(),
    '@type': Type.Literal('CatalogRequestMessage'),
    filter: Type.Optional(Type.Array(Type.Unknown())),
  },
  { additionalProperties: true },
);

const peerOf = (principal: PeerPrincipal | undefined): DspPeer => ({
  ...(principal?.peer?.participantId ? { participantId: principal.peer.participantId } : {}),
  roles: principal?.peer?.roles ?? [],
});

/**
 * The connector's own catalog over the Dataspace Protocol 2025-1 (catalog request and dataset
 * request, HTTPS binding) for other members' connectors, and the version metadata that tells
 * them where it lives. The DCAT mapping is core's, shared with the operator's catalog.
 */
export function registerDspCatalogRoutes(app: App, deps: { store: AssetStore; identity: ConnectorIdentityService; publicUrl: string }): void {
  const endpointUrl = `${deps.publicUrl.replace(/\/+$/, '')}${dspBasePath}`;
  const service = async () => {
    const { did } = await deps.identity.identity();
    return { did, serviceId: `${did}#dsp` };
  };
  const visible = async (peer: DspPeer) => (await deps.store.published()).filter(({ publication }) => peerMaySee(publication.visibility, peer));

  app.get('/.well-known/dspace-version', {
    config: { access: 'public' },
    schema: { tags, summary: 'Dataspace Protocol versions this connector speaks, and where' },
  }, async () => ({ protocolVersions: [{ version: '2025-1', path: dspBasePath, binding: 'HTTPS', identifierType: 'did:web' }] }));

  app.post(`${dspBasePath}/catalog/request`, {
    config: { access: [connectorGrants.peer] },
    schema: { tags, summary: 'DSP catalog request: the published datasets the calling member may see', body: CatalogRequestMessage },
  }, async (request, reply) => {
    const { did, serviceId } = await service();
    const datasets = (await visible(peerOf(principalOf(request) as PeerPrincipal))).map(({ asset, publication }) => dspDataset(asset, publication, serviceId));
    return reply.type('application/json').send(dspCatalog({ did, serviceId, endpointUrl, datasets, context }));
  });

  app.get(`${dspBasePath}/catalog/datasets/:id`, {
    config: { access: [connectorGrants.peer] },
    schema: { tags, summary: 'DSP dataset request: one dataset by id', params: Type.Object({ id: Type.String({ maxLength: 500 }) }) },
  }, async (request, reply) => {
    const { serviceId } = await service();
    const found = (await visible(peerOf(principalOf(request) as PeerPrincipal))).find(({ publication }) => publication.entryId === request.params.id);
    if (!found) {
      return reply.code(404).type('application/json').send({ '@context': [dspContextUrl], '@type': 'CatalogError', code: '404', reason: [`No dataset ${request.params.id}`] });
    }
    return reply.type('application/json').send({ '@context': context, ...dspDataset(found.asset, found.publication, serviceId) });
  });
}
