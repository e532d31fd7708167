import type { Visibility } from '../../api/catalog-types';
import { roleLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** Who may see the entry, as its provider set it (shown to the provider and the operator's staff). */
export function VisibilityText({ visibility: v }: { visibility: Visibility }) {
  const { t } = useI18n();
  const label = useLabel();
  const sep = t('common.listSeparator');
  if (v.scope === 'public') return <>{t('catalog.visibility.public')}</>;
  if (v.scope === 'members') return <>{t('catalog.visibility.members')}</>;
  if (v.scope === 'named') return <span title={v.participants.join(', ')}>{t('catalog.visibility.named', { n: v.participants.length })}</span>;
  const parts = [
    ...(v.roles?.length ? [`${t('review.filter.role')}: ${v.roles.map((r) => label(roleLabels, r)).join(sep)}`] : []),
    ...(v.industries?.length ? [`${t('catalog.facet.industry')}: ${v.industries.join(sep)}`] : []),
    ...(v.regions?.length ? [`${t('catalog.facet.region')}: ${v.regions.join(sep)}`] : []),
  ];
  return <>{[t('catalog.visibility.restricted'), ...parts].join(' · ')}</>;
}
