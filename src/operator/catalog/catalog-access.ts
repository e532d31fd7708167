import { facetNames, type FacetName } from '../../core/catalog/catalog-facets.js';
import type { SearchQuery } from '../../server/catalog/catalog-api-schemas.js';
import { grants, participantUsers, staff } from '../accounts/account-roles.js';

/** Who may call the catalog's routes, and the search filters of a query string. */
/** Everyone who may search: staff, regulators, participants' people and connectors, applicants (public entries only). */
export const searchers = [...staff, grants.regulator, ...participantUsers, grants.connector, grants.applicant];
export const reviewers = [grants.operatorAdmin, grants.reviewer];
export const overseers = [...staff, grants.regulator];
export const providers = [grants.connector];
export const ownReaders = [grants.connector, ...participantUsers];

export function filtersOf(query: SearchQuery): Partial<Record<FacetName, string[]>> {
  const filters: Partial<Record<FacetName, string[]>> = {};
  for (const facet of facetNames) {
    const raw = (query as Record<string, unknown>)[facet];
    if (typeof raw === 'string' && raw.trim()) filters[facet] = raw.split(',').map((v) => v.trim()).filter(Boolean).slice(0, 50);
  }
  return filters;
}
