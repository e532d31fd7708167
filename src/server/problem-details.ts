import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, RetryLaterError, errorCatalog, type ErrorCode, type FailureKind, type FieldProblem } from '../core/errors/index.js';
import { negotiateLocale, type Locale } from '../core/i18n/locale.js';

const statusByKind: Record<FailureKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_acceptable: 406,
  conflict: 409,
  unavailable: 503,
  unexpected: 500,
};

/** RFC 9457 problem details with our stable `code`; `type` is a stable URN per code. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldProblem[];
}

export function problemType(code: ErrorCode): string {
  return `urn:trustspace:error:${code}`;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string | undefined,
  errors?: FieldProblem[],
  status?: number,
): FastifyReply {
  const definition: { kind: FailureKind; status?: number; title: Record<Locale, string> } = errorCatalog[code];
  const httpStatus = status ?? definition.status ?? statusByKind[definition.kind];
  const body: ProblemBody = {
    type: problemType(code),
    title: definition.title[negotiateLocale(request.headers['accept-language'])],
    status: httpStatus,
    code,
    instance: request.url,
    ...(detail && httpStatus < 500 ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.code(httpStatus).type('application/problem+json; charset=utf-8').send(body);
}

function validationProblems(error: FastifyError): FieldProblem[] {
  const location = error.validationContext;
  return (error.validation ?? []).map((v) => {
    const base = v.instancePath || '';
    const missing = (v.params as { requiredProperties?: string[]; missingProperty?: string } | undefined);
    const child = missing?.missingProperty ?? missing?.requiredProperties?.[0];
    const pointer = child && v.keyword === 'required' ? `${base}/${child}` : base;
    return { pointer: location && location !== 'body' ? `${location}:${pointer || '/'}` : pointer || '/', detail: v.message ?? 'invalid' };
  });
}

/**
 * The one error handler: domain failures keep their code, framework client errors (bad JSON,
 * schema violations, oversized bodies) become 4xx with a stable code, and anything else is a
 * 500 whose detail is hidden from the client and logged instead.
 */
export function handleError(error: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof DomainError) {
    return sendProblem(request, reply, error.code, error.message, error.errors);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return sendProblem(request, reply, 'request.invalid', 'The request does not match its schema.', validationProblems(fastifyError));
  }
  const status = fastifyError.statusCode;
  if (status === 415) return sendProblem(request, reply, 'request.unsupported-media-type', fastifyError.message);
  if (status === 413) return sendProblem(request, reply, 'request.too-large', fastifyError.message);
  if (status && status >= 400 && status < 500) {
    return sendProblem(request, reply, 'request.invalid', fastifyError.message, undefined, status);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, 'internal.unexpected', undefined);
}
