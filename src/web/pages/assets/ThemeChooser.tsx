import { themeLabels } from '../../i18n/catalog-labels';
import { useLabel } from '../../i18n/use-label';
import { themeBase } from './metadata-form-state';

/** The EU data themes (DCAT-AP) as check boxes; the entry keeps their IRIs. */
export function ThemeChooser({ value, onChange }: { value: string[]; onChange(themes: string[]): void }) {
  const label = useLabel();
  const toggle = (iri: string) => onChange(value.includes(iri) ? value.filter((v) => v !== iri) : [...value, iri]);
  return (
    <div className="checks-row theme-chooser">
      {Object.keys(themeLabels).map((code) => {
        const iri = `${themeBase}${code}`;
        return (
          <label key={code} className="check-option">
            <input type="checkbox" name="theme" value={code} checked={value.includes(iri)} onChange={() => toggle(iri)} />
            {label(themeLabels, code)}
          </label>
        );
      })}
    </div>
  );
}
