import { negotiationStates } from '../../api/contract-types';
import { useNegotiations } from '../../api/negotiations-api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { negotiationStateLabels } from '../../i18n/contract-labels';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { ContractListFilters, contractListSearch, readContractListState, type ContractListState } from './ContractListFilters';
import { NegotiationTable } from './NegotiationTable';

const pageSize = 20;

/** 合约协商: this connector's negotiations, as consumer and as provider, newest change first. */
export function NegotiationListPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const state = readContractListState(search);
  const query = useNegotiations({ role: state.role || undefined, state: state.state || undefined, limit: pageSize, offset: state.page * pageSize });
  const go = (next: ContractListState) => navigate(`${paths.negotiations}${contractListSearch(next)}`);
  return (
    <>
      <PageHeader title={t('contracts.negotiations.title')} subtitle={t('contracts.negotiations.subtitle')} extra={<button type="button" className="btn" disabled={query.isFetching} onClick={() => void query.refetch()}>{t('common.refresh')}</button>} />
      <div className="card">
        <ContractListFilters value={state} states={negotiationStates} stateLabels={negotiationStateLabels} onChange={go} />
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Loading />}
        {query.data && query.data.items.length === 0 && <EmptyState title={t('contracts.negotiations.empty')} hint={t('contracts.negotiations.emptyHint')} />}
        {query.data && query.data.items.length > 0 && (
          <>
            <NegotiationTable items={query.data.items} />
            <Pagination page={state.page} pageSize={pageSize} total={query.data.total} onPage={(page) => go({ ...state, page })} />
          </>
        )}
      </div>
    </>
  );
}
