import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { JobStateTag } from './JobStateTag';
import { jobKindLabels } from '../../i18n/sandbox-labels';
import { AgreementName } from '../contracts/AgreementName';
import type { SandboxJob } from '../../api/sandbox-types';

/** A job's facts: state, kind, agreement (linked on our side as consumer), times, ε spent. */
export function JobFacts({ job, agreementLink }: { job: SandboxJob; agreementLink: boolean }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <div data-testid="job-facts">
      <Card title={t('sandbox.job.facts')}>
        <DescriptionList
          items={[
            { label: t('sandbox.jobs.state'), value: <JobStateTag state={job.state} /> },
            ...(job.state === 'queued' && job.queuePosition !== undefined ? [{ label: t('sandbox.jobs.queuePosition'), value: String(job.queuePosition) }] : []),
            { label: t('sandbox.jobs.kind'), value: label(jobKindLabels, job.kind) },
            { label: t('sandbox.jobs.id'), value: <code className="mono mono-wrap">{job.id}</code>, wide: true },
            { label: t('sandbox.jobs.agreement'), value: agreementLink ? <AgreementName id={job.agreementId} /> : <code className="mono mono-wrap">{job.agreementId}</code>, wide: true },
            { label: t('sandbox.jobs.createdAt'), value: formatDateTime(job.createdAt) },
            { label: t('sandbox.jobs.finishedAt'), value: formatDateTime(job.finishedAt) },
            ...(job.epsilon !== undefined ? [{ label: t('sandbox.jobs.epsilon'), value: String(job.epsilon) }] : []),
          ]}
        />
      </Card>
    </div>
  );
}
