/** The console's pages. Paths never start with a prefix the server keeps for its API. */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'apply' }
  | { name: 'review' }
  | { name: 'participant'; id: string }
  | { name: 'profile' }
  | { name: 'credentials' }
  | { name: 'evidence' }
  | { name: 'identity' }
  | { name: 'not-found' };

const simple: Record<string, Route> = {
  '/': { name: 'home' },
  '/login': { name: 'login' },
  '/apply': { name: 'apply' },
  '/review': { name: 'review' },
  '/profile': { name: 'profile' },
  '/credentials': { name: 'credentials' },
  '/evidence': { name: 'evidence' },
  '/identity': { name: 'identity' },
};

export function matchRoute(path: string): Route {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const exact = simple[clean];
  if (exact) return exact;
  const detail = /^\/review\/([A-Za-z0-9_-]+)$/.exec(clean);
  if (detail?.[1]) return { name: 'participant', id: detail[1] };
  return { name: 'not-found' };
}

export const paths = {
  home: '/',
  login: '/login',
  apply: '/apply',
  review: '/review',
  participant: (id: string) => `/review/${encodeURIComponent(id)}`,
  profile: '/profile',
  credentials: '/credentials',
  evidence: '/evidence',
  evidenceEntry: (index: number) => `/evidence?entry=${index}`,
  identity: '/identity',
};
