import { useState } from 'react';
import { saveBlob } from '../format/save-blob';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/use-i18n';
import { ErrorBanner } from './ErrorBanner';

export interface DownloadOption {
  /** Also the button's `data-format`, which tests select by. */
  format: string;
  label: MessageKey;
  fileName: string;
  fetch: () => Promise<Blob>;
}

/**
 * A row of download buttons for documents the API serves to the signed-in caller only: each is
 * fetched with the session's token and saved as a file (a plain link would lack the token).
 * `label` names the group (metadata downloads by default); `bare` leaves its visible prefix out.
 */
export function DownloadGroup({ options, label = 'catalog.entry.download', bare = false }: { options: readonly DownloadOption[]; label?: MessageKey; bare?: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (option: DownloadOption) => {
    setBusy(option.format);
    setError(null);
    try {
      saveBlob(await option.fetch(), option.fileName);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="download-buttons" role="group" aria-label={t(label)}>
      {!bare && <span className="muted">{t(label)}:</span>}
      {options.map((option) => (
        <button key={option.format} type="button" className="btn btn-small" data-format={option.format} disabled={busy !== null} onClick={() => void download(option)}>{t(option.label)}</button>
      ))}
      {Boolean(error) && <ErrorBanner error={error} />}
    </div>
  );
}
