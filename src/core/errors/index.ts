export { DomainError, isDomainError, type FailureKind, type FieldProblem } from './domain-error.js';
export { errorCatalog, errorCodes, type ErrorCode } from './error-catalog.js';
export { RetryLaterError } from './retry-later-error.js';
