import { Type } from 'typebox';
import type { VerifiedParty } from '../../core/contracts/policy-subject.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import { connectorGrants, type PeerPrincipal } from '../identity/connector-principals.js';
import { IdParams, paged } from '../negotiation/contract-schemas.js';
import type { AlgorithmRegistry } from './algorithm-registry.js';
import type { ConsumerJobs } from './consumer-jobs.js';
import { jobView } from './job-view.js';
import type { JobService } from './job-service.js';
import { AlgorithmBody, AlgorithmView, JobPage, JobQuery, JobView, ReviewBody, SchemaView, SubmitJobBody } from './sandbox-schemas.js';

const manage = [connectorGrants.manage];
const peer = [connectorGrants.peer];

const partyOf = (request: Parameters<typeof principalOf>[0]): { party: VerifiedParty } => {
  const p = (principalOf(request) as PeerPrincipal).peer;
  return { party: { did: p.did, participantId: p.participantId, roles: p.roles, legalEntity: p.legalEntity } };
};

/**
 * The sandbox's HTTP surface, three audiences: other connectors (identity token) submit and follow
 * jobs under their agreements at `/sandbox/…`; our own consumer staff (API key) work through
 * `/api/v1/sandbox/jobs`, which we forward to the provider; our provider staff list, review and
 * cancel the jobs run here and register algorithms at `/api/v1/sandbox/provided-jobs` and
 * `/api/v1/sandbox/algorithms`.
 */
export function registerSandboxRoutes(app: App, deps: { service: JobService; consumer: ConsumerJobs; algorithms: AlgorithmRegistry }): void {
  const { service, consumer } = deps;
  const tags = ['sandbox'];

  // Other connectors: the provider side.
  app.post('/sandbox/jobs', { config: { access: peer }, schema: { tags, summary: 'Submit a job under an agreement (peer, identity token)', body: SubmitJobBody, response: { 201: JobView } } }, async (request, reply) =>
    reply.code(201).send(await service.submit(request.body, partyOf(request).party)),
  );
  app.get('/sandbox/jobs/:id', { config: { access: peer }, schema: { tags, summary: 'One of your jobs (peer)', params: IdParams, response: { 200: JobView } } }, async (request) =>
    service.read(request.params.id, partyOf(request)),
  );
  app.post('/sandbox/jobs/:id/cancel', { config: { access: peer }, schema: { tags, summary: 'Cancel one of your jobs (peer)', params: IdParams, response: { 200: JobView } } }, async (request) =>
    service.cancel(request.params.id, partyOf(request)),
  );
  app.get('/sandbox/agreements/:id/schema', { config: { access: peer }, schema: { tags, summary: 'What an agreement lets you query (peer)', params: IdParams, response: { 200: SchemaView } } }, async (request) =>
    service.schema(request.params.id, partyOf(request).party),
  );

  // Our consumer staff: forwarded to the provider's connector.
  app.post('/api/v1/sandbox/jobs', { config: { access: manage }, schema: { tags, summary: "Submit a sandbox job (沙箱作业) to the provider's connector", body: SubmitJobBody, response: { 201: JobView } } }, async (request, reply) =>
    reply.code(201).send(await consumer.submit(request.body)),
  );
  app.get('/api/v1/sandbox/jobs', { config: { access: manage }, schema: { tags, summary: 'Our sandbox jobs at providers, newest first (as last seen)', querystring: JobQuery, response: { 200: JobPage } } }, async (request) => {
    const page = await consumer.list(paged(request.query));
    return { items: page.items.map((j) => jobView(j, { audience: 'consumer' })), total: page.total };
  });
  app.get('/api/v1/sandbox/jobs/:id', { config: { access: manage }, schema: { tags, summary: 'One sandbox job, fresh from the provider', params: IdParams, response: { 200: JobView } } }, async (request) =>
    consumer.read(request.params.id),
  );
  app.post('/api/v1/sandbox/jobs/:id/cancel', { config: { access: manage }, schema: { tags, summary: 'Cancel a sandbox job', params: IdParams, response: { 200: JobView } } }, async (request) =>
    consumer.cancel(request.params.id),
  );
  app.get('/api/v1/sandbox/agreements/:id/schema', { config: { access: manage }, schema: { tags, summary: 'The granted schema, rules, budget and algorithms of one of our agreements', params: IdParams, response: { 200: SchemaView } } }, async (request) =>
    consumer.schema(request.params.id),
  );

  // Our provider staff: jobs run here, reviews, algorithms.
  app.get('/api/v1/sandbox/provided-jobs', { config: { access: manage }, schema: { tags, summary: 'Jobs run in our sandbox, newest first', querystring: JobQuery, response: { 200: JobPage } } }, async (request) =>
    service.list(paged(request.query)),
  );
  app.get('/api/v1/sandbox/provided-jobs/:id', { config: { access: manage }, schema: { tags, summary: 'One job run here, with its held result and de-identification report', params: IdParams, response: { 200: JobView } } }, async (request) =>
    service.read(request.params.id, 'provider'),
  );
  app.post('/api/v1/sandbox/provided-jobs/:id/review', { config: { access: manage }, schema: { tags, summary: 'Release or reject a held result (人工审核)', params: IdParams, body: ReviewBody, response: { 200: JobView } } }, async (request) =>
    service.review(request.params.id, request.body, principalOf(request).actor),
  );
  app.post('/api/v1/sandbox/provided-jobs/:id/cancel', { config: { access: manage }, schema: { tags, summary: 'Cancel a job run here', params: IdParams, response: { 200: JobView } } }, async (request) =>
    service.cancel(request.params.id, 'provider'),
  );
  app.get('/api/v1/sandbox/algorithms', { config: { access: manage }, schema: { tags, summary: 'Registered algorithms (登记算法), with their SQL', response: { 200: Type.Object({ items: Type.Array(AlgorithmView) }) } } }, async () => ({
    items: await deps.algorithms.list(),
  }));
  app.post('/api/v1/sandbox/algorithms', { config: { access: manage }, schema: { tags, summary: 'Register and approve an algorithm version', body: AlgorithmBody, response: { 201: AlgorithmView } } }, async (request, reply) =>
    reply.code(201).send(await deps.algorithms.register(request.body)),
  );
}
