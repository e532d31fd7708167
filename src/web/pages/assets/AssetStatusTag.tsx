import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/use-i18n';
import { CatalogStatusTag } from '../catalog/CatalogStatusTag';

/** Where the resource stands in the catalog: its publication's status, or 未发布 (a draft). */
export function AssetStatusTag({ status }: { status: string | undefined }) {
  const { t } = useI18n();
  if (!status) return <StatusTag tone="blue" value="draft">{t('assets.status.draft')}</StatusTag>;
  return <CatalogStatusTag status={status} />;
}
