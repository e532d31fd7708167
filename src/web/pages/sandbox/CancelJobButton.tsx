import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { useCancelJob, useCancelProvidedJob } from '../../api/sandbox-api';
import type { SandboxJob } from '../../api/sandbox-types';

const cancellable = (job: SandboxJob) => job.state === 'queued' || job.state === 'running' || job.state === 'awaiting_review';

/** Cancels a queued, running or held job: ours at the provider (`consumer`), or one run here (`provider`). */
export function CancelJobButton({ job, side }: { job: SandboxJob; side: 'consumer' | 'provider' }) {
  if (!cancellable(job)) return null;
  return side === 'consumer' ? <ConsumerCancel id={job.id} /> : <ProviderCancel id={job.id} />;
}

function ConsumerCancel({ id }: { id: string }) {
  const cancel = useCancelJob(id);
  return <CancelControl pending={cancel.isPending} error={cancel.error} onCancel={() => cancel.mutate()} />;
}

function ProviderCancel({ id }: { id: string }) {
  const cancel = useCancelProvidedJob(id);
  return <CancelControl pending={cancel.isPending} error={cancel.error} onCancel={() => cancel.mutate()} />;
}

function CancelControl({ pending, error, onCancel }: { pending: boolean; error: unknown; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <span className="cancel-job">
      <button type="button" className="btn btn-small btn-danger-outline" data-action="cancel-job" disabled={pending} onClick={onCancel}>
        {pending ? t('common.submitting') : t('sandbox.job.cancel')}
      </button>
      {Boolean(error) && <ErrorBanner error={error} />}
    </span>
  );
}
