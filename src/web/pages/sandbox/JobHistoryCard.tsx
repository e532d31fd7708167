import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/use-i18n';
import { paths } from '../../router/routes';
import { JobStateFilter } from './JobStateFilter';
import { JobTable } from './JobTable';
import { useSandboxJobs } from '../../api/sandbox-api';

const pageSize = 10;

/** 作业记录: our jobs (under the chosen agreement, or all), with their states; each opens its page. */
export function JobHistoryCard({ agreementId }: { agreementId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const query = useSandboxJobs({ agreementId: agreementId || undefined, state: state || undefined, limit: pageSize, offset: page * pageSize });
  return (
    <section className="card" data-testid="job-history">
      <header className="card-header">
        <h2 className="card-title">{agreementId ? t('sandbox.jobs.titleAgreement') : t('sandbox.jobs.title')}</h2>
        <div className="card-extra">
          <button type="button" className="btn btn-small" disabled={query.isFetching} onClick={() => void query.refetch()}>{t('common.refresh')}</button>
        </div>
      </header>
      <div className="filters">
        <JobStateFilter value={state} onChange={(s) => { setState(s); setPage(0); }} />
      </div>
      {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Loading />}
      {query.data && query.data.items.length === 0 && <EmptyState title={t('sandbox.jobs.empty')} hint={t('sandbox.jobs.emptyHint')} />}
      {query.data && query.data.items.length > 0 && (
        <>
          <JobTable items={query.data.items} linkTo={paths.sandboxJob} testId="sandbox-jobs" />
          <Pagination page={page} pageSize={pageSize} total={query.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
