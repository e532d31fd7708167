import type { CatalogOffer } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { accessModeLabels, priceModelLabels } from '../../i18n/catalog-labels';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** The offers a consumer may start a contract negotiation from: access mode, price model and price. */
export function OffersTable({ offers }: { offers: CatalogOffer[] }) {
  const { t, locale, formatNumber } = useI18n();
  const label = useLabel();
  const price = (o: CatalogOffer) => {
    if (!o.price) return t('catalog.offers.noPrice');
    const amount = formatNumber(o.price.amount);
    return o.price.unit ? t('catalog.offers.priceValuePerUnit', { amount, unit: o.price.unit }) : t('catalog.offers.priceValue', { amount });
  };
  return (
    <Card title={t('catalog.offers.title')}>
      {offers.length === 0 ? (
        <EmptyState title={t('catalog.offers.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('catalog.offers.id')}</th>
                <th>{t('catalog.facet.accessMode')}</th>
                <th>{t('catalog.facet.priceModel')}</th>
                <th>{t('catalog.offers.price')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.id} data-offer={o.id}>
                  <td>
                    {localized(o.title, locale) ?? <code className="mono">{o.id}</code>}
                  </td>
                  <td>{label(accessModeLabels, o.accessMode)}</td>
                  <td>{label(priceModelLabels, o.priceModel)}</td>
                  <td className="nowrap">{price(o)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
