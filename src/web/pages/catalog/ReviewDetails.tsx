import type { ReviewSummary } from '../../api/catalog-types';
import { StatusTag } from '../../components/StatusTag';
import { manualReasonLabels, reviewOutcomeLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { NamedId } from '../../components/NamedId';
import { FindingsList } from './FindingsList';

const outcomeTone = { passed: 'green', approved: 'green', failed: 'red', rejected: 'red' } as const;

/** The latest review of an entry: the automatic findings and, when a person must look, why and what they decided. */
export function ReviewDetails({ review }: { review: ReviewSummary }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const manual = review.manual;
  return (
    <>
      <div className="review-block" data-review="automatic">
        <h3 className="subheading">
          {t('catalog.review.automatic')}{' '}
          <StatusTag tone={outcomeTone[review.automatic.outcome]} value={review.automatic.outcome}>{label(reviewOutcomeLabels, review.automatic.outcome)}</StatusTag>{' '}
          <span className="muted small">{formatDateTime(review.automatic.at)}</span>
        </h3>
        <FindingsList findings={review.automatic.findings} />
      </div>
      {manual && (
        <div className="review-block" data-review="manual">
          <h3 className="subheading">
            {t('catalog.review.manual')}{' '}
            {manual.outcome ? (
              <StatusTag tone={outcomeTone[manual.outcome]} value={manual.outcome}>{label(reviewOutcomeLabels, manual.outcome)}</StatusTag>
            ) : (
              <StatusTag tone="orange" value="pending">{t('catalog.review.manualPending')}</StatusTag>
            )}
          </h3>
          <p className="review-reasons">
            {t('catalog.review.manualReasons')}: {manual.reasons.map((r) => label(manualReasonLabels, r)).join(t('common.listSeparator'))}
          </p>
          {manual.outcome && (
            <p className="timeline-reason">
              {t('catalog.review.reviewer')}: {manual.reviewer ? <NamedId id={manual.reviewer} /> : '—'} · {formatDateTime(manual.at)}
              {manual.reason && <><br />{t('catalog.review.reason')}: {manual.reason}</>}
            </p>
          )}
        </div>
      )}
    </>
  );
}
