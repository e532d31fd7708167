// Every route of the operator against every kind of caller: the allow/deny matrix of issue 3.
// The expectations are written out here, not derived from the routes' own declarations, so a
// route whose access changes fails this test until the table is changed on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/test-databases.js';
import { anOperator, type OperatorFixture } from './support/operator-fixture.js';
import { admin, bearer, operatorApi } from './support/operator-api.js';
import { anApplication, aUscc } from './support/participant-fixtures.js';
import { anEnrolledConnector } from './support/enrolled-connector.js';

const callers = ['anonymous', 'operatorAdmin', 'reviewer', 'auditor', 'ownAdmin', 'ownMember', 'ownApiKey', 'ownConnector', 'applicant', 'otherAdmin', 'regulator'] as const;
type Caller = (typeof callers)[number];

const everyone: Caller[] = [...callers];
const staff: Caller[] = ['operatorAdmin', 'reviewer', 'auditor'];
const own: Caller[] = ['ownAdmin', 'ownMember', 'ownApiKey'];
const people: Caller[] = [...staff, ...own, 'otherAdmin', 'regulator'];
const admins: Caller[] = ['operatorAdmin', 'ownAdmin', 'otherAdmin', 'regulator'];
const searchers: Caller[] = callers.filter((c) => c !== 'anonymous');
/** A participant's people and its connector (a regulator's users are participant users too). */
const participantReaders: Caller[] = [...own, 'ownConnector', 'otherAdmin', 'regulator'];

/** Who gets past authentication and authorization, per route (paths as in the OpenAPI document). */
const expected: Record<string, Caller[]> = {
  'GET /healthz': everyone,
  'GET /readyz': everyone,
  'GET /api/v1/console': everyone,
  // National code lists by name: reference data the registration form needs before any account.
  'GET /api/v1/code-lists/regions': everyone,
  'GET /api/v1/code-lists/industries': everyone,
  'GET /ledger/checkpoint': everyone,
  'GET /ledger/verifier-key': everyone,
  'GET /ledger/entries/{index}': everyone,
  'GET /ledger/entries': everyone,
  'GET /ledger/proof/inclusion': everyone,
  'GET /ledger/proof/consistency': everyone,
  'GET /ledger/status': everyone,
  'POST /ledger/entries': ['operatorAdmin'],
  'POST /api/v1/ledger/evidence': ['ownConnector'],
  'POST /api/v1/auth/login': everyone,
  'POST /api/v1/auth/logout': people,
  'GET /api/v1/auth/me': [...people, 'applicant'],
  'POST /api/v1/auth/totp/setup': people.filter((c) => c !== 'ownApiKey'),
  'POST /api/v1/auth/totp/confirm': people.filter((c) => c !== 'ownApiKey'),
  'GET /api/v1/users': admins,
  'POST /api/v1/users': admins,
  'GET /api/v1/api-keys': admins,
  'POST /api/v1/api-keys': admins,
  'DELETE /api/v1/api-keys/{id}': admins,
  'POST /api/v1/participants/applications': everyone,
  'GET /api/v1/participants/applications/{id}': [...staff, 'regulator', ...own, 'applicant'],
  'PUT /api/v1/participants/applications/{id}': ['ownAdmin', 'applicant'],
  'GET /api/v1/participants': [...staff, 'regulator'],
  'GET /api/v1/participants/{id}': [...staff, 'regulator', ...own],
  'POST /api/v1/participants/{id}/{action}': ['operatorAdmin', 'reviewer'],
  'GET /.well-known/did.json': everyone,
  'GET /participants/{id}/did.json': everyone,
  'GET /api/v1/credentials/status/{purpose}': everyone,
  'GET /api/v1/trust/issuers': everyone,
  'POST /api/v1/trust/issuers': ['operatorAdmin'],
  'DELETE /api/v1/trust/issuers/{did}': ['operatorAdmin'],
  // Regulators read every participant's credentials: read-only oversight (ADR 0014).
  'GET /api/v1/participants/{id}/credentials': [...staff, 'regulator', ...own, 'ownConnector'],
  'POST /api/v1/participants/{id}/enrollment-tokens': ['operatorAdmin', 'ownAdmin'],
  // Authenticated by the enrollment token itself, which none of these callers has.
  'POST /api/v1/participants/{id}/enrollment/challenge': [],
  'POST /api/v1/participants/{id}/enrollment': [],
  // The catalog: everyone signed in searches (applicants see public entries only); connectors publish.
  'POST /api/v1/catalog/publications': ['ownConnector'],
  'GET /api/v1/catalog/search': searchers,
  'GET /api/v1/catalog/export': searchers,
  'GET /api/v1/catalog/entries/{id}': searchers,
  'GET /api/v1/catalog/resolve': searchers,
  'GET /api/v1/catalog/vocabulary': searchers,
  'GET /api/v1/catalog/entries/{id}/history': [...staff, ...own, 'ownConnector', 'otherAdmin', 'regulator'],
  'POST /api/v1/catalog/entries/{id}/unpublish': ['ownConnector'],
  'POST /api/v1/catalog/entries/{id}/withdraw': ['ownConnector'],
  'GET /api/v1/catalog/reviews': [...staff, 'regulator'],
  'POST /api/v1/catalog/entries/{id}/review': ['operatorAdmin', 'reviewer'],
  'GET /api/v1/catalog/mine': participantReaders,
  'GET /api/v1/catalog/notices': participantReaders,
  'GET /api/v1/directory': [...staff, ...participantReaders],
  'POST /api/v1/catalog/notices/read': participantReaders,
  // The effectiveness dashboard (应用成效): oversight data, for the operator's staff and regulators only.
  'GET /api/v1/dashboard': [...staff, 'regulator'],
  'GET /api/v1/dashboard/export.csv': [...staff, 'regulator'],
  'GET /ns/context.jsonld': everyone,
  'GET /ns/catalog-context.jsonld': everyone,
};

