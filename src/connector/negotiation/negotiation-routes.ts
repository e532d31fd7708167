import type { AgreementRecord, NegotiationRecord } from '../../core/contracts/contract-records.js';
import { agreementChannels } from '../../core/contracts/agreement-channels.js';
import { DomainError } from '../../core/errors/index.js';
import { describePolicy, parsePolicy } from '../../core/policy/index.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import type { RemoteCatalog } from '../catalog/remote-catalog.js';
import { connectorGrants } from '../identity/connector-principals.js';
import type { AgreementService } from './agreement-service.js';
import { Type } from 'typebox';
import type { DutyService } from './duty-service.js';
import { AccessView, AgreementView, DutyViewSchema, PerformDutyBody, IdParams, NegotiationView, Page, PageQuery, paged, ReasonBody, StartNegotiationBody } from './contract-schemas.js';
import type { NegotiationService } from './negotiation-service.js';

const manage = [connectorGrants.manage];

export function negotiationView(r: NegotiationRecord) {
  return {
    id: r.id,
    role: r.role,
    state: r.state ?? null,
    ...(r.peerPid ? { peerPid: r.peerPid } : {}),
    peerDid: r.peerDid,
    ...(r.peerParticipant ? { peerParticipant: r.peerParticipant } : {}),
    datasetId: r.datasetId,
    offer: r.offer,
    ...(r.purpose ? { purpose: r.purpose } : {}),
    ...(r.processingLocation ? { processingLocation: r.processingLocation } : {}),
    ...(r.agreementId ? { agreementId: r.agreementId } : {}),
    ...(r.outbox ? { sending: r.outbox.kind } : {}),
    attempts: r.attempts,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function agreementView(a: AgreementRecord, extra: { evidence?: Array<{ ledgerIndex: number; type: string; at: string; leafHash: string }> } = {}) {
  const parsed = parsePolicy(a.policy);
  const { version: _version, ...rest } = a;
  return {
    ...rest,
    allowedChannels: agreementChannels(a),
    ...(parsed.ok ? { description: { 'zh-CN': describePolicy(parsed.policy, 'zh-CN'), en: describePolicy(parsed.policy, 'en') } } : {}),
    ...extra,
  };
}

/**
 * The management API of contract negotiation and agreements (API key): start a negotiation from a
 * catalog entry or against any DSP connector, follow it, accept an offer, terminate; read
 * agreements with their policy in words, signatures, ledger receipts and usage; revoke one.
 */
export function registerNegotiationRoutes(app: App, deps: { negotiations: NegotiationService; agreements: AgreementService; duties: DutyService; remote: RemoteCatalog }): void {
  app.post('/api/v1/negotiations', {
    config: { access: manage },
    schema: { tags: ['negotiations'], summary: 'Start a contract negotiation (合约协商) for an offer, as consumer', body: StartNegotiationBody, response: { 201: NegotiationView } },
  }, async (request, reply) => {
    const body = request.body;
    const actor = principalOf(request).actor;
    if ('entryId' in body) {
      const located = await deps.remote.locate(body.entryId);
      const offers = asArray(located.dataset.hasPolicy).filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null);
      const offer = body.offerId ? offers.find((o) => o['@id'] === body.offerId) : offers[0];
      if (!offer) throw new DomainError('negotiation.invalid', body.offerId ? `The provider offers no ${body.offerId} for this entry.` : 'The provider offers nothing for this entry.', [{ pointer: '/offerId', detail: 'no such offer' }]);
      const record = await deps.negotiations.request(
        { providerAddress: located.dspBase, providerDid: located.providerDid, providerParticipant: located.providerParticipant, datasetId: body.entryId, offer, ...(body.purpose ? { purpose: body.purpose } : {}), ...(body.processingLocation ? { processingLocation: body.processingLocation } : {}) },
        actor,
      );
      return reply.code(201).send(negotiationView(record));
    }
    const record = await deps.negotiations.request({ providerAddress: body.providerAddress.replace(/\/+$/, ''), providerDid: body.providerDid, datasetId: body.datasetId, offer: body.offer, ...(body.purpose ? { purpose: body.purpose } : {}), ...(body.processingLocation ? { processingLocation: body.processingLocation } : {}) }, actor);
    return reply.code(201).send(negotiationView(record));
  });

  app.get('/api/v1/negotiations', {
    config: { access: manage },
    schema: { tags: ['negotiations'], summary: 'Negotiations, most recently changed first', querystring: PageQuery, response: { 200: Page(NegotiationView) } },
  }, async (request) => {
    const page = await deps.negotiations.list(paged(request.query));
    return { items: page.items.map(negotiationView), total: page.total };
  });

  app.get('/api/v1/negotiations/:id', {
    config: { access: manage },
    schema: { tags: ['negotiations'], summary: 'One negotiation', params: IdParams, response: { 200: NegotiationView } },
  }, async (request) => negotiationView(await deps.negotiations.get(request.params.id)));

  app.post('/api/v1/negotiations/:id/accept', {
    config: { access: manage },
    schema: { tags: ['negotiations'], summary: "Accept the provider's offer (consumer, state OFFERED)", params: IdParams, response: { 200: NegotiationView } },
  }, async (request) => negotiationView(await deps.negotiations.accept(request.params.id, principalOf(request).actor)));

  app.post('/api/v1/negotiations/:id/terminate', {
    config: { access: manage },
    schema: { tags: ['negotiations'], summary: 'Terminate a negotiation that is not over', params: IdParams, body: ReasonBody, response: { 200: NegotiationView } },
  }, async (request) => negotiationView(await deps.negotiations.terminate(request.params.id, request.body.reason, principalOf(request).actor)));

  app.get('/api/v1/agreements', {
    config: { access: manage },
    schema: { tags: ['agreements'], summary: 'Agreements this participant is party to', querystring: PageQuery, response: { 200: Page(AgreementView) } },
  }, async (request) => {
    const { state, ...rest } = request.query;
    const page = await deps.agreements.list({ ...paged(rest), ...(state ? { status: state as AgreementRecord['status'] } : {}) });
    return { items: page.items.map((a) => agreementView(a)), total: page.total };
  });

  app.get('/api/v1/agreements/:id', {
    config: { access: manage },
    schema: { tags: ['agreements'], summary: 'One agreement: policy in words (zh-CN, en), hash, both signatures and its ledger receipts', params: IdParams, response: { 200: AgreementView } },
  }, async (request) => {
    const agreement = await deps.agreements.get(request.params.id);
    return agreementView(agreement, { evidence: await deps.agreements.evidence(agreement.id) });
  });

  app.get('/api/v1/agreements/:id/usage', {
    config: { access: manage },
    schema: { tags: ['agreements'], summary: 'Data-plane accesses under the agreement (provider side), newest first', params: IdParams, response: { 200: Page(AccessView) } },
  }, async (request) => {
    await deps.agreements.get(request.params.id);
    const items = await deps.agreements.accesses(request.params.id);
    return { items, total: items.length };
  });

  app.get('/api/v1/agreements/:id/duties', {
    config: { access: manage },
    schema: { tags: ['agreements'], summary: "The agreement's duties (义务) as tasks: due dates and whether each is pending, fulfilled or breached", params: IdParams, response: { 200: Type.Object({ items: Type.Array(DutyViewSchema) }) } },
  }, async (request) => ({ items: await deps.duties.status(request.params.id) }));

  app.post('/api/v1/agreements/:id/duties', {
    config: { access: manage },
    schema: { tags: ['agreements'], summary: 'Consumer: record that a duty was performed (e.g. the data deleted); the provider is told and both ledger entries are written', params: IdParams, body: PerformDutyBody, response: { 200: Type.Object({ items: Type.Array(DutyViewSchema) }) } },
  }, async (request) => ({ items: await deps.duties.perform(request.params.id, request.body, principalOf(request).actor) }));

  app.post('/api/v1/agreements/:id/revoke', {
    config: { access: manage },
    schema: { tags: ['agreements'], summary: 'Revoke an agreement (provider): its transfers end and running downloads stop at once', params: IdParams, body: ReasonBody, response: { 200: AgreementView } },
  }, async (request) => agreementView(await deps.agreements.revoke(request.params.id, request.body.reason, principalOf(request).actor)));
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
