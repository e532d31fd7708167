import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { CancelJobButton } from './CancelJobButton';
import { JobOutcome } from './JobOutcome';
import { JobStateTag } from './JobStateTag';
import { useSandboxJob } from '../../api/sandbox-api';

/** The job just run from the workbench, followed every second until it settles. */
export function CurrentJobCard({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useSandboxJob(id);
  const job = query.data;
  const title = (
    <>
      {t('sandbox.job.current')} {job && <JobStateTag state={job.state} />}
    </>
  );
  const extra = job && (
    <>
      <CancelJobButton job={job} side="consumer" />
      <Link to={paths.sandboxJob(job.id)} className="small" data-action="open-job">{t('sandbox.job.open')}</Link>
    </>
  );
  return (
    <div data-testid="current-job">
      <Card title={title} extra={extra}>
        {query.isPending && <Loading />}
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {job && <JobOutcome job={job} />}
      </Card>
    </div>
  );
}
