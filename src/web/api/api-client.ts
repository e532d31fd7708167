import { localeStore } from '../i18n/locale-store';
import { sessionStore } from '../auth/session-store';
import { ApiError } from './api-error';
import type { ProblemBody } from './api-types';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (an uploaded file) with its own Content-Type, instead of JSON. */
  raw?: { body: Blob; type: string };
  /** Overrides the session token (login checks a connector API key before keeping it). */
  token?: string | null;
  /** `text` for text/plain answers such as the ledger checkpoint, `blob` for files (received data). */
  as?: 'json' | 'text' | 'blob';
  /** Overrides the Accept header (a catalog entry as Turtle or JSON-LD); read it `as: 'text'`. */
  accept?: string;
  signal?: AbortSignal;
}

async function problemOf(response: Response): Promise<ProblemBody | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    return (await response.json()) as ProblemBody;
  } catch {
    return undefined;
  }
}

/**
 * The console's one way to call its node: same origin, JSON in and out, `Accept-Language` set to
 * the console's language, the session token as `Authorization: Bearer`, and every failure turned
 * into an ApiError carrying the problem+json body.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: options.accept ?? (options.as === 'text' ? 'text/plain, application/problem+json' : 'application/json, application/problem+json'),
    'accept-language': localeStore.get(),
  };
  const token = options.token === undefined ? sessionStore.get()?.token : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.raw) headers['content-type'] = options.raw.type;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('network', 0);
  }

  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(problem ? 'problem' : 'http', response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  if (options.as === 'text') return (await response.text()) as T;
  if (options.as === 'blob') return (await response.blob()) as T;
  return (await response.json()) as T;
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
