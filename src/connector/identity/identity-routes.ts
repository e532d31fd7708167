import { Type, type Static } from 'typebox';
import { DomainError } from '../../core/errors/index.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import type { ConnectorIdentityService } from './connector-identity-service.js';
import { connectorGrants, type PeerPrincipal } from './connector-principals.js';

const tags = ['identity'];

const IdentityView = Type.Object({
  did: Type.Union([Type.String(), Type.Null()]),
  participantId: Type.Union([Type.String(), Type.Null()]),
  operatorUrl: Type.String(),
  enrolled: Type.Boolean(),
  keyAlgorithm: Type.Union([Type.String(), Type.Null()]),
  credentials: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), jwt: Type.String(), receivedAt: Type.String() })),
});
const EnrollmentBody = Type.Object(
  { participantId: Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }), token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const PeerView = Type.Object({ did: Type.String(), participantId: Type.Union([Type.String(), Type.Null()]), roles: Type.Array(Type.String()), issuer: Type.String() });
const PublicIdentity = Type.Object({ did: Type.String(), participantId: Type.String() });
const HandshakeBody = Type.Object({ url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }) }, { additionalProperties: false });
const HandshakeResult = Type.Object({ peer: PublicIdentity, status: Type.Integer(), verifiedAs: Type.Union([PeerView, Type.Null()]), problem: Type.Union([Type.Unknown(), Type.Null()]) });

const TokenBody = Type.Object(
  {
    audience: Type.String({ minLength: 8, maxLength: 500, description: "The DID of the connector the token is for" }),
    ttlSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 300 }),
    reusable: Type.Boolean({ default: false, description: 'Accepted more than once (for testing another DSP implementation); may live up to an hour' }),
  },
  { additionalProperties: false },
);
const TokenView = Type.Object({ authorization: Type.String({ description: 'The Authorization header value' }), expiresAt: Type.String() });

/** The connector's identity API: its own identity, enrollment, and authenticated peer calls. */
export function registerConnectorIdentityRoutes(app: App, identity: ConnectorIdentityService): void {
  app.get('/api/v1/identity', {
    config: { access: [connectorGrants.manage] },
    schema: { tags, summary: "This connector's DID, key algorithm and held credentials", response: { 200: IdentityView } },
  }, async () => identity.view());

  app.post('/api/v1/identity/enrollment', {
    config: { access: [connectorGrants.manage] },
    schema: { tags, summary: 'Generate the key pair (once) and enroll it with the operator', body: EnrollmentBody, response: { 200: IdentityView } },
  }, async (request) => identity.enroll(request.body.participantId, request.body.token));

  app.post('/api/v1/identity/refresh', {
    config: { access: [connectorGrants.manage] },
    schema: { tags, summary: 'Fetch this connector’s credentials again from the operator (authenticated by its identity token)', response: { 200: IdentityView } },
  }, async () => identity.refresh());

  app.get('/api/v1/peer/identity', {
    config: { access: 'public' },
    schema: { tags, summary: 'Whom to address identity tokens to (this connector’s DID)', response: { 200: PublicIdentity } },
  }, async () => {
    const self = await identity.identity();
    return { did: self.did, participantId: self.participantId };
  });

  app.get('/api/v1/peer/whoami', {
    config: { access: [connectorGrants.peer] },
    schema: { tags, summary: 'Echoes the verified identity of the calling node (identity token as bearer)', response: { 200: PeerView } },
  }, async (request) => {
    const { peer } = principalOf(request) as PeerPrincipal;
    return { did: peer.did, participantId: peer.participantId ?? null, roles: peer.roles, issuer: peer.issuer };
  });

  app.post('/api/v1/identity/tokens', {
    config: { access: [connectorGrants.manage] },
    schema: { tags, summary: 'An identity token of this participant for calling the connector with DID `audience` (e.g. to test another DSP implementation against the space)', body: TokenBody, response: { 200: TokenView } },
  }, async (request) => {
    const { audience, ttlSeconds, reusable } = request.body;
    if (!reusable && ttlSeconds > 300) throw new DomainError('request.invalid', 'A single-use token lives at most 300 seconds.', [{ pointer: '/ttlSeconds', detail: 'at most 300 unless reusable' }]);
    const token = await identity.tokenFor(audience, { ttlSeconds, reusable });
    return { authorization: `Bearer ${token}`, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  });

  app.post('/api/v1/peers/handshake', {
    config: { access: [connectorGrants.manage] },
    schema: { tags, summary: 'Authenticate to another connector and report how it verified us (a connection test)', body: HandshakeBody, response: { 200: HandshakeResult } },
  }, async (request) => {
    const base = request.body.url.replace(/\/+$/, '');
    const peer = (await fetchJson(`${base}/api/v1/peer/identity`)) as { did: string; participantId: string };
    const token = await identity.tokenFor(peer.did);
    const response = await fetch(`${base}/api/v1/peer/whoami`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    const body = await response.json().catch(() => null);
    return { peer, status: response.status, verifiedAs: response.ok ? (body as Static<typeof PeerView>) : null, problem: response.ok ? null : body };
  });
}

async function fetchJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } catch (error) {
    throw new DomainError('identity.operator-unreachable', `${url} did not answer: ${(error as Error).message}`);
  }
}
