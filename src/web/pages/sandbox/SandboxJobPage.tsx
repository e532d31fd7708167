import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { CancelJobButton } from './CancelJobButton';
import { JobFacts } from './JobFacts';
import { JobOutcome } from './JobOutcome';
import { JobRequestView } from './JobRequestView';
import { JobStateTag } from './JobStateTag';
import { useSandboxJob, useSandboxSchema } from '../../api/sandbox-api';
import { workbenchSearch } from './workbench-state';
import './sandbox.css';

/**
 * One of our sandbox jobs (`/workbench/jobs/:id`), fresh from the provider and followed until it
 * settles: what it asked, the gate's checks or its refusal, the released result and its proof.
 */
export function SandboxJobPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useSandboxJob(id);
  const job = query.data;
  // The algorithms' titles come with the agreement's schema; a job without them shows names.
  const schema = useSandboxSchema(job?.kind === 'algorithm' ? job.agreementId : undefined);
  const back = job ? `${paths.sandbox}${workbenchSearch({ agreement: job.agreementId, tab: job.kind === 'algorithm' ? 'algorithm' : 'sql', job: '' })}` : paths.sandbox;
  const breadcrumb = <Link to={back}>← {t('sandbox.job.back')}</Link>;
  if (query.isPending) return <Loading />;
  if (query.isError || !job) return (<><PageHeader title={t('sandbox.job.title')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const algorithm = schema.data?.algorithms.find((a) => a.name === job.algorithm && (job.version === undefined || a.version === job.version));
  return (
    <>
      <PageHeader breadcrumb={breadcrumb} title={<>{t('sandbox.job.title')} <JobStateTag state={job.state} /></>} subtitle={job.id} extra={<CancelJobButton job={job} side="consumer" />} />
      <div className="grid-2">
        <Card title={job.kind === 'sql' ? t('sandbox.job.sql') : t('sandbox.job.algorithm')}>
          <JobRequestView job={job} algorithm={algorithm} />
        </Card>
        <JobFacts job={job} agreementLink />
      </div>
      <div className="section-gap">
        <Card title={t('sandbox.job.outcome')}>
          <JobOutcome job={job} />
        </Card>
      </div>
    </>
  );
}
