import { useAssets } from '../../api/assets-api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { AssetTable } from './AssetTable';

/** 数据资源: what this connector has registered, newest change first, with its catalog status. */
export function AssetListPage() {
  const { t } = useI18n();
  const query = useAssets();
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const register = <Link to={paths.assetNew} className="btn btn-primary">{t('assets.register')}</Link>;
  return (
    <>
      <PageHeader title={t('assets.title')} subtitle={t('assets.subtitle')} extra={register} />
      <div className="card">
        {query.isError && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <Loading />}
        {query.data && items.length === 0 && <EmptyState title={t('assets.empty')} hint={t('assets.emptyHint')} action={register} />}
        {items.length > 0 && <AssetTable assets={items} />}
      </div>
    </>
  );
}
