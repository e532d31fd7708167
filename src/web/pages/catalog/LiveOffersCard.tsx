import { useLiveOffers } from '../../api/catalog-api';
import type { DspOffer } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JsonBlock } from '../../components/JsonBlock';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/use-i18n';
import { NegotiateButton } from '../contracts/NegotiateButton';

const actions = (rules: Array<{ action?: string }> | undefined) => (rules ?? []).map((r) => r.action ?? '?');

/**
 * 实时要约: the offers as the provider's own connector serves them now (its DSP catalog, reached
 * through the operator's resolution of the URN), with their ODRL rules and, for each, the action
 * that starts a contract negotiation for it; connector console only.
 */
export function LiveOffersCard({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useLiveOffers(id, true);
  const offers: DspOffer[] = query.data?.hasPolicy ?? [];
  const formats = (query.data?.distribution ?? []).map((d) => d.format).filter(Boolean);
  return (
    <div data-testid="live-offers">
      <Card title={t('catalog.liveOffers.title')} extra={<button type="button" className="btn btn-small" disabled={query.isFetching} onClick={() => void query.refetch()}>{t('common.refresh')}</button>}>
        <p className="muted small">{t('catalog.liveOffers.hint')}</p>
        {query.isPending && <Loading />}
        {query.isError && <ErrorBanner error={query.error} />}
        {query.data && offers.length === 0 && <EmptyState title={t('catalog.offers.empty')} />}
        {offers.length > 0 && (
          <ul className="live-offers">
            {offers.map((offer, i) => (
              <li key={offer['@id'] ?? i} data-live-offer={offer['@id']}>
                <div className="live-offer-head">
                  <code className="mono mono-wrap">{offer['@id'] ?? '—'}</code>
                  <NegotiateButton entryId={id} offer={offer} />
                </div>
                <div className="small">
                  {t('catalog.liveOffers.permission')}: {actions(offer.permission).join(t('common.listSeparator')) || '—'}
                  {offer.prohibition?.length ? <> · {t('catalog.liveOffers.prohibition')}: {actions(offer.prohibition).join(t('common.listSeparator'))}</> : null}
                  {offer.obligation?.length ? <> · {t('catalog.liveOffers.obligation')}: {actions(offer.obligation).join(t('common.listSeparator'))}</> : null}
                </div>
                <details className="decoded">
                  <summary>{t('catalog.liveOffers.policy')}</summary>
                  <JsonBlock value={offer} />
                </details>
              </li>
            ))}
          </ul>
        )}
        {formats.length > 0 && <p className="small muted">{t('catalog.liveOffers.formats')}: {formats.join(t('common.listSeparator'))}</p>}
      </Card>
    </div>
  );
}
