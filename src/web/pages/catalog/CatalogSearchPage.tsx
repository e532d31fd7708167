import { useCatalogSearch } from '../../api/catalog-api';
import { useNode } from '../../api/console-api';
import { ownParticipantId } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { ActiveFilters } from './ActiveFilters';
import { CatalogNotices } from './CatalogNotices';
import { CatalogSearchBar } from './CatalogSearchBar';
import { FacetPanel } from './FacetPanel';
import { hasFilters, pageSize, readSearchState, searchStateToQuery, toApiQuery, toggleFilter, type SearchState } from './search-state';
import { SearchResultCard } from './SearchResultCard';
import { useFacetLabel } from './use-facet-label';

/** 资源目录: full-text search in Chinese or English with facets, over what this person may see. */
export function CatalogSearchPage() {
  const { t } = useI18n();
  const session = useSession();
  const node = useNode();
  const { search } = useLocation();
  const state = readSearchState(search);
  const query = useCatalogSearch(toApiQuery(state));
  const labelOf = useFacetLabel();
  const go = (next: SearchState) => navigate(`${paths.catalog}${searchStateToQuery(next)}`);
  const narrowed = Boolean(state.q.trim()) || hasFilters(state);
  const data = query.data;

  return (
    <>
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')} />
      {(ownParticipantId(session) || node === 'connector') && <CatalogNotices canMarkRead={node === 'operator'} />}
      <div className="card">
        <CatalogSearchBar value={state} onApply={go} />
        <ActiveFilters state={state} labelOf={labelOf} onToggle={(f, v) => go(toggleFilter(state, f, v))} onClear={() => go({ ...state, filters: {}, page: 0 })} />
      </div>
      <div className="catalog-layout">
        <FacetPanel facets={data?.facets ?? {}} state={state} labelOf={labelOf} onToggle={(f, v) => go(toggleFilter(state, f, v))} />
        <section className="catalog-results" aria-busy={query.isFetching}>
          {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
          {query.isPending && <Loading />}
          {data && data.items.length === 0 && (
            <div className="card">
              <EmptyState title={t(narrowed ? 'catalog.emptyFiltered' : 'catalog.empty')} hint={t(narrowed ? 'catalog.emptyFilteredHint' : 'catalog.emptyHint')} />
            </div>
          )}
          {data && data.items.length > 0 && (
            <>
              <p className="result-count" data-testid="catalog-total" data-total={data.total}>{t('catalog.resultCount', { total: data.total })}</p>
              <div className="result-list">
                {data.items.map((hit) => <SearchResultCard key={hit.id} hit={hit} />)}
              </div>
              <Pagination page={state.page} pageSize={pageSize} total={data.total} onPage={(page) => go({ ...state, page })} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
