import { assetMetadataFormats, fetchAssetMetadataAs, type AssetMetadataFormat } from '../../api/assets-api';
import { DownloadGroup } from '../../components/DownloadGroup';
import type { MessageKey } from '../../i18n/messages';

const buttons: ReadonlyArray<[AssetMetadataFormat, MessageKey]> = [
  ['jsonld', 'catalog.entry.downloadJsonLd'],
  ['turtle', 'catalog.entry.downloadTurtle'],
  ['csv', 'assets.download.csv'],
  ['tableSchema', 'assets.download.tableSchema'],
];

/** The description as DCAT JSON-LD, Turtle or a CSV catalog sheet row, and the dictionary as a Table Schema. */
export function MetadataDownloads({ id, version }: { id: string; version: number }) {
  const options = buttons.map(([format, label]) => ({
    format,
    label,
    fileName: `${id}-v${version}.${assetMetadataFormats[format].extension}`,
    fetch: () => fetchAssetMetadataAs(id, format),
  }));
  return <DownloadGroup options={options} />;
}
