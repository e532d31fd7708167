/** The console's pages. Paths never start with a prefix the server keeps for its API or its built files (`/assets/`). */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'apply' }
  | { name: 'review' }
  | { name: 'participant'; id: string }
  | { name: 'profile' }
  | { name: 'credentials' }
  | { name: 'evidence' }
  | { name: 'dashboard' }
  | { name: 'identity' }
  | { name: 'catalog' }
  | { name: 'catalogEntry'; id: string }
  | { name: 'catalogReviews' }
  | { name: 'catalogReview'; id: string }
  | { name: 'catalogMine' }
  | { name: 'catalogMineEntry'; id: string }
  | { name: 'assets' }
  | { name: 'assetNew' }
  | { name: 'asset'; id: string }
  | { name: 'negotiations' }
  | { name: 'negotiation'; id: string }
  | { name: 'agreements' }
  | { name: 'agreement'; id: string }
  | { name: 'sandbox' }
  | { name: 'sandboxJob'; id: string }
  | { name: 'providedJobs' }
  | { name: 'providedJob'; id: string }
  | { name: 'not-found' };

const simple: Record<string, Route> = {
  '/': { name: 'home' },
  '/login': { name: 'login' },
  '/apply': { name: 'apply' },
  '/review': { name: 'review' },
  '/profile': { name: 'profile' },
  '/credentials': { name: 'credentials' },
  '/evidence': { name: 'evidence' },
  '/dashboard': { name: 'dashboard' },
  '/identity': { name: 'identity' },
  '/catalog': { name: 'catalog' },
  '/catalog/reviews': { name: 'catalogReviews' },
  '/catalog/mine': { name: 'catalogMine' },
  '/resources': { name: 'assets' },
  '/resources/new': { name: 'assetNew' },
  '/negotiations': { name: 'negotiations' },
  '/agreements': { name: 'agreements' },
  '/workbench': { name: 'sandbox' },
  '/provided-jobs': { name: 'providedJobs' },
};

// Catalog entries are named by URNs (`urn:tds:<space>:<participant>:<resource>`), one
// percent-encoded path segment each.
const catalogDetail: ReadonlyArray<[RegExp, 'catalogEntry' | 'catalogReview' | 'catalogMineEntry']> = [
  [/^\/catalog\/entry\/([^/]+)$/, 'catalogEntry'],
  [/^\/catalog\/reviews\/([^/]+)$/, 'catalogReview'],
  [/^\/catalog\/mine\/([^/]+)$/, 'catalogMineEntry'],
];

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function matchRoute(path: string): Route {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const exact = simple[clean];
  if (exact) return exact;
  const detail = /^\/review\/([A-Za-z0-9_-]+)$/.exec(clean);
  if (detail?.[1]) return { name: 'participant', id: detail[1] };
  for (const [pattern, name] of catalogDetail) {
    const id = decodeSegment(pattern.exec(clean)?.[1] ?? '');
    if (id) return { name, id };
  }
  // A connector's data resources (数据资源), by their asset id (`electricity-2024-1a2b3c4d`). Not
  // under /assets/: that is where the built console's own files are served from.
  const asset = decodeSegment(/^\/resources\/([^/]+)$/.exec(clean)?.[1] ?? '');
  if (asset) return { name: 'asset', id: asset };
  // A connector's negotiations and agreements, by their ids (`urn:uuid:…`), one segment each.
  const contract = /^\/(negotiations|agreements)\/([^/]+)$/.exec(clean);
  const contractId = decodeSegment(contract?.[2] ?? '');
  if (contract && contractId) return { name: contract[1] === 'negotiations' ? 'negotiation' : 'agreement', id: contractId };
  // Sandbox jobs, ours (沙箱工作台) and those run here (沙箱作业审核). Not under /sandbox/: the
  // connector answers other connectors' jobs at /sandbox/jobs/….
  const job = /^\/(workbench\/jobs|provided-jobs)\/([^/]+)$/.exec(clean);
  const jobId = decodeSegment(job?.[2] ?? '');
  if (job && jobId) return { name: job[1] === 'provided-jobs' ? 'providedJob' : 'sandboxJob', id: jobId };
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
  dashboard: '/dashboard',
  identity: '/identity',
  catalog: '/catalog',
  catalogEntry: (id: string, version?: number) => `/catalog/entry/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`,
  catalogReviews: '/catalog/reviews',
  catalogReview: (id: string) => `/catalog/reviews/${encodeURIComponent(id)}`,
  catalogMine: '/catalog/mine',
  catalogMineEntry: (id: string) => `/catalog/mine/${encodeURIComponent(id)}`,
  assets: '/resources',
  assetNew: '/resources/new',
  asset: (id: string) => `/resources/${encodeURIComponent(id)}`,
  negotiations: '/negotiations',
  negotiation: (id: string) => `/negotiations/${encodeURIComponent(id)}`,
  agreements: '/agreements',
  agreement: (id: string) => `/agreements/${encodeURIComponent(id)}`,
  sandbox: '/workbench',
  sandboxJob: (id: string) => `/workbench/jobs/${encodeURIComponent(id)}`,
  providedJobs: '/provided-jobs',
  providedJob: (id: string) => `/provided-jobs/${encodeURIComponent(id)}`,
};
