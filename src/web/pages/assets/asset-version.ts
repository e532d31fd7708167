import type { Asset } from '../../api/asset-types';
import type { MessageKey } from '../../i18n/messages';

/**
 * The one version number a person compares with the catalog: the catalog's own (第 N 版, counted
 * by the operator per publication). The connector also counts every save of the asset; that is
 * a revision (修订), named so, and shown as a version only while nothing was published, so the
 * resources list never says 第 2 版 where the catalog says 第 1 版.
 */
export function assetVersionText(asset: Pick<Asset, 'version' | 'publication'>): [MessageKey, Record<string, number>] {
  if (asset.publication) return ['catalog.versionValue', { version: asset.publication.version }];
  return ['assets.revision', { revision: asset.version }];
}
