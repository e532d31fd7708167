import { DescriptionList, type Description } from '../../components/DescriptionList';
import { JsonBlock } from '../../components/JsonBlock';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { reviewOutcomeLabels } from '../../i18n/sandbox-labels';
import type { JobReview } from '../../api/sandbox-types';

const factKeys: Record<string, MessageKey> = {
  k: 'sandbox.deid.k',
  groups: 'sandbox.deid.groups',
  rows: 'sandbox.deid.rows',
  smallGroups: 'sandbox.deid.smallGroups',
};

/**
 * 去标识化报告: how identifiable the held result is (the k it reaches over its quasi-identifiers,
 * how many groups and rows, how many groups are below the agreement's k), or for an aggregate,
 * the smallest group's number of subjects; then the review decision once taken. Facts this
 * console does not name are shown as they came.
 */
export function DeidentificationReport({ review, k }: { review: JobReview | undefined; k?: number }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const label = useLabel();
  const report = review?.deidentification;
  const items: Description[] = [];
  if (review?.smallestGroup !== undefined) items.push({ label: t('sandbox.deid.smallestGroup'), value: formatNumber(review.smallestGroup) });
  const others: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(report ?? {})) {
    const key = factKeys[name];
    if (key && typeof value === 'number') items.push({ label: t(key), value: <span data-fact={name} className={name === 'k' && k !== undefined && value < k ? 'deid-below' : undefined}>{formatNumber(value)}</span> });
    else others[name] = value;
  }
  const decision = review?.decision;
  return (
    <div data-testid="deidentification-report">
      {items.length === 0 && Object.keys(others).length === 0 ? (
        <p className="muted">{t('sandbox.deid.none')}</p>
      ) : (
        <DescriptionList items={items} />
      )}
      {report?.k !== undefined && k !== undefined && report.k < k && <p className="field-error">{t('sandbox.deid.belowK', { k })}</p>}
      {Object.keys(others).length > 0 && (
        <details className="decoded">
          <summary>{t('sandbox.deid.details')}</summary>
          <JsonBlock value={others} />
        </details>
      )}
      {decision && (
        <p className="review-decision" data-testid="review-decision" data-outcome={decision.outcome}>
          {t('sandbox.review.decided', { outcome: label(reviewOutcomeLabels, decision.outcome), by: decision.by, at: formatDateTime(decision.at) })}
          {decision.reason && <> — {decision.reason}</>}
        </p>
      )}
    </div>
  );
}
