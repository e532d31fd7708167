import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { JobStateFilter } from './JobStateFilter';
import { JobTable } from './JobTable';
import { useProvidedJobs } from '../../api/sandbox-api';
import { Banner } from '../../components/Banner';
import { providedJobsSearch, readProvidedJobsFilter, reviewQueueState, type ProvidedJobsFilter } from './provided-jobs-filter';
import './sandbox.css';

const pageSize = 20;

/**
 * 沙箱作业审核: the jobs consumers run in our sandbox, all of them by default with the number
 * awaiting our review above (one click to the queue); each opens with its query, the held result and its de-identification report.
 */
export function ProvidedJobListPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const state = readProvidedJobsFilter(search);
  const query = useProvidedJobs({ state: state.state || undefined, limit: pageSize, offset: state.page * pageSize });
  const queue = useProvidedJobs({ state: reviewQueueState, limit: 1, offset: 0 });
  const go = (next: ProvidedJobsFilter) => navigate(`${paths.providedJobs}${providedJobsSearch(next)}`);
  const reviewing = state.state === reviewQueueState;
  const waiting = queue.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t('sandbox.provided.title')} subtitle={t('sandbox.provided.subtitle')} extra={<button type="button" className="btn" disabled={query.isFetching} onClick={() => { void query.refetch(); void queue.refetch(); }}>{t('common.refresh')}</button>} />
      <div className="card">
        <div className="filters">
          <JobStateFilter value={state.state} onChange={(s) => go({ state: s, page: 0 })} />
        </div>
        {!reviewing && waiting > 0 && (
          <div data-testid="review-queue-count">
            <Banner tone="info" title={t('sandbox.provided.waiting', { count: waiting })}>
              <button type="button" className="btn btn-small" onClick={() => go({ state: reviewQueueState, page: 0 })}>{t('sandbox.provided.showQueue')}</button>
            </Banner>
          </div>
        )}
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Loading />}
        {query.data && query.data.items.length === 0 && <EmptyState title={reviewing ? t('sandbox.provided.emptyQueue') : t('sandbox.provided.empty')} hint={reviewing ? t('sandbox.provided.emptyQueueHint') : undefined} />}
        {query.data && query.data.items.length > 0 && (
          <>
            <JobTable items={query.data.items} linkTo={paths.providedJob} testId="provided-jobs" />
            <Pagination page={state.page} pageSize={pageSize} total={query.data.total} onPage={(page) => go({ ...state, page })} />
          </>
        )}
      </div>
    </>
  );
}
