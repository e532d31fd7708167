import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors/index.js';
import { bearerToken } from './bearer-auth.js';
import type { App } from './build-server.js';

/**
 * Who may call a route: `'public'`, or the grants any one of which admits the caller
 * (e.g. `['operator:admin', 'operator:reviewer']`). Every route a node adds after
 * `registerAccessControl` must say; a route that does not is refused at startup, so nothing is
 * exposed by forgetting. Per-participant ownership is checked by the handler on top of this.
 */
export type Access = 'public' | readonly string[];

/** The authenticated caller: what it may do (`grants`) and how evidence names it (`actor`). */
export interface Principal {
  grants: ReadonlySet<string>;
  actor: string;
  /** The participant the caller acts for, when it acts for one. */
  participantId?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Turns a bearer token into a principal; undefined when the token is not valid. */
export type PrincipalResolver = (token: string, request: FastifyRequest) => Promise<Principal | undefined>;

export function registerAccessControl(app: App, resolve: PrincipalResolver): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    if (access !== 'public') {
      route.schema = { ...route.schema, security: [{ bearer: [] }] };
    }
  });
  // onRequest, before body parsing and validation: a caller without access learns nothing about
  // the endpoint's schema, and pays for no parsing.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const token = bearerToken(request);
    if (!token) throw new DomainError('auth.missing-credentials', 'This endpoint needs a bearer token.');
    const principal = await resolve(token, request);
    if (!principal) throw new DomainError('auth.invalid-credentials', 'The bearer token is not valid.');
    if (!access.some((grant) => principal.grants.has(grant))) {
      throw new DomainError('auth.forbidden', 'Your role does not allow this.');
    }
    request.principal = principal;
  });
}

/** The principal of an authenticated route; routes with access 'public' have none. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf called on a route without authentication');
  return request.principal;
}
