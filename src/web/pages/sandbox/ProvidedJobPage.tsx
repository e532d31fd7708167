import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { CancelJobButton } from './CancelJobButton';
import { DeidentificationReport } from './DeidentificationReport';
import { JobFacts } from './JobFacts';
import { JobOutcome } from './JobOutcome';
import { JobRequestView } from './JobRequestView';
import { JobStateTag } from './JobStateTag';
import { ReviewActions } from './ReviewActions';
import { useProvidedJob, useRegisteredAlgorithms } from '../../api/sandbox-api';
import './sandbox.css';

/**
 * A job a consumer ran in our sandbox (`/provided-jobs/:id`): its SQL, or the registered
 * algorithm with its parameters and SQL; the held result and its de-identification report;
 * release or reject a held result, cancel a queued or running one.
 */
export function ProvidedJobPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useProvidedJob(id);
  const job = query.data;
  const algorithms = useRegisteredAlgorithms(job?.kind === 'algorithm');
  const breadcrumb = <Link to={paths.providedJobs}>← {t('sandbox.provided.back')}</Link>;
  if (query.isPending) return <Loading />;
  if (query.isError || !job) return (<><PageHeader title={t('sandbox.provided.jobTitle')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  const algorithm = algorithms.data?.items.find((a) => a.name === job.algorithm && (job.version === undefined || a.version === job.version));
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<>{t('sandbox.provided.jobTitle')} <JobStateTag state={job.state} /></>}
        subtitle={job.id}
        extra={<CancelJobButton job={job} side="provider" />}
      />
      <div className="grid-2">
        <div className="stack">
          <Card title={job.kind === 'sql' ? t('sandbox.job.sql') : t('sandbox.job.algorithm')}>
            <JobRequestView job={job} algorithm={algorithm} />
          </Card>
          <Card title={t('sandbox.deid.title')}>
            <DeidentificationReport review={job.review} />
            <ReviewActions job={job} />
          </Card>
        </div>
        <JobFacts job={job} agreementLink />
      </div>
      <div className="section-gap">
        <Card title={t('sandbox.job.outcome')}>
          <JobOutcome job={job} audience="provider" />
        </Card>
      </div>
    </>
  );
}
