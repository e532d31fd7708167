import type { Asset } from '../../api/asset-types';
import { sourceKindLabels } from '../../i18n/asset-labels';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ClassificationTag } from '../catalog/ClassificationTag';
import { assetVersionText } from './asset-version';
import { AssetStatusTag } from './AssetStatusTag';

/** The connector's data resources: title, source, classification, catalog status, version. */
export function AssetTable({ assets }: { assets: Asset[] }) {
  const { t, locale, formatDateTime, formatNumber } = useI18n();
  const label = useLabel();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="assets">
        <thead>
          <tr>
            <th>{t('assets.column.title')}</th>
            <th>{t('assets.column.source')}</th>
            <th>{t('assets.column.fields')}</th>
            <th>{t('catalog.entry.classification')}</th>
            <th>{t('assets.column.status')}</th>
            <th>{t('catalog.mine.version')}</th>
            <th>{t('catalog.entry.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {assets.map((a) => (
            <tr key={a.id} data-asset={a.id}>
              <td>
                <Link to={paths.asset(a.id)} className="strong-link">{localized(a.entry.title, locale) ?? a.name}</Link>
                <div className="small muted mono">{a.id}</div>
              </td>
              <td className="nowrap">{label(sourceKindLabels, a.source.kind)}</td>
              <td className="num">{formatNumber(a.entry.dictionary?.fields.length ?? 0)}</td>
              <td>{a.entry.classification ? <ClassificationTag classification={a.entry.classification} /> : <span className="muted">{t('assets.unclassified')}</span>}</td>
              <td><AssetStatusTag status={a.publication?.status} /></td>
              <td className="nowrap" data-testid="asset-version">{t(...assetVersionText(a))}</td>
              <td className="nowrap">{formatDateTime(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
