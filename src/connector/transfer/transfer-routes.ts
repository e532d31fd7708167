import { createReadStream } from 'node:fs';
import type { ReceivedRecord, TransferRecord } from '../../core/contracts/contract-records.js';
import { DomainError } from '../../core/errors/index.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import type { UsageStore } from '../../store/contracts/usage-store.js';
import type { PullClient } from '../dataplane/pull-client.js';
import { connectorGrants } from '../identity/connector-principals.js';
import { EdrView, IdParams, OptionalReasonBody, Page, paged, TransferPageQuery, ReceivedView, StartTransferBody, TransferAction, TransferView } from '../negotiation/contract-schemas.js';
import { Type } from 'typebox';
import type { TransferService } from './transfer-service.js';

const manage = [connectorGrants.manage];
const tags = ['transfers'];

export function transferView(r: TransferRecord) {
  return {
    id: r.id,
    role: r.role,
    state: r.state ?? null,
    ...(r.peerPid ? { peerPid: r.peerPid } : {}),
    peerDid: r.peerDid,
    agreementId: r.agreementId,
    format: r.format,
    ...(r.outbox ? { sending: r.outbox.kind } : {}),
    attempts: r.attempts,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.content ? { content: r.content } : {}),
    hasDataAddress: r.role === 'consumer' && r.dataAddressCipher !== undefined,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const receivedView = ({ path: _path, ...r }: ReceivedRecord) => r;

/**
 * The management API of transfers (API key): start one under an agreement, follow it, suspend,
 * resume, complete or terminate it; as consumer, pull the data into the received store and read
 * what arrived (under which agreement, with its hash).
 */
export function registerTransferRoutes(app: App, deps: { transfers: TransferService; pull: PullClient; usage: UsageStore }): void {
  app.post('/api/v1/transfers', {
    config: { access: manage },
    schema: { tags, summary: 'Start a transfer process (数据传输) under an agreement, as consumer', body: StartTransferBody, response: { 201: TransferView } },
  }, async (request, reply) => reply.code(201).send(transferView(await deps.transfers.start(request.body, principalOf(request).actor))));

  app.get('/api/v1/transfers', {
    config: { access: manage },
    schema: { tags, summary: 'Transfers, most recently changed first', querystring: TransferPageQuery, response: { 200: Page(TransferView) } },
  }, async (request) => {
    const page = await deps.transfers.list(paged(request.query));
    return { items: page.items.map(transferView), total: page.total };
  });

  app.get('/api/v1/transfers/:id', {
    config: { access: manage },
    schema: { tags, summary: 'One transfer', params: IdParams, response: { 200: TransferView } },
  }, async (request) => transferView(await deps.transfers.get(request.params.id)));

  app.post('/api/v1/transfers/:id/:action', {
    config: { access: manage },
    schema: { tags, summary: 'Suspend, resume, complete or terminate a transfer; the provider stops serving at once', params: Type.Object({ id: IdParams.properties.id, action: TransferAction }), body: OptionalReasonBody, response: { 200: TransferView } },
  }, async (request) => transferView(await deps.transfers.control(request.params.id, request.params.action, request.body?.reason, principalOf(request).actor)));

  app.get('/api/v1/transfers/:id/edr', {
    config: { access: manage },
    schema: {
      tags,
      summary: "Consumer: the endpoint data reference (EDR) the provider sent — where to pull from and the short-lived token — for this participant's own applications",
      params: IdParams,
      response: { 200: EdrView },
    },
  }, async (request) => {
    const transfer = await deps.transfers.get(request.params.id);
    const address = transfer.role === 'consumer' ? deps.transfers.dataAddressOf(transfer) : undefined;
    if (!address?.endpoint) throw new DomainError('transfer.not-allowed', 'No data address for this transfer (not a started pull transfer of ours).');
    const property = (name: string) => address.endpointProperties?.find((p) => p.name === name)?.value;
    return { endpoint: address.endpoint, authorization: `Bearer ${property('authorization') ?? ''}`, ...(property('expiresAt') ? { expiresAt: property('expiresAt') } : {}) };
  });

  app.post('/api/v1/transfers/:id/pull', {
    config: { access: manage },
    schema: {
      tags,
      summary: "Consumer: download the transfer's data from the provider into this connector (resumes a partial download)",
      params: IdParams,
      body: Type.Object({ purpose: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
      response: { 201: ReceivedView },
    },
  }, async (request, reply) => reply.code(201).send(receivedView(await deps.pull.pull(request.params.id, principalOf(request).actor, request.body ?? {}))));

  app.get('/api/v1/received', {
    config: { access: manage },
    schema: { tags, summary: 'What this connector received, under which agreement', querystring: Type.Object({ agreementId: Type.Optional(Type.String({ maxLength: 500 })) }), response: { 200: Page(ReceivedView) } },
  }, async (request) => {
    const items = (await deps.usage.received(request.query.agreementId)).map(receivedView);
    return { items, total: items.length };
  });

  app.get('/api/v1/received/:id/content', {
    config: { access: manage },
    schema: { tags, summary: 'The content of something received, as it arrived', params: IdParams, produces: ['application/octet-stream'] },
  }, async (request, reply) => {
    const item = await deps.usage.receivedById(request.params.id);
    if (!item) throw new DomainError('transfer.not-found', `Nothing received as ${request.params.id}.`);
    return reply
      .type(item.mediaType)
      .header('content-length', String(item.bytes))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${item.datasetId.split(':').pop() ?? 'data'}${item.path.match(/\.\w+$/)?.[0] ?? ''}`)}`)
      .send(createReadStream(item.path));
  });
}
