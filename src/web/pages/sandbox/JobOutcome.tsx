import { Banner } from '../../components/Banner';
import { useI18n } from '../../i18n/use-i18n';
import { GateChecks } from './GateChecks';
import { RefusalReason } from './RefusalReason';
import { ResultBarChart } from './ResultBarChart';
import { ResultPrivacy } from './ResultPrivacy';
import { ResultProof } from './ResultProof';
import { ResultTable } from './ResultTable';
import type { SandboxJob } from '../../api/sandbox-types';

/**
 * Where a job stands and what came of it: running, held for the provider's review, refused or
 * failed with the reason, cancelled; what the gate checked; the released result as a chart and a
 * table with its proof. `audience` provider shows a held result too, marked as not released.
 */
export function JobOutcome({ job, audience = 'consumer' }: { job: SandboxJob; audience?: 'consumer' | 'provider' }) {
  const { t } = useI18n();
  const moving = job.state === 'queued' || job.state === 'running';
  return (
    <div className="job-outcome stack" data-testid="job-outcome" data-job={job.id} data-state={job.state}>
      {moving && (
        <Banner tone="info" title={job.state === 'queued' ? t('sandbox.job.queuedHint') : t('sandbox.job.runningHint')}>
          {job.state === 'queued' && job.queuePosition !== undefined && <span data-testid="job-queue-position">{t('sandbox.job.queuePosition', { n: job.queuePosition })}</span>}
        </Banner>
      )}
      {job.state === 'awaiting_review' && <Banner tone="warning" title={t('sandbox.job.heldTitle')}>{audience === 'provider' ? t('sandbox.job.heldProvider') : t('sandbox.job.heldConsumer')}</Banner>}
      {job.state === 'cancelled' && <Banner tone="info" title={t('sandbox.job.cancelledHint')} />}
      {job.reason && (job.state === 'refused' || job.state === 'failed') && <RefusalReason reason={job.reason} sql={job.sql} failed={job.state === 'failed'} />}
      {job.state === 'succeeded' && <Banner tone="success" title={t('sandbox.job.succeededHint', { rows: job.result?.rows.length ?? 0 })} />}
      {job.epsilon !== undefined && <p className="small muted" data-testid="job-epsilon">{t('sandbox.job.epsilonSpent', { epsilon: job.epsilon })}</p>}
      <GateChecks checks={job.checks ?? []} />
      {job.result && (
        <div>
          <h3 className="subheading">{job.state === 'succeeded' ? t('sandbox.result.title') : t('sandbox.result.heldTitle')}</h3>
          <ResultBarChart result={job.result} />
          <ResultTable result={job.result} />
          <ResultPrivacy result={job.result} />
        </div>
      )}
      {job.proof && <ResultProof proof={job.proof} />}
    </div>
  );
}
