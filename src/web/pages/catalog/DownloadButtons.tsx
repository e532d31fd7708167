import { useState } from 'react';
import { entryFormats, fetchEntryAs, type EntryFormat } from '../../api/catalog-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { saveBlob } from '../../format/save-blob';
import { useI18n } from '../../i18n/use-i18n';

/** A file name from the URN's resource part: `urn:tds:s:p_1:electricity-2024` → `electricity-2024.ttl`. */
function fileName(id: string, version: number, format: EntryFormat): string {
  const resource = id.split(':').slice(4).join('-') || 'entry';
  return `${resource.replace(/[^A-Za-z0-9._~-]+/g, '-')}-v${version}.${entryFormats[format].extension}`;
}

/**
 * The entry's metadata as DCAT JSON-LD or Turtle. Fetched with the session's token and saved as a
 * file: a plain link would reach the API without it and be refused.
 */
export function DownloadButtons({ id, version }: { id: string; version: number }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<EntryFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (format: EntryFormat) => {
    setBusy(format);
    setError(null);
    try {
      saveBlob(await fetchEntryAs(id, format, version), fileName(id, version, format));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="download-buttons" role="group" aria-label={t('catalog.entry.download')}>
      <span className="muted">{t('catalog.entry.download')}:</span>
      <button type="button" className="btn btn-small" data-format="jsonld" disabled={busy !== null} onClick={() => void download('jsonld')}>{t('catalog.entry.downloadJsonLd')}</button>
      <button type="button" className="btn btn-small" data-format="turtle" disabled={busy !== null} onClick={() => void download('turtle')}>{t('catalog.entry.downloadTurtle')}</button>
      {Boolean(error) && <ErrorBanner error={error} />}
    </div>
  );
}
