import type { CatalogRecord } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { kindLabels } from '../../i18n/catalog-labels';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { CatalogStatusTag } from './CatalogStatusTag';
import { ClassificationTag } from './ClassificationTag';
import { ReviewDetails } from './ReviewDetails';

/** One of the organisation's own entries: where it stands and what the review said, in the user's language. */
export function MyEntryCard({ record }: { record: CatalogRecord }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useLabel();
  const title = (
    <span className="my-entry-title">
      <Link to={paths.catalogMineEntry(record.id)}>{localized(record.entry.title, locale) ?? t('catalog.untitled')}</Link>
      <CatalogStatusTag status={record.status} />
      <ClassificationTag classification={record.entry.classification} />
    </span>
  );
  return (
    <div data-entry={record.id}>
      <Card title={title} extra={<span className="muted small">{label(kindLabels, record.entry.kind)} · {t('catalog.versionValue', { version: record.version })} · {formatDateTime(record.updatedAt)}</span>}>
        <p className="small muted mono-wrap"><code className="mono">{record.id}</code></p>
        {record.review ? <ReviewDetails review={record.review} /> : <p className="muted">{t('catalog.mine.noReview')}</p>}
      </Card>
    </div>
  );
}
