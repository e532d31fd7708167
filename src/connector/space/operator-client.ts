import { DomainError, errorCatalog, type ErrorCode, type FieldProblem } from '../../core/errors/index.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';

export interface OperatorResponse {
  status: number;
  contentType: string;
  body: string;
}

const TIMEOUT_MS = 15_000;

/**
 * Calls the operator as this connector's participant: every request carries a fresh identity
 * token (single use, audience the operator's DID). A refusal by the operator keeps its stable
 * code (both nodes share the error catalog), so the caller sees the operator's own reason.
 */
export class OperatorClient {
  constructor(
    private readonly operatorUrl: string,
    private readonly identity: ConnectorIdentityService,
  ) {}

  async json<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.send(method, path, body, { accept: 'application/json', ...headers });
    return JSON.parse(response.body) as T;
  }

  /** The raw answer (e.g. JSON-LD or Turtle), after the same error mapping. */
  async send(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<OperatorResponse> {
    const { operatorDid } = await this.identity.identity();
    const token = await this.identity.tokenFor(operatorDid);
    let response: Response;
    try {
      response = await fetch(`${this.operatorUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new DomainError('identity.operator-unreachable', `The operator at ${this.operatorUrl} did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (response.ok) return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text };
    const problem = parse(text) as { code?: string; detail?: string; errors?: FieldProblem[] } | undefined;
    if (problem?.code && problem.code in errorCatalog && response.status < 500) {
      throw new DomainError(problem.code as ErrorCode, problem.detail ?? problem.code, problem.errors);
    }
    throw new DomainError('identity.operator-unreachable', `The operator answered ${response.status}: ${problem?.detail ?? text.slice(0, 200)}`);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
