import { useCatalogHistory } from '../../api/catalog-api';
import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HashText } from '../../components/HashText';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { CatalogTimeline } from './CatalogTimeline';

/** Versions, status changes and reviews of the entry, each with its evidence hash (provider and staff only). */
export function EntryHistoryCard({ id, shownVersion, versionPath }: { id: string; shownVersion: number; versionPath(version: number): string }) {
  const { t, formatDateTime } = useI18n();
  const history = useCatalogHistory(id, true);
  return (
    <Card title={t('catalog.history.title')}>
      {history.isPending && <Loading />}
      {history.isError && <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        <>
          <h3 className="subheading">{t('catalog.history.versions')}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="versions">
              <thead>
                <tr>
                  <th>{t('catalog.mine.version')}</th>
                  <th>{t('catalog.entry.updatedAt')}</th>
                  <th>{t('catalog.history.metadataHash')}</th>
                  <th className="col-actions">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {[...history.data.versions].sort((a, b) => b.version - a.version).map((v) => (
                  <tr key={v.version} data-version={v.version}>
                    <td>{t('catalog.versionValue', { version: v.version })}</td>
                    <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                    <td><HashText value={v.metadataHash} /></td>
                    <td className="col-actions">
                      {v.version === shownVersion ? <span className="muted">{t('catalog.history.current')}</span> : <Link to={versionPath(v.version)}>{t('catalog.history.viewVersion')}</Link>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="subheading">{t('catalog.history.events')}</h3>
          <CatalogTimeline history={history.data} />
        </>
      )}
    </Card>
  );
}
