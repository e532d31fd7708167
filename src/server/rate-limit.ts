import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { RetryLaterError } from '../core/errors/index.js';
import type { App } from './build-server.js';

/**
 * Requests per client address per window, by kind of route. Only routes anyone can reach are
 * limited: the public ones (no credential at all) and the Dataspace Protocol endpoints, whose
 * identity tokens cost a signature check before they are known to be good. Authenticated routes
 * are left to their callers' own quotas.
 */
export interface RateLimits {
  /** POST /api/v1/auth/login (failed logins are also throttled per account, ADR 0014). */
  login: number;
  /** Other public writes: applications, connector enrollment. */
  publicWrite: number;
  /** Public reads: ledger, DID documents, status lists, contexts, the console, unknown paths. */
  publicRead: number;
  /** /dsp/*: other connectors, before their identity token is verified. */
  peer: number;
  windowMs: number;
}

export const defaultRateLimits: RateLimits = { login: 60, publicWrite: 30, publicRead: 1200, peer: 1200, windowMs: 60_000 };

type LimitKind = Exclude<keyof RateLimits, 'windowMs'>;

/** The limit a request falls under, or undefined when it needs a credential and is not DSP. */
export function limitKindOf(request: FastifyRequest): LimitKind | undefined {
  const url = request.routeOptions.url;
  if (url?.startsWith('/dsp/') || url === '/dsp') return 'peer';
  const access = request.routeOptions.config?.access;
  // Unmatched paths have no access at all: limited like public reads, so scanning costs too.
  if (url !== undefined && access !== 'public') return undefined;
  if (url === '/api/v1/auth/login') return 'login';
  return request.method === 'GET' || request.method === 'HEAD' ? 'publicRead' : 'publicWrite';
}

/**
 * @fastify/rate-limit as an application-wide onRequest hook, registered before access control
 * so that a flood is refused before any token is checked or any body parsed. Counters are kept
 * per node in memory (a replica each; ADR 0014). Over the limit: 429 `request.rate-limited`
 * problem+json with `Retry-After`.
 */
export async function registerRateLimit(app: App, limits: Partial<RateLimits> = {}): Promise<void> {
  const settings = { ...defaultRateLimits, ...limits };
  await app.register(rateLimit, {
    global: false,
    timeWindow: settings.windowMs,
    max: (request: FastifyRequest) => settings[limitKindOf(request) ?? 'publicRead'],
    keyGenerator: (request: FastifyRequest) => `${limitKindOf(request)}|${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new RetryLaterError('request.rate-limited', `At most ${context.max} such requests per ${Math.round(settings.windowMs / 1000)} s from one address.`, context.ttl / 1000),
  });
  const limit = app.rateLimit();
  app.addHook('onRequest', async (request, reply) => {
    if (limitKindOf(request) !== undefined) await limit.call(app, request, reply);
  });
}
