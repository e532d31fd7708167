import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors/index.js';
import { negotiateLocale } from '../../core/i18n/locale.js';
import type { Tx } from '../../store/database.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import { principalOf, type Principal } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import { grants, participantUsers, staff } from '../accounts/account-roles.js';
import type { ParticipantRecord } from '../../core/admission/participant-record.js';
import { participantDetail, participantSummary } from './participant-view.js';
import type { RegistryService } from './registry-service.js';
import {
  ActionBody,
  ActionParams,
  ApplicationBody,
  ApplicationCreated,
  IdParams,
  ListQuery,
  ParticipantDetail,
  ParticipantList,
  ResubmissionBody,
} from './registry-schemas.js';

export interface RegistryRouteDeps {
  registry: RegistryService;
  participants: ParticipantStore;
  /** Prepares (validates, hashes) the applicant's first admin user, stored in the application's transaction. */
  prepareApplicantUser(account: NonNullable<ApplicationBody['account']>, contactName: string): Promise<(tx: Tx, participant: ParticipantRecord) => Promise<void>>;
}

const tags = ['admission'];
const readers = [...staff, grants.regulator] as const;
const reviewers = [grants.operatorAdmin, grants.reviewer];

/** Staff and regulators see every participant; anyone else only its own. */
export function assertCanSee(principal: Principal, participantId: string): void {
  if (readers.some((g) => principal.grants.has(g))) return;
  if (principal.participantId !== participantId) throw new DomainError('participant.not-found', `No participant ${participantId}.`);
}

const locale = (request: FastifyRequest) => negotiateLocale(request.headers['accept-language']);

/** Admission (接入核验审查): public applications, the review workflow and participant reads. */
export function registerRegistryRoutes(app: App, deps: RegistryRouteDeps): void {
  const { registry, participants } = deps;
  const detail = async (p: ParticipantRecord) => participantDetail(p, await participants.documents(p.id), await participants.history(p.id));

  app.post('/api/v1/participants/applications', {
    config: { access: 'public' },
    bodyLimit: 40 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Apply to join the space (参与方注册申请); no account needed',
      body: ApplicationBody,
      response: { 201: ApplicationCreated },
    },
  }, async (request, reply) => {
    const { documents = [], account, ...input } = request.body;
    const withinTx = account ? await deps.prepareApplicantUser(account, input.contact.name) : undefined;
    const { participant, applicantToken } = await registry.apply(input, documents, locale(request), withinTx);
    reply.code(201).header('location', `/api/v1/participants/applications/${participant.id}`);
    return { ...(await detail(participant)), applicantToken };
  });

  app.get('/api/v1/participants/applications/:id', {
    config: { access: [grants.applicant, ...participantUsers, ...readers] },
    schema: { tags, summary: 'An application, for its applicant or staff', params: IdParams, response: { 200: ParticipantDetail } },
  }, async (request) => {
    assertCanSee(principalOf(request), request.params.id);
    return detail(await registry.require(request.params.id));
  });

  app.put('/api/v1/participants/applications/:id', {
    config: { access: [grants.applicant, grants.participantAdmin] },
    bodyLimit: 40 * 1024 * 1024,
    schema: { tags, summary: 'Resubmit a rejected application', params: IdParams, body: ResubmissionBody, response: { 200: ParticipantDetail } },
  }, async (request) => {
    const principal = principalOf(request);
    if (principal.participantId !== request.params.id) throw new DomainError('participant.not-found', `No participant ${request.params.id}.`);
    const { documents = [], ...input } = request.body;
    return detail(await registry.resubmit(request.params.id, input, documents, locale(request), principal.actor));
  });

  app.get('/api/v1/participants', {
    config: { access: readers },
    schema: { tags, summary: 'Participants and applications, filtered and paged', querystring: ListQuery, response: { 200: ParticipantList } },
  }, async (request) => {
    const { offset = 0, limit = 20, ...filter } = request.query;
    const page = await participants.list({ ...filter, offset, limit });
    return { items: page.items.map(participantSummary), total: page.total };
  });

  app.get('/api/v1/participants/:id', {
    config: { access: [...readers, ...participantUsers] },
    schema: { tags, summary: 'One participant with its documents and review history', params: IdParams, response: { 200: ParticipantDetail } },
  }, async (request) => {
    assertCanSee(principalOf(request), request.params.id);
    return detail(await registry.require(request.params.id));
  });

  app.post('/api/v1/participants/:id/:action', {
    config: { access: reviewers },
    schema: {
      tags,
      summary: 'A review action: start-review, approve, reject, suspend, reinstate or revoke (reason required for reject, suspend, revoke)',
      params: ActionParams,
      body: ActionBody,
      response: { 200: ParticipantDetail },
    },
  }, async (request) => {
    const updated = await registry.act(request.params.id, request.params.action, request.body?.reason, principalOf(request).actor);
    return detail(updated);
  });
}
