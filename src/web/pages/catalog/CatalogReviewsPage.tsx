import { useCatalogReviews } from '../../api/catalog-api';
import { catalogStatuses } from '../../api/catalog-types';
import { canReview } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { Banner } from '../../components/Banner';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { catalogStatusLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { ReviewQueueTable } from './ReviewQueueTable';

const pageSize = 20;
const defaultStatus = 'pending_review';

/** 目录审核: entries waiting for a person (or of another status), oldest first; ?status=&page= in the address. */
export function CatalogReviewsPage() {
  const { t } = useI18n();
  const label = useLabel();
  const session = useSession();
  const { search } = useLocation();
  const status = search.get('status') ?? defaultStatus;
  const pageNumber = Number.parseInt(search.get('page') ?? '1', 10);
  const page = Number.isFinite(pageNumber) && pageNumber > 0 ? pageNumber - 1 : 0;
  const query = useCatalogReviews(status, page * pageSize, pageSize);
  const go = (next: { status: string; page: number }) => {
    const params = new URLSearchParams();
    if (next.status !== defaultStatus) params.set('status', next.status);
    if (next.page > 0) params.set('page', String(next.page + 1));
    const text = params.toString();
    navigate(`${paths.catalogReviews}${text ? `?${text}` : ''}`);
  };

  return (
    <>
      <PageHeader title={t('catalog.reviews.title')} subtitle={t('catalog.reviews.subtitle')} />
      {!canReview(session) && <Banner tone="info" title={t('catalog.reviews.readOnly')} />}
      <div className="card">
        <div className="filters">
          <label className="filter">
            <span>{t('catalog.reviews.status')}</span>
            <select id="queue-status" name="status" value={status} onChange={(e) => go({ status: e.target.value, page: 0 })}>
              {catalogStatuses.map((s) => <option key={s} value={s}>{label(catalogStatusLabels, s)}</option>)}
            </select>
          </label>
        </div>
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Loading />}
        {query.data && query.data.items.length === 0 && (
          <EmptyState title={t(status === defaultStatus ? 'catalog.reviews.empty' : 'catalog.reviews.emptyStatus')} hint={status === defaultStatus ? t('catalog.reviews.emptyHint') : undefined} />
        )}
        {query.data && query.data.items.length > 0 && (
          <>
            <ReviewQueueTable items={query.data.items} />
            <Pagination page={page} pageSize={pageSize} total={query.data.total} onPage={(p) => go({ status, page: p })} />
          </>
        )}
      </div>
    </>
  );
}
