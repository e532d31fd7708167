import type { FastifyReply, FastifyRequest } from 'fastify';
import { secretTokenMatches } from '../core/crypto/secret-token.js';
import { DomainError } from '../core/errors/index.js';

/** Reads `Authorization: Bearer <token>`; undefined when absent or of another scheme. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * A preHandler that admits only callers presenting a token whose digest is in `digests`.
 * 401 for missing or wrong tokens, so that a caller cannot tell which it was.
 */
export function requireBearerToken(digests: () => string[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request);
    if (!token) throw new DomainError('auth.missing-credentials', 'This endpoint needs a bearer token.');
    if (!digests().some((d) => secretTokenMatches(token, d))) {
      throw new DomainError('auth.invalid-credentials', 'The bearer token is not valid.');
    }
  };
}
