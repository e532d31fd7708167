import type { CatalogQuery } from '../../api/catalog-api';
import { facetNames, type FacetName } from '../../api/catalog-types';

export const pageSize = 10;

export type SortOrder = 'relevance' | 'recent';

/** The search as the address holds it (?q=&sort=&page=&<facet>=a,b), so links, reload and Back work. */
export interface SearchState {
  q: string;
  /** Empty: the operator's default (relevance with words, most recent without). */
  sort: SortOrder | '';
  page: number;
  filters: Partial<Record<FacetName, string[]>>;
}

const splitValues = (raw: string | null) => (raw ?? '').split(',').map((v) => v.trim()).filter(Boolean);

export function readSearchState(search: URLSearchParams): SearchState {
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  const sort = search.get('sort');
  const filters: SearchState['filters'] = {};
  for (const facet of facetNames) {
    const values = splitValues(search.get(facet));
    if (values.length > 0) filters[facet] = values;
  }
  return {
    q: search.get('q') ?? '',
    sort: sort === 'relevance' || sort === 'recent' ? sort : '',
    page: Number.isFinite(page) && page > 0 ? page - 1 : 0,
    filters,
  };
}

export function searchStateToQuery(state: SearchState): string {
  const search = new URLSearchParams();
  if (state.q.trim()) search.set('q', state.q.trim());
  for (const facet of facetNames) {
    const values = state.filters[facet];
    if (values?.length) search.set(facet, values.join(','));
  }
  if (state.sort) search.set('sort', state.sort);
  if (state.page > 0) search.set('page', String(state.page + 1));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Adds or removes one facet value; any change of filter goes back to the first page. */
export function toggleFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (next.length > 0) filters[facet] = next;
  else delete filters[facet];
  return { ...state, filters, page: 0 };
}

export const hasFilters = (state: SearchState): boolean => Object.keys(state.filters).length > 0;

/** The API's query: facet values comma-separated (any of them), facets combined (all of them). */
export function toApiQuery(state: SearchState): CatalogQuery {
  const query: CatalogQuery = { limit: pageSize, offset: state.page * pageSize };
  if (state.q.trim()) query.q = state.q.trim();
  if (state.sort) query.sort = state.sort;
  for (const facet of facetNames) {
    const values = state.filters[facet];
    if (values?.length) query[facet] = values.join(',');
  }
  return query;
}
