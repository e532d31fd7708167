import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { JobStateTag } from './JobStateTag';
import { jobKindLabels } from '../../i18n/sandbox-labels';
import { AgreementName } from '../contracts/AgreementName';
import type { SandboxJob } from '../../api/sandbox-types';

const shortId = (id: string) => id.replace(/^urn:uuid:/, '').slice(0, 8);
const oneLine = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text).replace(/\s+/g, ' ');

/** Sandbox jobs, newest first: what each asked, under which agreement, where it stands. */
export function JobTable({ items, linkTo, testId }: { items: SandboxJob[]; linkTo(id: string): string; testId: string }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('sandbox.jobs.id')}</th>
            <th>{t('sandbox.jobs.kind')}</th>
            <th>{t('sandbox.jobs.request')}</th>
            <th>{t('sandbox.jobs.agreement')}</th>
            <th>{t('sandbox.jobs.state')}</th>
            <th>{t('sandbox.jobs.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.id} data-job={job.id} data-state={job.state}>
              <td><Link to={linkTo(job.id)} className="mono" title={job.id}>{shortId(job.id)}</Link></td>
              <td className="nowrap">{label(jobKindLabels, job.kind)}</td>
              <td className="cell-wrap">
                <Link to={linkTo(job.id)} className="job-request-link">
                  <code className="mono mono-wrap">{job.kind === 'sql' ? oneLine(job.sql ?? '') : `${job.algorithm ?? ''}${job.version ? ` v${job.version}` : ''}`}</code>
                </Link>
              </td>
              <td className="cell-wrap"><AgreementName id={job.agreementId} /></td>
              <td><JobStateTag state={job.state} /></td>
              <td className="nowrap">{formatDateTime(job.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
