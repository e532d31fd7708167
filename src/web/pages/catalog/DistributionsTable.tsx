import type { Distribution } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { accessModeLabels } from '../../i18n/catalog-labels';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** How the data is distributed: format and access mode, with the provider connector's address. */
export function DistributionsTable({ distributions }: { distributions: Distribution[] }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  if (distributions.length === 0) return null;
  return (
    <Card title={t('catalog.distributions.title')}>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('catalog.dictionary.fieldTitle')}</th>
              <th>{t('catalog.facet.accessMode')}</th>
              <th>{t('catalog.distributions.format')}</th>
              <th>{t('catalog.distributions.url')}</th>
            </tr>
          </thead>
          <tbody>
            {distributions.map((d, i) => (
              <tr key={d.id ?? i}>
                <td>{localized(d.title, locale) ?? '—'}</td>
                <td>{d.accessMode ? label(accessModeLabels, d.accessMode) : '—'}</td>
                <td>{[d.format, d.mediaType].filter(Boolean).join(' · ') || '—'}</td>
                <td><span className="mono mono-wrap">{d.downloadUrl ?? d.accessUrl ?? '—'}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
