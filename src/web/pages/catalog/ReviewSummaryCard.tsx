import type { ReviewSummary } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { useI18n } from '../../i18n/use-i18n';
import { ReviewDetails } from './ReviewDetails';

/** The entry's latest review, on the detail page (provider and staff only). */
export function ReviewSummaryCard({ review }: { review: ReviewSummary }) {
  const { t } = useI18n();
  return (
    <Card title={t('catalog.review.title')} extra={<span className="muted small">{t('catalog.review.ofVersion', { version: review.version })}</span>}>
      <ReviewDetails review={review} />
    </Card>
  );
}
