import { errorCatalog, type ErrorCode } from './error-catalog.js';

/** Why a domain operation failed; the HTTP layer maps each kind to one status. */
export type FailureKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'not_acceptable'
  | 'conflict'
  | 'unavailable'
  | 'unexpected';

/** A field-level problem, addressed by JSON Pointer (RFC 6901) into the request. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/**
 * A typed failure with a stable code. Domain code throws these and never knows HTTP;
 * the server kernel turns them into RFC 9457 problem details.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly kind: FailureKind;
  readonly errors: FieldProblem[] | undefined;

  constructor(code: ErrorCode, detail: string, errors?: FieldProblem[]) {
    super(detail);
    this.name = 'DomainError';
    this.code = code;
    this.kind = errorCatalog[code].kind;
    this.errors = errors;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
