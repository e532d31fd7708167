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
import './sandbox.css';

const pageSize = 20;

/** `?state=` absent is the review queue (awaiting_review); `?state=` empty is every job. */
function readState(search: URLSearchParams): { state: string; page: number } {
  return { state: search.has('state') ? (search.get('state') ?? '') : 'awaiting_review', page: Math.max(0, (Number.parseInt(search.get('page') ?? '1', 10) || 1) - 1) };
}

function listSearch({ state, page }: { state: string; page: number }): string {
  const search = new URLSearchParams();
  if (state !== 'awaiting_review') search.set('state', state);
  if (page > 0) search.set('page', String(page + 1));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * 沙箱作业审核: the jobs consumers run in our sandbox, the held ones (awaiting our review) first;
 * each opens with its query, the held result and its de-identification report.
 */
export function ProvidedJobListPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const state = readState(search);
  const query = useProvidedJobs({ state: state.state || undefined, limit: pageSize, offset: state.page * pageSize });
  const go = (next: { state: string; page: number }) => navigate(`${paths.providedJobs}${listSearch(next)}`);
  const reviewing = state.state === 'awaiting_review';
  return (
    <>
      <PageHeader title={t('sandbox.provided.title')} subtitle={t('sandbox.provided.subtitle')} extra={<button type="button" className="btn" disabled={query.isFetching} onClick={() => void query.refetch()}>{t('common.refresh')}</button>} />
      <div className="card">
        <div className="filters">
          <JobStateFilter value={state.state} onChange={(s) => go({ state: s, page: 0 })} />
        </div>
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
