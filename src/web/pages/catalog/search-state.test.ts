import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../../router/routes';
import { readSearchState, searchStateToQuery, toApiQuery, toggleFilter } from './search-state';

describe('the catalog search in the address', () => {
  it('reads and writes words, facet values, sort and page', () => {
    const state = readSearchState(new URLSearchParams('q=用电&accessMode=sandbox,api&classification=general-3&sort=recent&page=3&bogus=1'));
    expect(state).toEqual({ q: '用电', sort: 'recent', page: 2, filters: { accessMode: ['sandbox', 'api'], classification: ['general-3'] } });
    expect(readSearchState(new URLSearchParams(searchStateToQuery(state)))).toEqual(state);
    expect(toApiQuery(state)).toEqual({ q: '用电', sort: 'recent', limit: 10, offset: 20, accessMode: 'sandbox,api', classification: 'general-3' });
  });

  it('toggles a facet value and goes back to the first page', () => {
    const state = readSearchState(new URLSearchParams('accessMode=sandbox&page=2'));
    expect(toggleFilter(state, 'accessMode', 'api')).toMatchObject({ page: 0, filters: { accessMode: ['sandbox', 'api'] } });
    expect(toggleFilter(state, 'accessMode', 'sandbox')).toMatchObject({ page: 0, filters: {} });
    expect(searchStateToQuery(toggleFilter(state, 'accessMode', 'sandbox'))).toBe('');
  });

  it('routes entry pages by their URN, percent-encoded in one path segment', () => {
    const urn = 'urn:tds:tds.test.space:p_1:orders:2024';
    expect(paths.catalogEntry(urn)).toBe('/catalog/entry/urn%3Atds%3Atds.test.space%3Ap_1%3Aorders%3A2024');
    expect(matchRoute(paths.catalogEntry(urn))).toEqual({ name: 'catalogEntry', id: urn });
    expect(matchRoute(paths.catalogReview(urn))).toEqual({ name: 'catalogReview', id: urn });
    expect(matchRoute(paths.catalogMineEntry(urn))).toEqual({ name: 'catalogMineEntry', id: urn });
    expect(matchRoute('/catalog/reviews')).toEqual({ name: 'catalogReviews' });
    expect(matchRoute('/catalog/entry/%E0%A4%A')).toEqual({ name: 'not-found' });
  });
});
