import { useState, type FormEvent } from 'react';
import { usePublishAsset } from '../../api/assets-api';
import type { Asset } from '../../api/asset-types';
import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import { offerFormsFrom, offerInputs } from './offer-form-state';
import { OffersEditor } from './OffersEditor';
import { canTake } from './publication-actions';
import { PublishResult } from './PublishResult';
import { VisibilityChooser } from './VisibilityChooser';
import { visibilityFormFrom, visibilityOf } from './visibility-form-state';

/**
 * 数据发布: the saved description with its offers and visibility goes to the operator's catalog,
 * which reviews it at once. Only metadata, the scan's counts and the offers leave the connector.
 */
export function PublishCard({ asset, unsaved }: { asset: Asset; unsaved: boolean }) {
  const { t } = useI18n();
  const [offers, setOffers] = useState(() => offerFormsFrom(asset.publication?.offers));
  const [visibility, setVisibility] = useState(() => visibilityFormFrom(asset.publication?.visibility));
  const publish = usePublishAsset(asset.id);
  const status = asset.publication?.status;
  const open = canTake(status, 'publish');
  const defaultMode = asset.entry.distributions?.find((d) => d.accessMode)?.accessMode ?? 'sandbox';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate({ offers: offerInputs(offers), visibility: visibilityOf(visibility) });
  };
  const blocker = !open ? t('assets.publish.withdrawn') : unsaved ? t('assets.publish.saveFirst') : offers.length === 0 ? t('assets.publish.needOffer') : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={t('assets.publish.title')}>
      <Card title={t('assets.publish.title')} extra={<span className="muted small">{t('assets.publish.ofVersion', { version: asset.version })}</span>}>
        <FormField label={t('catalog.offers.title')} required>
          <OffersEditor assetId={asset.id} offers={offers} defaultMode={defaultMode} onChange={setOffers} />
        </FormField>
        <VisibilityChooser value={visibility} onChange={setVisibility} />
        {publish.error && <ErrorBanner error={publish.error} />}
        {publish.data && <PublishResult publication={publish.data} />}
        <div className="form-actions">
          {blocker && <span className="muted small publish-blocker">{blocker}</span>}
          <button type="submit" className="btn btn-primary" data-action="publish" disabled={Boolean(blocker) || publish.isPending}>
            {publish.isPending ? t('common.submitting') : t(status ? 'assets.publish.again' : 'assets.publish.submit')}
          </button>
        </div>
      </Card>
    </form>
  );
}
