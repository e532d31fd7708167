import { useState, type FormEvent } from 'react';
import { useUploadAsset } from '../../api/assets-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { formatBytes } from '../../format/format-bytes';
import { useI18n } from '../../i18n/use-i18n';
import { nameFromFile, uploadAccept, uploadMediaType } from './upload-media-type';

/** Uploads a CSV, JSON Lines or Parquet file as it is; the Content-Type from its extension says the format. */
export function UploadForm({ onCreated }: { onCreated(id: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadAsset();
  const type = file ? uploadMediaType(file.name) : undefined;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (chosen && !name.trim()) setName(nameFromFile(chosen.name));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && type) upload.mutate({ name: name.trim(), file, type }, { onSuccess: (asset) => onCreated(asset.id) });
  };
  return (
    <form onSubmit={submit} noValidate>
      {upload.error && <ErrorBanner error={upload.error} />}
      <FormField label={t('assets.new.file')} htmlFor="upload-file" required hint={t('assets.new.fileHint')} error={file && !type ? t('assets.new.fileUnsupported') : undefined}>
        <input id="upload-file" name="file" type="file" accept={uploadAccept} onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        {file && type && <p className="field-hint">{file.name} · {formatBytes(file.size)} · <code className="mono">{type}</code></p>}
      </FormField>
      <FormField label={t('assets.new.name')} htmlFor="upload-name" required hint={t('assets.new.nameHint')}>
        <input id="upload-name" name="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} required />
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={upload.isPending || !file || !type || !name.trim()}>
          {upload.isPending ? t('assets.new.uploading') : t('assets.new.upload')}
        </button>
      </div>
    </form>
  );
}
