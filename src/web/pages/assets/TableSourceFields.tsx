import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import type { SourceFieldProps } from './source-field-props';

/** A PostgreSQL or SQLite table; the connection URL may hold a password, so it is typed like one. */
export function TableSourceFields({ form, set }: SourceFieldProps) {
  const { t } = useI18n();
  return (
    <>
      <FormField label={t('assets.source.engine')} htmlFor="source-engine" required>
        <select id="source-engine" name="engine" value={form.engine} onChange={(e) => set('engine', e.target.value as typeof form.engine)}>
          <option value="postgres">PostgreSQL</option>
          <option value="sqlite">SQLite</option>
        </select>
      </FormField>
      <FormField label={t('assets.source.url')} htmlFor="source-url" required hint={t(form.engine === 'postgres' ? 'assets.source.urlHintPostgres' : 'assets.source.urlHintSqlite')}>
        <input id="source-url" name="url" type="password" autoComplete="off" spellCheck={false} maxLength={2000} value={form.url} onChange={(e) => set('url', e.target.value)} required />
      </FormField>
      {form.engine === 'postgres' && (
        <FormField label={t('assets.source.schema')} htmlFor="source-schema" hint={t('assets.source.schemaHint')}>
          <input id="source-schema" name="schema" maxLength={200} value={form.schema} onChange={(e) => set('schema', e.target.value)} />
        </FormField>
      )}
      <FormField label={t('assets.source.table')} htmlFor="source-table" required>
        <input id="source-table" name="table" maxLength={200} value={form.table} onChange={(e) => set('table', e.target.value)} required />
      </FormField>
    </>
  );
}
