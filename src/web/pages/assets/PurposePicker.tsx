import { usePolicyVocabulary } from '../../api/policies-api';
import { useI18n } from '../../i18n/use-i18n';

/**
 * Purposes from the vocabulary, by their label in the console's language. A purpose written
 * through the API that the vocabulary does not have is listed as written, checked, and kept
 * unless the provider unchecks it.
 */
export function PurposePicker({ index, value, onChange }: { index: number; value: readonly string[]; onChange(purposes: string[]): void }) {
  const { locale } = useI18n();
  const vocabulary = usePolicyVocabulary().data?.purposes ?? [];
  const known = new Set(vocabulary.flatMap((p) => [p.id, p.iri]));
  const options = [...vocabulary.map((p) => ({ id: p.id, label: p.label[locale] })), ...value.filter((v) => !known.has(v)).map((v) => ({ id: v, label: v }))];
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <div className="choice-grid" role="group" data-picker={`purpose-${index}`}>
      {options.map((p) => (
        <label key={p.id} className="choice" title={p.id}>
          <input type="checkbox" name={`purpose-${index}`} value={p.id} checked={value.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
          {p.label}
        </label>
      ))}
    </div>
  );
}
