import { DomainError } from '../../core/errors/index.js';
import type { AccountStore, UserAccount } from '../../store/accounts/account-store.js';
import type { ParticipantStore } from '../../store/participants/participant-store.js';
import { bearerToken } from '../../server/bearer-auth.js';
import { principalOf } from '../../server/access-control.js';
import type { App } from '../../server/build-server.js';
import type { AccountService } from './account-service.js';
import { grants, operatorStaffRoles, participantStaffRoles, participantUsers, staff } from './account-roles.js';
import type { OperatorPrincipal } from './operator-principals.js';
import {
  ApiKeyCreated,
  ApiKeyList,
  KeyIdParams,
  LoginBody,
  LoginResponse,
  MeResponse,
  NewApiKeyBody,
  NewUserBody,
  TotpConfirmBody,
  TotpSetupResponse,
  UserList,
  UserView,
} from './account-schemas.js';

export interface AccountRouteDeps {
  service: AccountService;
  store: AccountStore;
  participants: ParticipantStore;
}

const tags = ['accounts'];
const people = [...staff, ...participantUsers];
const admins = [grants.operatorAdmin, grants.participantAdmin];

/** Which account scope an admin manages: the operator's staff, or its own participant's people. */
function scopeOf(principal: OperatorPrincipal): { kind: 'operator' | 'participant'; participantId: string | null; allowedRoles: readonly string[] } {
  if (principal.grants.has(grants.operatorAdmin)) return { kind: 'operator', participantId: null, allowedRoles: operatorStaffRoles };
  return { kind: 'participant', participantId: principal.participantId ?? null, allowedRoles: participantStaffRoles };
}

function requireUser(principal: OperatorPrincipal): UserAccount {
  if (!principal.user) throw new DomainError('auth.forbidden', 'Only a logged-in person can do this (not a token or key).');
  return principal.user;
}

function checkRoles(roles: string[], allowed: readonly string[]): void {
  const bad = roles.filter((r) => !allowed.includes(r));
  if (bad.length > 0) throw new DomainError('request.invalid', `Unknown roles: ${bad.join(', ')}; allowed: ${allowed.join(', ')}.`, [{ pointer: '/roles', detail: `allowed: ${allowed.join(', ')}` }]);
}

/** Login, sessions, TOTP, users and API keys (people and permissions). */
export function registerAccountRoutes(app: App, deps: AccountRouteDeps): void {
  const { service } = deps;
  const view = async (user: UserAccount) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    roles: user.roles,
    participantId: user.participantId,
    participantRoles: user.participantId ? ((await deps.participants.findById(user.participantId))?.roles ?? []) : [],
    totpEnabled: user.totpEnabled,
  });

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Log in with username and password (and TOTP code when enabled)', body: LoginBody, response: { 200: LoginResponse } },
  }, async (request) => {
    const result = await service.login(request.body.username, request.body.password, request.body.totp, request.ip);
    return { token: result.token, expiresAt: result.expiresAt, user: await view(result.user) };
  });

  app.post('/api/v1/auth/logout', {
    config: { access: people },
    schema: { tags, summary: 'End this session', response: { 204: { type: 'null' } } },
  }, async (request, reply) => {
    const token = bearerToken(request);
    if (token?.startsWith('tds_sess_')) await service.logout(token);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    config: { access: [...people, grants.applicant] },
    schema: { tags, summary: 'Who the caller is and what it may do', response: { 200: MeResponse } },
  }, async (request) => {
    const principal = principalOf(request) as OperatorPrincipal;
    return { user: principal.user ? await view(principal.user) : null, grants: [...principal.grants].sort(), actor: principal.actor };
  });

  app.post('/api/v1/auth/totp/setup', {
    config: { access: people },
    schema: { tags, summary: 'Start TOTP enrolment; enforced after confirm', response: { 200: TotpSetupResponse } },
  }, async (request) => service.setupTotp(requireUser(principalOf(request)).id));

  app.post('/api/v1/auth/totp/confirm', {
    config: { access: people },
    schema: { tags, summary: 'Confirm TOTP with a code from the device', body: TotpConfirmBody, response: { 204: { type: 'null' } } },
  }, async (request, reply) => {
    await service.confirmTotp(requireUser(principalOf(request)).id, request.body.code);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/users', {
    config: { access: admins },
    schema: { tags, summary: "The operator's staff (operator admin) or the participant's users (participant admin)", response: { 200: UserList } },
  }, async (request) => {
    const scope = scopeOf(principalOf(request));
    return { items: await Promise.all((await deps.store.listUsers(scope)).map(view)) };
  });

  app.post('/api/v1/users', {
    config: { access: admins },
    schema: { tags, summary: 'Create a user in the caller’s scope', body: NewUserBody, response: { 201: UserView } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const scope = scopeOf(principal);
    checkRoles(request.body.roles, scope.allowedRoles);
    const user = await service.createUser({ ...request.body, kind: scope.kind, participantId: scope.participantId }, principal.actor);
    reply.code(201);
    return view(user);
  });

  app.get('/api/v1/api-keys', {
    config: { access: admins },
    schema: { tags, summary: 'API keys of the caller’s scope (never the keys themselves)', response: { 200: ApiKeyList } },
  }, async (request) => ({ items: await deps.store.listApiKeys(scopeOf(principalOf(request)).participantId) }));

  app.post('/api/v1/api-keys', {
    config: { access: admins },
    schema: { tags, summary: 'Create an API key for machines; the key is shown once', body: NewApiKeyBody, response: { 201: ApiKeyCreated } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const scope = scopeOf(principal);
    const roles = request.body.roles ?? [scope.kind === 'operator' ? 'auditor' : 'member'];
    checkRoles(roles, scope.allowedRoles);
    const { record, key } = await service.createApiKey({ label: request.body.label, participantId: scope.participantId, roles }, principal.actor);
    reply.code(201);
    return { ...record, key };
  });

  app.delete('/api/v1/api-keys/:id', {
    config: { access: admins },
    schema: { tags, summary: 'Revoke an API key', params: KeyIdParams, response: { 204: { type: 'null' } } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    await service.revokeApiKey(request.params.id, scopeOf(principal).participantId, principal.actor);
    return reply.code(204).send(null);
  });
}
