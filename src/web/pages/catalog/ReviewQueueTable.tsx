import type { CatalogRecord } from '../../api/catalog-types';
import { StatusTag } from '../../components/StatusTag';
import { kindLabels, manualReasonLabels, reviewOutcomeLabels } from '../../i18n/catalog-labels';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { CatalogStatusTag } from './CatalogStatusTag';
import { ClassificationTag } from './ClassificationTag';

/** Entries of one status, oldest first: what they are, who offers them, what the automatic review found and why a person must look. */
export function ReviewQueueTable({ items }: { items: CatalogRecord[] }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useLabel();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('catalog.reviews.resource')}</th>
            <th>{t('catalog.provider')}</th>
            <th>{t('catalog.entry.classification')}</th>
            <th>{t('catalog.reviews.automatic')}</th>
            <th>{t('catalog.reviews.reasons')}</th>
            <th>{t('catalog.reviews.status')}</th>
            <th>{t('catalog.entry.updatedAt')}</th>
            <th className="col-actions">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const automatic = r.review?.automatic;
            return (
              <tr key={r.id} data-entry={r.id}>
                <td className="cell-wrap">
                  <Link to={paths.catalogReview(r.id)} className="strong-link">{localized(r.entry.title, locale) ?? t('catalog.untitled')}</Link>
                  <div className="small muted">{label(kindLabels, r.entry.kind)} · {t('catalog.versionValue', { version: r.version })}</div>
                </td>
                <td>{r.provider.name}</td>
                <td><ClassificationTag classification={r.entry.classification} /></td>
                <td className="nowrap">
                  {automatic ? (
                    <>
                      <StatusTag tone={automatic.outcome === 'passed' ? 'green' : 'red'} value={automatic.outcome}>{label(reviewOutcomeLabels, automatic.outcome)}</StatusTag>{' '}
                      {automatic.findings.length > 0 && <span className="muted small">{t('catalog.reviews.findings', { n: automatic.findings.length })}</span>}
                    </>
                  ) : '—'}
                </td>
                <td className="cell-wrap">{(r.review?.manual?.reasons ?? []).map((reason) => label(manualReasonLabels, reason)).join(t('common.listSeparator')) || '—'}</td>
                <td><CatalogStatusTag status={r.status} /></td>
                <td className="nowrap">{formatDateTime(r.updatedAt)}</td>
                <td className="col-actions"><Link to={paths.catalogReview(r.id)}>{t('catalog.reviews.open')}</Link></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
