import { useState } from 'react';
import type { FacetCount, FacetName } from '../../api/catalog-types';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';

const collapsedSize = 6;

/**
 * One facet: its values with their counts, each a checkbox; checked values stay listed (count 0)
 * even when the current result has none of them, so they can be unchecked.
 */
export function FacetGroup({ facet, values, selected, labelOf, onToggle }: {
  facet: FacetName;
  values: FacetCount[];
  selected: string[];
  labelOf(value: string, sent?: string): string;
  onToggle(value: string): void;
}) {
  const { t, formatNumber } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const missing = selected.filter((v) => !values.some((c) => c.value === v)).map((value) => ({ value, count: 0 }));
  const all: FacetCount[] = [...values, ...missing];
  const shown = expanded ? all : all.filter((c, i) => i < collapsedSize || selected.includes(c.value));
  const key: MessageKey = `catalog.facet.${facet}`;
  const title = t(key);
  return (
    <fieldset className="facet" data-facet={facet}>
      <legend className="facet-title">{title}</legend>
      {all.length === 0 ? (
        <p className="facet-none">{t('catalog.facetNone')}</p>
      ) : (
        <ul className="facet-values">
          {shown.map((c) => (
            <li key={c.value}>
              <label className="facet-value" title={c.value}>
                <input type="checkbox" data-value={c.value} checked={selected.includes(c.value)} onChange={() => onToggle(c.value)} />
                <span className="facet-label">{labelOf(c.value, c.label)}</span>
                <span className="facet-count">{formatNumber(c.count)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {all.length > collapsedSize && (
        <button type="button" className="btn btn-link btn-small" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('catalog.showLess') : t('catalog.showMore', { n: all.length })}
        </button>
      )}
    </fieldset>
  );
}
