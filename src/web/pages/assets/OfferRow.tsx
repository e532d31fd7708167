import { accessModeLabels, priceModelLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { unpricedModels, type OfferForm } from './offer-form-state';

/** One offer: its id, how the data is reached, the price model and, when it has one, the price in yuan; its policy opens beneath. */
export function OfferRow({ index, offer, policyOpen, onTogglePolicy, onChange, onRemove }: { index: number; offer: OfferForm; policyOpen: boolean; onTogglePolicy(): void; onChange(change: Partial<OfferForm>): void; onRemove(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const priced = !unpricedModels.includes(offer.priceModel);
  return (
    <tr data-offer-row={index}>
      <td>
        <input name={`offer-id-${index}`} className="mono" aria-label={t('assets.offers.id')} maxLength={100} pattern="[A-Za-z0-9._-]+" value={offer.id} onChange={(e) => onChange({ id: e.target.value })} />
      </td>
      <td>
        <select name={`offer-access-${index}`} aria-label={t('catalog.facet.accessMode')} value={offer.accessMode} onChange={(e) => onChange({ accessMode: e.target.value })}>
          {Object.keys(accessModeLabels).map((m) => <option key={m} value={m}>{label(accessModeLabels, m)}</option>)}
        </select>
      </td>
      <td>
        <select name={`offer-price-model-${index}`} aria-label={t('catalog.facet.priceModel')} value={offer.priceModel} onChange={(e) => onChange({ priceModel: e.target.value })}>
          {Object.keys(priceModelLabels).map((m) => <option key={m} value={m}>{label(priceModelLabels, m)}</option>)}
        </select>
      </td>
      <td>
        {priced ? (
          <div className="inline-fields">
            <input name={`offer-amount-${index}`} className="input-narrow" type="number" min={0} step="0.01" aria-label={t('assets.offers.amount')} placeholder={t('assets.offers.amount')} value={offer.amount} onChange={(e) => onChange({ amount: e.target.value })} />
            <input name={`offer-unit-${index}`} className="input-narrow" maxLength={40} aria-label={t('assets.offers.unit')} placeholder={t('assets.offers.unit')} value={offer.unit} onChange={(e) => onChange({ unit: e.target.value })} />
          </div>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="col-actions">
        <button type="button" className="btn btn-link" data-action={`edit-policy-${index}`} aria-expanded={policyOpen} onClick={onTogglePolicy}>
          {t(policyOpen ? 'policy.close' : offer.policy ? 'policy.edit' : 'policy.add')}
        </button>
        <button type="button" className="btn btn-link" onClick={onRemove}>{t('common.remove')}</button>
      </td>
    </tr>
  );
}
