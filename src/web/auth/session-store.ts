import type { User } from '../api/api-types';

/** A person logged in with username and password (operator), or a connector's API key. */
export type Session =
  | { kind: 'user'; token: string; expiresAt: string; user: User }
  | { kind: 'apiKey'; token: string };

// sessionStorage: the token dies with the tab and is never shared with other tabs or kept on disk.
const storageKey = 'tds.session';
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: Session | null = null;

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string') return null;
    if (session.kind === 'user' && Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

function read(): Session | null {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(storageKey);
  } catch {
    raw = null;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parse(raw);
  }
  return cached;
}

function write(session: Session | null): void {
  try {
    if (session) window.sessionStorage.setItem(storageKey, JSON.stringify(session));
    else window.sessionStorage.removeItem(storageKey);
  } catch {
    // No storage (private mode): the session then lasts until the page reloads.
    cachedRaw = session ? JSON.stringify(session) : null;
    cached = session;
  }
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: read,
  set: (session: Session) => write(session),
  clear: () => write(null),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
