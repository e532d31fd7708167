import type { FieldProblem, ProblemBody } from './api-types';

/**
 * A failed API call. Problem+json answers (RFC 9457) keep their localized `title`, `detail`,
 * stable `code` and field `errors`; anything else (network down, proxy HTML) has no code and
 * `kind` says what went wrong so the console can explain it in the user's language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly kind: 'problem' | 'http' | 'network';

  constructor(kind: ApiError['kind'], status: number, problem: ProblemBody = {}) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }

  /** True when the server no longer accepts the session or key. */
  get isUnauthenticated(): boolean {
    return this.status === 401 && (this.code === 'auth.invalid-credentials' || this.code === 'auth.missing-credentials');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
