import type { Dashboard, DashboardPeriod } from '../../api/dashboard-types';
import { Card } from '../../components/Card';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { useI18n } from '../../i18n/use-i18n';
import { CsvButton } from './CsvButton';

/** 热门数据产品: catalog entries ranked by agreements in the period, then transfers and sandbox jobs under them. */
export function TopProductsCard({ data, period }: { data: Dashboard; period: DashboardPeriod }) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <Card title={t('dashboard.section.products')} extra={<CsvButton section="products" period={period} />} className="dashboard-section">
      {data.topProducts.length === 0 ? (
        <p className="muted" data-testid="dashboard-products" data-empty="true">{t('dashboard.products.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dashboard-products">
            <thead>
              <tr>
                <th className="num">{t('dashboard.products.rank')}</th>
                <th>{t('dashboard.products.resource')}</th>
                <th>{t('dashboard.products.provider')}</th>
                <th className="num">{t('dashboard.products.agreements')}</th>
                <th className="num">{t('dashboard.products.transfers')}</th>
                <th className="num">{t('dashboard.products.sandboxJobs')}</th>
              </tr>
            </thead>
            <tbody>
              {data.topProducts.map((p, i) => (
                <tr key={p.id} data-product={p.id}>
                  <td className="num">{i + 1}</td>
                  <td><Link to={paths.catalogEntry(p.id)}>{p.title[locale]}</Link></td>
                  <td>{p.provider.name}</td>
                  <td className="num" data-figure="agreements">{formatNumber(p.agreements)}</td>
                  <td className="num" data-figure="transfers">{formatNumber(p.transfers)}</td>
                  <td className="num" data-figure="sandboxJobs">{formatNumber(p.sandboxJobs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
