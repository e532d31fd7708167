import type { PiiScanField } from '../../api/asset-types';
import { StatusTag } from '../../components/StatusTag';
import { piiKindLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { isDescribed, type FieldForm } from './dictionary-form-state';
import { PiiScanNote } from './PiiScanNote';

/** One field of the data dictionary: the provider says what it means; its type comes from the data. */
export function DictionaryFieldRow({ field, scan, onChange }: { field: FieldForm; scan: PiiScanField | undefined; onChange(change: Partial<FieldForm>): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const text = (name: 'titleZh' | 'titleEn' | 'descriptionZh' | 'descriptionEn', input: string, placeholder: string, max: number) => (
    <input name={input} aria-label={`${field.name} ${placeholder}`} placeholder={placeholder} maxLength={max} value={field[name]} onChange={(e) => onChange({ [name]: e.target.value })} />
  );
  return (
    <tr data-field={field.name}>
      <td>
        <code className="mono">{field.name}</code>
        <div className="small muted mono">{field.type}</div>
        {!isDescribed(field) && <StatusTag tone="gold" value="undescribed">{t('assets.dictionary.undescribed')}</StatusTag>}
      </td>
      <td className="stacked-inputs">
        {text('titleZh', 'title-zh', t('assets.dictionary.zh'), 200)}
        {text('titleEn', 'title-en', t('assets.dictionary.en'), 200)}
      </td>
      <td className="stacked-inputs">
        {text('descriptionZh', 'description-zh', t('assets.dictionary.zh'), 2000)}
        {text('descriptionEn', 'description-en', t('assets.dictionary.en'), 2000)}
      </td>
      <td>
        <input name="unit" className="input-narrow" aria-label={`${field.name} ${t('catalog.dictionary.unit')}`} maxLength={40} value={field.unit} onChange={(e) => onChange({ unit: e.target.value })} />
      </td>
      <td>
        <select name="pii-kind" aria-label={`${field.name} ${t('catalog.dictionary.pii')}`} value={field.piiKind} onChange={(e) => onChange({ piiKind: e.target.value, ...(e.target.value ? {} : { sensitive: false }) })}>
          <option value="">{t('assets.dictionary.noPii')}</option>
          {Object.keys(piiKindLabels).map((k) => <option key={k} value={k}>{label(piiKindLabels, k)}</option>)}
        </select>
        <label className="check-option small">
          <input type="checkbox" name="pii-sensitive" checked={field.sensitive} disabled={!field.piiKind} onChange={(e) => onChange({ sensitive: e.target.checked })} />
          {t('catalog.dictionary.sensitive')}
        </label>
        <PiiScanNote scan={scan} declared={field.piiKind} />
      </td>
      <td>
        <input name="concept" className="input-narrow mono" aria-label={`${field.name} ${t('catalog.dictionary.concept')}`} placeholder="tds:…" maxLength={200} value={field.concept} onChange={(e) => onChange({ concept: e.target.value })} />
      </td>
    </tr>
  );
}
