import { useCodeList } from '../api/code-lists-api';
import { useI18n } from '../i18n/use-i18n';
import { treeOrder } from './CodePicker';

/**
 * Chooses one code by name (a region, an industry) for a text field that holds the code: the
 * field stays the source of truth, so a code the list does not name can still be typed.
 */
export function CodeSelect({ id, list, value, onChange, label }: { id: string; list: 'regions' | 'industries'; value: string; onChange(code: string): void; label: string }) {
  const { locale } = useI18n();
  const choices = useCodeList(list).data?.items ?? [];
  const known = choices.some((c) => c.code === value);
  return (
    <div className="field code-select">
      <select id={id} name={id} aria-label={label} value={known ? value : ''} onChange={(e) => e.target.value && onChange(e.target.value)}>
        <option value="">{label}</option>
        {treeOrder(choices).map((c) => (
          <option key={c.code} value={c.code} title={c.code}>{`${'\u3000'.repeat(c.depth)}${c.name[locale]} (${c.code})`}</option>
        ))}
      </select>
    </div>
  );
}
