import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import { traceDsp } from './dsp-trace.js';

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** What the other connector answered: its status and its JSON body, if any. */
export interface PeerAnswer {
  status: number;
  body: unknown;
}

/** The other connector could not be reached or did not answer in time: worth retrying. */
export class PeerUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`${url} did not answer: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'PeerUnreachableError';
  }
}

/**
 * Sends DSP messages to other connectors over the HTTPS binding: every request carries a fresh
 * identity token addressed to the receiver's DID, redirects are refused (a peer cannot bounce our
 * token elsewhere) and answers are size-capped.
 */
export class DspClient {
  constructor(
    private readonly identity: ConnectorIdentityService,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  async post(url: string, peerDid: string, message: unknown): Promise<PeerAnswer> {
    traceDsp('sent', new URL(url).pathname, undefined, message);
    const answer = await this.call('POST', url, peerDid, message);
    traceDsp('answer-received', new URL(url).pathname, answer.status, answer.body);
    return answer;
  }

  /** A GET with our identity token, for the TDS extensions beside DSP (the sandbox's jobs). */
  async get(url: string, peerDid: string): Promise<PeerAnswer> {
    return this.call('GET', url, peerDid);
  }

  private async call(method: 'GET' | 'POST', url: string, peerDid: string | undefined, message?: unknown): Promise<PeerAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (peerDid) headers.authorization = `Bearer ${await this.identity.tokenFor(peerDid)}`;
    if (message !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(message === undefined ? {} : { body: JSON.stringify(message) }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new PeerUnreachableError(url, error);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_ANSWER_BYTES) {
      await response.body?.cancel();
      return { status: response.status, body: undefined };
    }
    const text = await response.text().catch((error: unknown) => {
      throw new PeerUnreachableError(url, error);
    });
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  }
}
