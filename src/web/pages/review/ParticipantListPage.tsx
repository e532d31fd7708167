import { useParticipants } from '../../api/participants-api';
import { canReview } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { Banner } from '../../components/Banner';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { listStateToSearch, pageSize, readListState, toFilter, type ListState } from './list-filter';
import { ParticipantFilters } from './ParticipantFilters';
import { ParticipantTable } from './ParticipantTable';

/** 参与方审核: every application and participant, filtered and paged. */
export function ParticipantListPage() {
  const { t } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  const state = readListState(search);
  const query = useParticipants(toFilter(state));
  const go = (next: ListState) => navigate(`${paths.review}${listStateToSearch(next)}`);
  const filtered = Boolean(state.status || state.role || state.region || state.q);

  return (
    <>
      <PageHeader title={t('review.title')} subtitle={t('review.subtitle')} />
      {!canReview(session) && <Banner tone="info" title={t('review.readOnly')} />}
      <div className="card">
        <ParticipantFilters value={state} onApply={go} />
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Loading />}
        {query.data && query.data.items.length === 0 && (
          <EmptyState title={t(filtered ? 'review.emptyFiltered' : 'review.empty')} hint={t(filtered ? 'review.emptyFilteredHint' : 'review.emptyHint')} />
        )}
        {query.data && query.data.items.length > 0 && (
          <>
            <ParticipantTable items={query.data.items} />
            <Pagination page={state.page} pageSize={pageSize} total={query.data.total} onPage={(page) => go({ ...state, page })} />
          </>
        )}
      </div>
    </>
  );
}
