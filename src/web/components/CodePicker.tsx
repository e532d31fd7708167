import type { CodeChoice } from '../api/code-lists-api';
import { useI18n } from '../i18n/use-i18n';

/** Choices in tree order (each after its parent), with their depth for indenting. */
export function treeOrder(choices: readonly CodeChoice[]): Array<CodeChoice & { depth: number }> {
  const known = new Set(choices.map((c) => c.code));
  const children = (parent: string | undefined) => choices.filter((c) => (c.parent && known.has(c.parent) ? c.parent : undefined) === parent);
  const walk = (parent: string | undefined, depth: number): Array<CodeChoice & { depth: number }> =>
    children(parent).flatMap((c) => [{ ...c, depth }, ...walk(c.code, depth + 1)]);
  return walk(undefined, 0);
}

/**
 * Picks codes by name: the chosen ones as tags showing the name, the code a hover away (and
 * written small beside it); a code the list does not name (typed through the API) is shown as
 * written and kept. Used for GB/T 2260 regions and GB/T 4754 industries.
 */
export function CodePicker({ id, name, choices, value, onChange, addLabel }: { id: string; name: string; choices: readonly CodeChoice[]; value: readonly string[]; onChange(codes: string[]): void; addLabel: string }) {
  const { t, locale } = useI18n();
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const ordered = treeOrder(choices);
  return (
    <div className="code-picker" data-picker={name}>
      <ul className="code-tags">
        {value.map((code) => {
          const choice = byCode.get(code);
          return (
            <li key={code} className="code-tag" data-code={code} title={code}>
              <span>{choice ? choice.name[locale] : code}</span>
              {choice && <span className="mono muted small"> {code}</span>}
              <button type="button" className="btn btn-link" aria-label={t('picker.remove', { name: choice?.name[locale] ?? code })} onClick={() => onChange(value.filter((c) => c !== code))}>×</button>
            </li>
          );
        })}
      </ul>
      <select id={id} name={name} aria-label={addLabel} value="" onChange={(e) => e.target.value && !value.includes(e.target.value) && onChange([...value, e.target.value])}>
        <option value="">{addLabel}</option>
        {ordered.map((c) => (
          <option key={c.code} value={c.code} disabled={value.includes(c.code)} title={c.code}>
            {`${'\u3000'.repeat(c.depth)}${c.name[locale]} (${c.code})`}
          </option>
        ))}
      </select>
    </div>
  );
}
