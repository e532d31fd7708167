import { useState } from 'react';
import { assetMetadataFormats, fetchAssetMetadataAs, type AssetMetadataFormat } from '../../api/assets-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { saveBlob } from '../../format/save-blob';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';

const buttons: ReadonlyArray<[AssetMetadataFormat, MessageKey]> = [
  ['jsonld', 'catalog.entry.downloadJsonLd'],
  ['turtle', 'catalog.entry.downloadTurtle'],
  ['csv', 'assets.download.csv'],
  ['tableSchema', 'assets.download.tableSchema'],
];

/** The description as DCAT JSON-LD, Turtle or a CSV catalog sheet row, and the dictionary as a Table Schema. */
export function MetadataDownloads({ id, version }: { id: string; version: number }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<AssetMetadataFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (format: AssetMetadataFormat) => {
    setBusy(format);
    setError(null);
    try {
      saveBlob(await fetchAssetMetadataAs(id, format), `${id}-v${version}.${assetMetadataFormats[format].extension}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="download-buttons" role="group" aria-label={t('catalog.entry.download')}>
      <span className="muted">{t('catalog.entry.download')}:</span>
      {buttons.map(([format, label]) => (
        <button key={format} type="button" className="btn btn-small" data-format={format} disabled={busy !== null} onClick={() => void download(format)}>{t(label)}</button>
      ))}
      {Boolean(error) && <ErrorBanner error={error} />}
    </div>
  );
}
