import { useAgreements } from '../../api/agreements-api';
import { agreementStatuses } from '../../api/contract-types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { agreementStatusLabels } from '../../i18n/contract-labels';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { AgreementTable } from './AgreementTable';
import { ContractListFilters, contractListSearch, readContractListState, type ContractListState } from './ContractListFilters';

const pageSize = 20;

/** 数字合约: the agreements this participant is party to, as provider or consumer. */
export function AgreementListPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const state = readContractListState(search);
  const query = useAgreements({ role: state.role || undefined, state: state.state || undefined, limit: pageSize, offset: state.page * pageSize });
  const go = (next: ContractListState) => navigate(`${paths.agreements}${contractListSearch(next)}`);
  return (
    <>
      <PageHeader title={t('contracts.agreements.title')} subtitle={t('contracts.agreements.subtitle')} extra={<button type="button" className="btn" disabled={query.isFetching} onClick={() => void query.refetch()}>{t('common.refresh')}</button>} />
      <div className="card">
        <ContractListFilters value={state} states={agreementStatuses} stateLabels={agreementStatusLabels} onChange={go} />
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Loading />}
        {query.data && query.data.items.length === 0 && <EmptyState title={t('contracts.agreements.empty')} hint={t('contracts.agreements.emptyHint')} />}
        {query.data && query.data.items.length > 0 && (
          <>
            <AgreementTable items={query.data.items} />
            <Pagination page={state.page} pageSize={pageSize} total={query.data.total} onPage={(page) => go({ ...state, page })} />
          </>
        )}
      </div>
    </>
  );
}
