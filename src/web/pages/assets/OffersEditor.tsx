import { useI18n } from '../../i18n/use-i18n';
import { newOffer, type OfferForm } from './offer-form-state';
import { OfferRow } from './OfferRow';

/** 要约: what a consumer may start a contract negotiation from (at least one; 1 to 20). */
export function OffersEditor({ offers, defaultMode, onChange }: { offers: OfferForm[]; defaultMode: string; onChange(offers: OfferForm[]): void }) {
  const { t } = useI18n();
  return (
    <div className="offers-editor">
      {offers.length === 0 ? (
        <p className="muted">{t('assets.offers.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="offers-editor">
            <thead>
              <tr>
                <th>{t('assets.offers.id')}</th>
                <th>{t('catalog.facet.accessMode')}</th>
                <th>{t('catalog.facet.priceModel')}</th>
                <th>{t('catalog.offers.price')}</th>
                <th className="col-actions">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer, i) => (
                <OfferRow key={i} index={i} offer={offer} onChange={(change) => onChange(offers.map((o, j) => (j === i ? { ...o, ...change } : o)))} onRemove={() => onChange(offers.filter((_, j) => j !== i))} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn btn-small" data-action="add-offer" disabled={offers.length >= 20} onClick={() => onChange([...offers, newOffer(offers, defaultMode)])}>
        {t('assets.offers.add')}
      </button>
    </div>
  );
}
