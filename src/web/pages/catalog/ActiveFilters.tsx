import { facetNames, type FacetName } from '../../api/catalog-types';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import type { SearchState } from './search-state';

/** The chosen facet values as removable chips, and a way to drop them all. */
export function ActiveFilters({ state, labelOf, onToggle, onClear }: {
  state: SearchState;
  labelOf(facet: FacetName, value: string): string;
  onToggle(facet: FacetName, value: string): void;
  onClear(): void;
}) {
  const { t } = useI18n();
  const chosen = facetNames.flatMap((facet) => (state.filters[facet] ?? []).map((value) => ({ facet, value })));
  if (chosen.length === 0) return null;
  return (
    <div className="active-filters" aria-label={t('catalog.activeFilters')} role="group">
      <span className="muted">{t('catalog.activeFilters')}:</span>
      {chosen.map(({ facet, value }) => {
        const facetKey: MessageKey = `catalog.facet.${facet}`;
        const text = `${t(facetKey)}: ${labelOf(facet, value)}`;
        return (
          <button key={`${facet}:${value}`} type="button" className="chip" data-facet={facet} data-value={value} aria-label={t('catalog.removeFilter', { label: text })} onClick={() => onToggle(facet, value)}>
            {text} <span aria-hidden="true">×</span>
          </button>
        );
      })}
      <button type="button" className="btn btn-link btn-small" onClick={onClear}>{t('catalog.clearFilters')}</button>
    </div>
  );
}
