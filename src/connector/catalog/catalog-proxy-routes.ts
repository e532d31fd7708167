import type { App } from '../../server/build-server.js';
import type { Static } from 'typebox';
import { Directory } from '../../server/directory-schemas.js';
import { EntryParams, EntryQuery, EntryRecordSchema, SearchQuery, SearchResult } from '../../server/catalog/catalog-api-schemas.js';
import { negotiateEntryFormat, sendDocument } from '../../server/catalog/entry-representation.js';
import { connectorGrants } from '../identity/connector-principals.js';
import type { OperatorClient } from '../space/operator-client.js';
import type { RemoteCatalog } from './remote-catalog.js';

const tags = ['catalog'];
const manage = [connectorGrants.manage];

/**
 * Discovery for the participant through its own connector: the connector asks the operator's
 * catalog with the participant's identity, so the operator applies that participant's
 * visibility. Answers pass through unchanged (JSON, DCAT JSON-LD or Turtle).
 */
export function registerCatalogProxyRoutes(app: App, operator: OperatorClient, remote: RemoteCatalog): void {
  app.get('/api/v1/catalog/search', {
    config: { access: manage },
    schema: { tags, summary: 'Search the space catalog as this participant (数据发现)', querystring: SearchQuery, response: { 200: SearchResult } },
  }, async (request) => {
    const query = new URLSearchParams(Object.entries(request.query).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
    return operator.json('GET', `/api/v1/catalog/search?${query.toString()}`, undefined, acceptLanguage(request.headers['accept-language']));
  });

  app.get('/api/v1/catalog/entries/:id', {
    config: { access: manage },
    schema: { tags, summary: 'One catalog entry as this participant may see it: JSON, DCAT JSON-LD or Turtle by Accept', params: EntryParams, querystring: EntryQuery, response: { 200: EntryRecordSchema } },
  }, async (request, reply) => {
    const format = negotiateEntryFormat(request.headers.accept);
    const accept = format === 'jsonld' ? 'application/ld+json' : format === 'turtle' ? 'text/turtle' : 'application/json';
    const path = `/api/v1/catalog/entries/${encodeURIComponent(request.params.id)}${request.query.version ? `?version=${request.query.version}` : ''}`;
    const answer = await operator.send('GET', path, undefined, { accept, ...acceptLanguage(request.headers['accept-language']) });
    if (format === 'json') return JSON.parse(answer.body);
    return sendDocument(reply, answer.contentType, answer.body);
  });

  app.get('/api/v1/catalog/entries/:id/offers', {
    config: { access: manage },
    schema: { tags, summary: "The entry's live offers from the provider's own DSP catalog (a DSP Dataset), found through the operator's resolution", params: EntryParams },
  }, async (request) => remote.datasetOf(request.params.id));

  app.get('/api/v1/catalog/notices', {
    config: { access: manage },
    schema: { tags, summary: 'Notices about entries this participant read: newer versions, withdrawals' },
  }, async () => operator.json('GET', '/api/v1/catalog/notices'));

  app.get('/api/v1/directory', {
    config: { access: manage },
    schema: { tags: ['identity'], summary: "The space's participant directory (names of admitted participants and staff reviewers), asked as this participant", response: { 200: Directory } },
  }, async () => operator.json<Static<typeof Directory>>('GET', '/api/v1/directory'));
}

const acceptLanguage = (value: string | undefined): Record<string, string> => (value ? { 'accept-language': value } : {});
