import type { ReactNode } from 'react';
import type { Asset } from '../../api/asset-types';
import { PageHeader } from '../../components/PageHeader';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { ClassificationTag } from '../catalog/ClassificationTag';
import { AssetEditor } from './AssetEditor';
import { AssetStatusTag } from './AssetStatusTag';
import { MetadataDownloads } from './MetadataDownloads';
import { PreviewCard } from './PreviewCard';
import { PublicationCard } from './PublicationCard';
import { PublishCard } from './PublishCard';
import { SourceCard } from './SourceCard';
import { useAssetForm } from './use-asset-form';

/** One resource from source to catalog: check the data, describe and classify it, save, publish, read the review. */
export function AssetWorkspace({ asset, breadcrumb }: { asset: Asset; breadcrumb: ReactNode }) {
  const { t, locale } = useI18n();
  const editing = useAssetForm(asset);
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<>{localized(asset.entry.title, locale) ?? asset.name} <AssetStatusTag status={asset.publication?.status} /> <ClassificationTag classification={asset.entry.classification} /></>}
        subtitle={<><code className="mono">{asset.id}</code> · {t('assets.detail.version', { version: asset.version })}{asset.publication && <> · {t('catalog.versionValue', { version: asset.publication.version })}</>}</>}
      />
      <MetadataDownloads id={asset.id} version={asset.version} />
      <div className="stack">
        <SourceCard asset={asset} editing={editing.dirty} />
        <PreviewCard id={asset.id} />
        <AssetEditor asset={asset} editing={editing} />
        <PublishCard asset={asset} unsaved={editing.dirty || editing.stale} />
        <PublicationCard asset={asset} />
      </div>
    </>
  );
}
