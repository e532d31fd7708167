/**
 * The provider's job list in the address. With no `?state=` it lists every job, so the page is
 * never empty while jobs exist (a queue-only default showed nothing when every result was released
 * automatically); the jobs awaiting review are counted above it with a link to `?state=awaiting_review`.
 */
export interface ProvidedJobsFilter {
  /** '' is every job. */
  state: string;
  page: number;
}

export const reviewQueueState = 'awaiting_review';

export function readProvidedJobsFilter(search: URLSearchParams): ProvidedJobsFilter {
  return { state: search.get('state') ?? '', page: Math.max(0, (Number.parseInt(search.get('page') ?? '1', 10) || 1) - 1) };
}

export function providedJobsSearch({ state, page }: ProvidedJobsFilter): string {
  const search = new URLSearchParams();
  if (state) search.set('state', state);
  if (page > 0) search.set('page', String(page + 1));
  const text = search.toString();
  return text ? `?${text}` : '';
}
