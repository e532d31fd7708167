import { isApiError } from '../../api/api-error';
import { Banner } from '../../components/Banner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { AgreementPicker } from './AgreementPicker';
import { CurrentJobCard } from './CurrentJobCard';
import { JobHistoryCard } from './JobHistoryCard';
import { Workbench } from './Workbench';
import { useSandboxSchema } from '../../api/sandbox-api';
import { readWorkbenchState, workbenchSearch, type WorkbenchState } from './workbench-state';
import './sandbox.css';

/**
 * 沙箱工作台 (数据开发利用环境): compute on a provider's data inside its connector under one of our
 * agreements, and take away only what the agreement allows. Pick the agreement, read the views and
 * rules it grants, run SQL or a registered algorithm, follow the job to its result and proof.
 * The agreement, tab and current job are kept in the address.
 */
export function SandboxWorkbenchPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const state = readWorkbenchState(search);
  const schema = useSandboxSchema(state.agreement || undefined);
  const go = (next: WorkbenchState, replace = false) => navigate(`${paths.sandbox}${workbenchSearch(next)}`, { replace });
  const notPermitted = isApiError(schema.error) && schema.error.code === 'sandbox.not-permitted';
  return (
    <>
      <PageHeader title={t('sandbox.title')} subtitle={t('sandbox.subtitle')} />
      <div className="card">
        <div className="card-body">
          <AgreementPicker value={state.agreement} onChange={(agreement) => go({ agreement, tab: state.tab, job: '' })} />
          {schema.isFetching && schema.isPending && <Loading label={t('sandbox.schema.loading')} />}
          {notPermitted && isApiError(schema.error) && (
            <div data-testid="sandbox-not-permitted">
              <Banner tone="warning" title={t('sandbox.schema.notPermitted')}>{schema.error.detail}</Banner>
            </div>
          )}
          {schema.isError && !notPermitted && <ErrorBanner error={schema.error} onRetry={() => void schema.refetch()} />}
        </div>
      </div>
      {schema.data && (
        <Workbench
          key={schema.data.agreementId}
          schema={schema.data}
          tab={state.tab}
          onTab={(tab) => go({ ...state, tab }, true)}
          onSubmitted={(job) => go({ ...state, job: job.id })}
        />
      )}
      {state.job && (
        <div className="section-gap">
          <CurrentJobCard key={state.job} id={state.job} />
        </div>
      )}
      <div className="section-gap">
        <JobHistoryCard agreementId={state.agreement || undefined} />
      </div>
    </>
  );
}
