import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { ReasonDialog } from '../contracts/ReasonDialog';
import { useReviewJob } from '../../api/sandbox-api';
import type { SandboxJob } from '../../api/sandbox-types';

/**
 * 人工审核 of a held result: 发布 releases it to the consumer (with its proof), 驳回 refuses it
 * with a reason the consumer reads. Both are written to the evidence ledger.
 */
export function ReviewActions({ job }: { job: SandboxJob }) {
  const { t } = useI18n();
  const review = useReviewJob(job.id);
  const [rejecting, setRejecting] = useState(false);
  if (job.state !== 'awaiting_review') return null;
  return (
    <div className="review-actions" data-testid="review-actions">
      <div className="action-bar">
        <button type="button" className="btn btn-primary" data-action="release" disabled={review.isPending} onClick={() => review.mutate({ decision: 'release' })}>
          {t('sandbox.review.release')}
        </button>
        <button type="button" className="btn btn-danger-outline" data-action="reject" disabled={review.isPending} onClick={() => setRejecting(true)}>
          {t('sandbox.review.reject')}
        </button>
      </div>
      {!rejecting && Boolean(review.error) && <ErrorBanner error={review.error} />}
      {rejecting && (
        <ReasonDialog
          title={t('sandbox.review.rejectTitle')}
          intro={t('sandbox.review.rejectIntro')}
          confirm={t('sandbox.review.reject')}
          required={false}
          pending={review.isPending}
          error={review.error}
          onSubmit={(reason) => review.mutate({ decision: 'reject', ...(reason ? { reason } : {}) }, { onSuccess: () => setRejecting(false) })}
          onClose={() => setRejecting(false)}
        />
      )}
    </div>
  );
}
