import { useVocabulary } from '../../api/catalog-api';
import type { CatalogEntry } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { StatusTag } from '../../components/StatusTag';
import { piiKindLabels } from '../../i18n/catalog-labels';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** 数据字典: each field's name, type, meaning, unit, personal information and vocabulary term. */
export function DictionaryTable({ dictionary }: { dictionary: CatalogEntry['dictionary'] }) {
  const { t, locale } = useI18n();
  const label = useLabel();
  const vocabulary = useVocabulary();
  const conceptLabel = (id: string) => vocabulary.data?.concepts.find((c) => c.id === id)?.label[locale];
  const fields = dictionary?.fields ?? [];
  const keys = new Set(dictionary?.primaryKey ?? []);
  return (
    <Card title={t('catalog.dictionary.title')}>
      {fields.length === 0 ? (
        <EmptyState title={t('catalog.dictionary.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dictionary">
            <thead>
              <tr>
                <th>{t('catalog.dictionary.field')}</th>
                <th>{t('catalog.dictionary.type')}</th>
                <th>{t('catalog.dictionary.fieldTitle')}</th>
                <th>{t('catalog.dictionary.unit')}</th>
                <th>{t('catalog.dictionary.pii')}</th>
                <th>{t('catalog.dictionary.concept')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.name} data-field={f.name}>
                  <td>
                    <code className="mono">{f.name}</code>
                    {keys.has(f.name) && <span className="masked-note">{t('catalog.dictionary.primaryKey')}</span>}
                    {f.required && <span className="masked-note">{t('catalog.dictionary.required')}</span>}
                  </td>
                  <td><code className="mono">{f.format ? `${f.type} (${f.format})` : f.type}</code></td>
                  <td>
                    {localized(f.title, locale) ?? '—'}
                    {f.description && <div className="small muted">{localized(f.description, locale)}</div>}
                  </td>
                  <td>{f.unit ?? '—'}</td>
                  <td className="nowrap">
                    {f.pii ? label(piiKindLabels, f.pii.kind) : '—'}{' '}
                    {f.pii?.sensitive && <StatusTag tone="red" value="sensitive">{t('catalog.dictionary.sensitive')}</StatusTag>}
                  </td>
                  <td>
                    {f.concept ? (
                      <>
                        {conceptLabel(f.concept) ?? ''} <code className="mono small">{f.concept}</code>
                      </>
                    ) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
