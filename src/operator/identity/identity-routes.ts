import type { FastifyRequest } from 'fastify';
import { buildDidDocument } from '../../core/credentials/did-web.js';
import { DomainError } from '../../core/errors/index.js';
import type { ParticipantStatus } from '../../core/admission/participant-status.js';
import type { Database } from '../../store/database.js';
import type { IdentityRegistryStore } from '../../store/identity/identity-registry-store.js';
import type { IssuedCredential } from '../../store/identity/credential-store.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import { bearerToken } from '../../server/bearer-auth.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import { grants, participantUsers, staff } from '../accounts/account-roles.js';
import { assertCanSee } from '../registry/registry-routes.js';
import type { RegistryService } from '../registry/registry-service.js';
import { IdParams } from '../registry/registry-schemas.js';
import type { CredentialIssuer } from './credential-issuer.js';
import type { EnrollmentService } from './enrollment-service.js';
import type { OperatorIdentity } from './operator-identity.js';
import type { StatusListService } from './status-list-service.js';
import {
  ChallengeResponse,
  CredentialList,
  DidDocument,
  DidParams,
  EnrollmentBody,
  EnrollmentResponse,
  EnrollmentTokenResponse,
  NewTrustedIssuer,
  PurposeParams,
  TrustedIssuerList,
} from './identity-schemas.js';

export interface IdentityRouteDeps {
  database: Database;
  identity: OperatorIdentity;
  registry: RegistryService;
  issuer: CredentialIssuer;
  enrollment: EnrollmentService;
  statusLists: StatusListService;
  store: IdentityRegistryStore;
  evidence: EvidenceRecorder;
}

const tags = ['identity'];

function credentialStatus(status: ParticipantStatus): 'active' | 'suspended' | 'revoked' {
  return status === 'revoked' ? 'revoked' : status === 'suspended' ? 'suspended' : 'active';
}

const view = (status: ParticipantStatus) => (c: IssuedCredential) => ({ id: c.id, type: c.type, jwt: c.jwt, issuedAt: c.issuedAt, validUntil: c.validUntil, status: credentialStatus(status) });

function enrollmentToken(request: FastifyRequest): string {
  const token = bearerToken(request);
  if (!token) throw new DomainError('auth.missing-credentials', 'Send the enrollment token as a bearer token.');
  return token;
}

