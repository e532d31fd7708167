import { useState } from 'react';
import { useAssetPublication, type PublicationAction } from '../../api/assets-api';
import type { Asset } from '../../api/asset-types';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { catalogActionLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { CatalogStatusTag } from '../catalog/CatalogStatusTag';
import { ReviewDetails } from '../catalog/ReviewDetails';
import { VisibilityText } from '../catalog/VisibilityText';
import { canTake } from './publication-actions';
import { PublicationActionDialog } from './PublicationActionDialog';

/**
 * 目录发布: the entry's status and review as the operator has them now (asked again on every
 * visit, so a finished manual review shows), with the findings in the reader's language, and the
 * ways to take the resource off the catalog.
 */
export function PublicationCard({ asset }: { asset: Asset }) {
  const { t, formatDateTime } = useI18n();
  const label = useLabel();
  const live = useAssetPublication(asset.id, Boolean(asset.publication));
  const [acting, setActing] = useState<PublicationAction | null>(null);
  const publication = live.data ?? asset.publication;
  if (!publication) {
    return (
      <Card title={t('assets.publication.title')}>
        <EmptyState title={t('assets.publication.none')} hint={t('assets.publication.noneHint')} />
      </Card>
    );
  }
  const actions = (['unpublish', 'withdraw'] as const).filter((a) => canTake(publication.status, a));
  const extra = (
    <div className="action-bar">
      <button type="button" className="btn btn-small" disabled={live.isFetching} onClick={() => void live.refetch()}>{t('common.refresh')}</button>
      {actions.map((a) => (
        <button key={a} type="button" className={a === 'withdraw' ? 'btn btn-small btn-danger-outline' : 'btn btn-small'} data-action={a} onClick={() => setActing(a)}>{label(catalogActionLabels, a)}</button>
      ))}
    </div>
  );
  return (
    <div id="publication" data-testid="publication" data-status={publication.status}>
      <Card title={<>{t('assets.publication.title')} <CatalogStatusTag status={publication.status} /></>} extra={extra}>
        {live.error && <ErrorBanner error={live.error} />}
        <DescriptionList
          items={[
            { label: t('catalog.entry.id'), value: <Link to={paths.catalogEntry(publication.entryId)} className="mono mono-wrap">{publication.entryId}</Link>, wide: true },
            { label: t('assets.publication.version'), value: t('catalog.versionValue', { version: publication.version }) },
            { label: t('catalog.entry.updatedAt'), value: formatDateTime(publication.updatedAt) },
            { label: t('catalog.entry.visibility'), value: <VisibilityText visibility={publication.visibility} />, wide: true },
          ]}
        />
        {publication.review ? <ReviewDetails review={publication.review} /> : <p className="muted">{t('catalog.mine.noReview')}</p>}
      </Card>
      {acting && <PublicationActionDialog assetId={asset.id} action={acting} onClose={() => setActing(null)} />}
    </div>
  );
}