describe.each(databaseKinds)('authorization matrix of the operator on %s', (kind) => {
  let operator: OperatorFixture;
  let tokens: Record<Exclude<Caller, 'ownConnector'>, string | undefined>;
  let connectorToken: () => Promise<string>;
  let ownId: string;
  let ownUscc: string;
  let routes: string[];

  beforeAll(async () => {
    operator = await anOperator(kind);
    const api = operatorApi(operator.node);
    const own = await api.admitted();
    const other = await api.admitted();
    const regulator = await api.admitted({ uscc: aUscc('1', '1'), roles: ['regulator'], industry: 'S92' });
    ownId = own.id;
    ownUscc = (await api.request('GET', `/api/v1/participants/${ownId}`, { headers: admin })).body.uscc;
    const member = await api.request('POST', '/api/v1/users', { headers: bearer(own.session), body: { username: 'own-member', displayName: 'M', password: 'Correct-Horse-9', roles: ['member'] } });
    expect(member.status).toBe(201);
    const key = await api.request('POST', '/api/v1/api-keys', { headers: bearer(own.session), body: { label: 'etl' } });
    connectorToken = (await anEnrolledConnector(api, own.id)).token;
    tokens = {
      anonymous: undefined,
      operatorAdmin: await api.createStaff('ops-admin', ['admin']),
      reviewer: await api.createStaff('ops-reviewer', ['reviewer']),
      auditor: await api.createStaff('ops-auditor', ['auditor']),
      ownAdmin: own.session,
      ownMember: await api.login('own-member', 'Correct-Horse-9'),
      ownApiKey: key.body.key,
      applicant: own.applicantToken,
      otherAdmin: other.session,
      regulator: regulator.session,
    };
    const spec = (await api.request('GET', '/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).filter((m) => m !== 'head').map((m) => `${m.toUpperCase()} ${path}`));
  }, 120_000);
  afterAll(() => operator.close());

  it('has an expectation for every documented route, and a route for every expectation', () => {
    expect([...routes].sort()).toEqual(Object.keys(expected).sort());
  });

  function bodyFor(route: string): unknown {
    if (route === 'POST /api/v1/participants/applications') return anApplication();
    if (route === 'PUT /api/v1/participants/applications/{id}') return anApplication({ uscc: ownUscc });
    if (route === 'POST /api/v1/auth/totp/confirm') return { code: '123456' };
    if (route === 'POST /api/v1/catalog/notices/read') return { upTo: 1 };
    if (route === 'POST /api/v1/participants/{id}/enrollment') return { publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, proof: 'a.b.c' };
    if (route.startsWith('POST') || route.startsWith('PUT')) return {};
    return undefined;
  }

  function urlFor(route: string): string {
    const path = route.split(' ')[1]!
      .replace('{id}', route.includes('api-keys') ? 'k_nonexistent' : ownId)
      .replace('{action}', 'approve')
      .replace('{index}', '0')
      .replace('{purpose}', 'revocation')
      .replace('{did}', encodeURIComponent('did:web:nobody.example'));
    return route.endsWith('/ledger/proof/inclusion') ? `${path}?index=0&size=1` : route.endsWith('/ledger/proof/consistency') ? `${path}?from=1&to=1` : path;
  }

  it('admits exactly the expected callers on every route', async () => {
    // Logout ends the caller's session, so it goes last.
    const ordered = [...routes].sort((a, b) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')));
    const actual: Record<string, Caller[]> = {};
    for (const route of ordered) {
      actual[route] = [];
      for (const caller of callers) {
        // Identity tokens are single-use, so the connector mints one per call, as it really does.
        const token = caller === 'ownConnector' ? await connectorToken() : tokens[caller];
        const body = bodyFor(route);
        const response = await operator.node.app.inject({
          method: route.split(' ')[0] as 'GET',
          url: urlFor(route),
          headers: token ? bearer(token) : {},
          ...(body === undefined ? {} : { payload: body as object }),
        });
        const code = response.headers['content-type']?.toString().includes('json') ? response.json().code : undefined;
        const denied = response.statusCode === 401 || response.statusCode === 403 || code === 'participant.not-found';
        if (!denied) actual[route]!.push(caller);
      }
    }
    for (const route of routes) expect({ route, callers: actual[route] }).toEqual({ route, callers: [...expected[route]!].sort((a, b) => callers.indexOf(a) - callers.indexOf(b)) });
  }, 120_000);
});
