import { useState, type ChangeEvent } from 'react';
import type { DocumentUpload } from '../../api/api-types';
import { FormField } from '../../components/FormField';
import { formatBytes } from '../../format/format-bytes';
import { documentKindLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

const maxBytes = 5 * 1024 * 1024;
const kinds = ['business-licence', 'authorization-letter', 'other'];

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const sizeOf = (doc: DocumentUpload) => Math.floor((doc.content.length * 3) / 4) - (doc.content.match(/=+$/)?.[0].length ?? 0);

/** Licence and other documents, read in the browser and sent base64 in the application. */
export function DocumentPicker({ documents, onChange, error }: { documents: DocumentUpload[]; onChange(documents: DocumentUpload[]): void; error?: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const [localError, setLocalError] = useState<string>();

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const tooLarge = files.find((f) => f.size > maxBytes);
    setLocalError(tooLarge ? t('apply.documentTooLarge', { name: tooLarge.name }) : undefined);
    const added = await Promise.all(
      files.filter((f) => f.size <= maxBytes).map(async (file) => ({
        kind: documents.length === 0 ? 'business-licence' : 'other',
        name: file.name,
        mediaType: file.type || 'application/octet-stream',
        content: await readBase64(file),
      })),
    );
    onChange([...documents, ...added].slice(0, 10));
  };

  return (
    <FormField label={t('apply.documents')} error={error ?? localError} hint={t('apply.documentsHint')}>
      {documents.length > 0 && (
        <ul className="doc-list">
          {documents.map((doc, i) => (
            <li key={`${doc.name}:${i}`}>
              <select aria-label={t('documents.kind')} value={doc.kind} onChange={(e) => onChange(documents.map((d, j) => (j === i ? { ...d, kind: e.target.value } : d)))}>
                {kinds.map((k) => <option key={k} value={k}>{label(documentKindLabels, k)}</option>)}
              </select>
              <span className="doc-name">{doc.name}</span>
              <span className="muted small">{formatBytes(sizeOf(doc))}</span>
              <button type="button" className="btn btn-link" onClick={() => onChange(documents.filter((_, j) => j !== i))}>{t('common.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      {/* The native button speaks the browser's language; this label speaks the console's. */}
      <input id="documents" name="documents" type="file" multiple className="visually-hidden" onChange={(e) => void add(e)} />
      <label htmlFor="documents" className="btn btn-small file-button">{t('apply.chooseFiles')}</label>
    </FormField>
  );
}
