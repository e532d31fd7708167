import { useAsset } from '../../api/assets-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { AssetWorkspace } from './AssetWorkspace';

/** A data resource on this connector (`/assets/:id`). */
export function AssetDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useAsset(id);
  const breadcrumb = <Link to={paths.assets}>← {t('assets.backToList')}</Link>;
  if (query.isPending) return <Loading />;
  if (query.isError) return (<><PageHeader title={t('assets.detail.title')} breadcrumb={breadcrumb} /><ErrorBanner error={query.error} onRetry={() => void query.refetch()} /></>);
  return <AssetWorkspace asset={query.data} breadcrumb={breadcrumb} />;
}
