import type { PiiScan } from '../../api/asset-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { useI18n } from '../../i18n/use-i18n';
import { DictionaryFieldRow } from './DictionaryFieldRow';
import { isDescribed, type FieldForm } from './dictionary-form-state';

/**
 * 数据字典 as the connector inferred it from a sample: the provider gives each field a title or a
 * description, a unit, its personal information (checked against the scan) and a vocabulary term.
 */
export function DictionaryEditor({ fields, piiScan, onChange }: { fields: FieldForm[]; piiScan: PiiScan | undefined; onChange(change: (fields: FieldForm[]) => FieldForm[]): void }) {
  const { t } = useI18n();
  const undescribed = fields.filter((f) => !isDescribed(f)).length;
  const scans = new Map((piiScan?.fields ?? []).map((f) => [f.field, f]));
  const extra = <span className={undescribed ? 'small field-error' : 'muted small'}>{t('assets.dictionary.describedCount', { described: fields.length - undescribed, total: fields.length })}</span>;
  return (
    <Card title={t('catalog.dictionary.title')} extra={extra}>
      <p className="muted small">{t('assets.dictionary.hint')}</p>
      {fields.length === 0 ? (
        <EmptyState title={t('catalog.dictionary.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table dictionary-editor" data-testid="dictionary-editor">
            <thead>
              <tr>
                <th>{t('catalog.dictionary.field')}</th>
                <th>{t('catalog.dictionary.fieldTitle')}</th>
                <th>{t('assets.dictionary.description')}</th>
                <th>{t('catalog.dictionary.unit')}</th>
                <th>{t('catalog.dictionary.pii')}</th>
                <th>{t('catalog.dictionary.concept')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field, i) => (
                <DictionaryFieldRow key={field.name} field={field} scan={scans.get(field.name)} onChange={(change) => onChange((all) => all.map((f, j) => (j === i ? { ...f, ...change } : f)))} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
