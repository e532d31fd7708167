import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import type { SourceFieldProps } from './source-field-props';

/** A file already in the connector's source directory (set by its operator with --sources). */
export function FileSourceFields({ form, set }: SourceFieldProps) {
  const { t } = useI18n();
  return (
    <>
      <FormField label={t('assets.source.format')} htmlFor="source-format" required>
        <select id="source-format" name="format" value={form.format} onChange={(e) => set('format', e.target.value as typeof form.format)}>
          <option value="csv">CSV</option>
          <option value="jsonl">JSON Lines</option>
          <option value="parquet">Parquet</option>
        </select>
      </FormField>
      <FormField label={t('assets.source.path')} htmlFor="source-path" required hint={t('assets.source.pathHint')}>
        <input id="source-path" name="path" spellCheck={false} maxLength={1000} value={form.path} onChange={(e) => set('path', e.target.value)} required />
      </FormField>
    </>
  );
}