/** DID documents, status lists, trusted issuers, credentials and connector enrollment (身份认证). */
export function registerIdentityRoutes(app: App, deps: IdentityRouteDeps): void {
  const { identity } = deps;

  app.get('/.well-known/did.json', {
    config: { access: 'public' },
    schema: { tags, summary: "The operator's DID document (did:web), with its credential issuer key", response: { 200: DidDocument } },
  }, async (_request, reply) => {
    reply.type('application/did+json');
    return buildDidDocument({ did: identity.did, keys: [{ id: 'issuer-key', publicJwk: identity.issuerKey.publicJwk() }] });
  });

  app.get('/participants/:id/did.json', {
    config: { access: 'public' },
    schema: { tags, summary: "A participant's DID document, with its connector's enrolled keys", params: IdParams, response: { 200: DidDocument } },
  }, async (request, reply) => {
    const participant = await deps.registry.get(request.params.id);
    if (!participant?.did) throw new DomainError('participant.not-found', `No DID for participant ${request.params.id}.`);
    const keys = await deps.store.keysOf(participant.id);
    reply.type('application/did+json').header('cache-control', 'no-cache');
    return buildDidDocument({ did: participant.did, keys: keys.reverse().map((k) => ({ id: k.kid, publicJwk: k.publicJwk })) });
  });

  app.get('/api/v1/credentials/status/:purpose', {
    config: { access: 'public' },
    schema: { tags, summary: 'A Bitstring Status List credential (application/vc+jwt)', params: PurposeParams, produces: ['application/vc+jwt'], response: { 200: { type: 'string' } } },
  }, async (request, reply) => {
    const jwt = await deps.statusLists.signed(request.params.purpose);
    if (!jwt) throw new DomainError('service.unavailable', 'The status list is not ready.');
    reply.type('application/vc+jwt').header('cache-control', 'no-cache');
    return jwt;
  });

  app.get('/api/v1/trust/issuers', {
    config: { access: 'public' },
    schema: { tags, summary: 'Trusted credential issuers (身份互认): this operator and recognised other spaces', response: { 200: TrustedIssuerList } },
  }, async () => ({
    items: [
      { did: identity.did, name: identity.space, addedAt: '1970-01-01T00:00:00.000Z', self: true },
      ...(await deps.store.trustedIssuers()).map((i) => ({ ...i, self: false })),
    ],
  }));

  app.post('/api/v1/trust/issuers', {
    config: { access: [grants.operatorAdmin] },
    schema: { tags, summary: "Recognise another space's operator as a credential issuer", body: NewTrustedIssuer, response: { 201: TrustedIssuerList.properties.items.items } },
  }, async (request, reply) => {
    if (request.body.did === identity.did) throw new DomainError('trust.issuer-invalid', 'This operator is always trusted.', [{ pointer: '/did', detail: 'self' }]);
    const issuer = { did: request.body.did, name: request.body.name, addedAt: new Date().toISOString() };
    await deps.database.transaction(async (tx) => {
      await deps.store.addTrustedIssuer(tx, issuer);
      await deps.evidence.record(tx, { type: 'trust.issuer-added', subject: issuer.did, actor: principalOf(request).actor, payload: { name: issuer.name } });
    });
    reply.code(201);
    return { ...issuer, self: false };
  });

  app.delete('/api/v1/trust/issuers/:did', {
    config: { access: [grants.operatorAdmin] },
    schema: { tags, summary: 'Stop recognising an issuer', params: DidParams, response: { 204: { type: 'null' } } },
  }, async (request, reply) => {
    await deps.database.transaction(async (tx) => {
      if (!(await deps.store.removeTrustedIssuer(tx, request.params.did))) throw new DomainError('trust.issuer-not-found', `${request.params.did} is not a trusted issuer.`);
      await deps.evidence.record(tx, { type: 'trust.issuer-removed', subject: request.params.did, actor: principalOf(request).actor, payload: {} });
    });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/participants/:id/credentials', {
    config: { access: [...staff, ...participantUsers, grants.connector] },
    schema: { tags, summary: "A participant's credentials with their current status", params: IdParams, response: { 200: CredentialList } },
  }, async (request) => {
    assertCanSee(principalOf(request), request.params.id);
    const participant = await deps.registry.require(request.params.id);
    return { items: (await deps.issuer.credentialsOf(participant.id)).map(view(participant.status)) };
  });

  app.post('/api/v1/participants/:id/enrollment-tokens', {
    config: { access: [grants.operatorAdmin, grants.participantAdmin] },
    schema: { tags, summary: 'A one-time token that lets a connector enroll its key for this participant', params: IdParams, response: { 201: EnrollmentTokenResponse } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    if (!principal.grants.has(grants.operatorAdmin) && principal.participantId !== request.params.id) {
      throw new DomainError('participant.not-found', `No participant ${request.params.id}.`);
    }
    reply.code(201);
    return deps.enrollment.createToken(request.params.id, principal.actor);
  });

  // The next two authenticate with the enrollment token itself (checked by the service), so the
  // access layer treats them as public.
  app.post('/api/v1/participants/:id/enrollment/challenge', {
    config: { access: 'public' },
    schema: { tags, summary: 'A challenge to sign (enrollment token as bearer)', params: IdParams, response: { 200: ChallengeResponse } },
  }, async (request) => deps.enrollment.challenge(request.params.id, enrollmentToken(request)));

  app.post('/api/v1/participants/:id/enrollment', {
    config: { access: 'public' },
    schema: { tags, summary: "Enroll the connector's key with a proof of possession (enrollment token as bearer)", params: IdParams, body: EnrollmentBody, response: { 200: EnrollmentResponse } },
  }, async (request) => {
    const result = await deps.enrollment.enroll(request.params.id, enrollmentToken(request), request.body.publicKeyJwk, request.body.proof);
    return { did: result.did, kid: result.kid, credentials: result.credentials.map(view('approved')) };
  });
}
