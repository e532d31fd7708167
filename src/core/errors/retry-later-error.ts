import { DomainError } from './domain-error.js';
import type { ErrorCode } from './error-catalog.js';

/**
 * A refusal that lifts by itself: the caller may try again after `retryAfterSeconds`, which the
 * HTTP layer sends as `Retry-After` (RFC 9110 §10.2.3) beside the problem details.
 */
export class RetryLaterError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(code: ErrorCode, detail: string, retryAfterSeconds: number) {
    super(code, detail);
    this.name = 'RetryLaterError';
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}
