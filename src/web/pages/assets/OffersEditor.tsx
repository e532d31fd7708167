import { Fragment, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { newOffer, type OfferForm } from './offer-form-state';
import { OfferRow } from './OfferRow';
import { PolicyEditor } from './PolicyEditor';

/** 要约: what a consumer may start a contract negotiation from (at least one; 1 to 20), each with its usage policy. */
export function OffersEditor({ assetId, offers, defaultMode, onChange }: { assetId: string; offers: OfferForm[]; defaultMode: string; onChange(offers: OfferForm[]): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | undefined>(undefined);
  const change = (i: number, patch: Partial<OfferForm>) => onChange(offers.map((o, j) => (j === i ? { ...o, ...patch } : o)));
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
                <Fragment key={i}>
                  <OfferRow
                    index={i}
                    offer={offer}
                    policyOpen={open === i}
                    onTogglePolicy={() => setOpen(open === i ? undefined : i)}
                    onChange={(patch) => change(i, patch)}
                    onRemove={() => {
                      setOpen(undefined);
                      onChange(offers.filter((_, j) => j !== i));
                    }}
                  />
                  {open === i && (
                    <tr className="offer-policy-row">
                      <td colSpan={5}>
                        <PolicyEditor index={i} assetId={assetId} offer={offer} onChange={(patch) => change(i, patch)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
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
