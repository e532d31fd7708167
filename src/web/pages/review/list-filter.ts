import type { ParticipantFilter } from '../../api/participants-api';

export const pageSize = 20;

export interface ListState {
  status: string;
  role: string;
  region: string;
  q: string;
  page: number;
}

/** The list's filters live in the address (?status=&role=&region=&q=&page=) so links and Back work. */
export function readListState(search: URLSearchParams): ListState {
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  return {
    status: search.get('status') ?? '',
    role: search.get('role') ?? '',
    region: search.get('region') ?? '',
    q: search.get('q') ?? '',
    page: Number.isFinite(page) && page > 0 ? page - 1 : 0,
  };
}

export function listStateToSearch(state: ListState): string {
  const search = new URLSearchParams();
  for (const key of ['status', 'role', 'region', 'q'] as const) if (state[key]) search.set(key, state[key]);
  if (state.page > 0) search.set('page', String(state.page + 1));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function toFilter(state: ListState): ParticipantFilter {
  return {
    ...(state.status ? { status: state.status } : {}),
    ...(state.role ? { role: state.role } : {}),
    ...(state.region ? { region: state.region } : {}),
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    offset: state.page * pageSize,
    limit: pageSize,
  };
}
