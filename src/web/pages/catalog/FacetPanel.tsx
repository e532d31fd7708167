import { facetNames, type FacetCount, type FacetName } from '../../api/catalog-types';
import { useI18n } from '../../i18n/use-i18n';
import { FacetGroup } from './FacetGroup';
import type { SearchState } from './search-state';

/** The facet panel: every facet the result has values for, or the user has filtered by. */
export function FacetPanel({ facets, state, labelOf, onToggle }: {
  facets: Partial<Record<string, FacetCount[]>>;
  state: SearchState;
  labelOf(facet: FacetName, value: string, sent?: string): string;
  onToggle(facet: FacetName, value: string): void;
}) {
  const { t } = useI18n();
  const shown = facetNames.filter((f) => (facets[f]?.length ?? 0) > 0 || (state.filters[f]?.length ?? 0) > 0);
  return (
    <aside className="facet-panel card" aria-label={t('catalog.facets')}>
      <h2 className="facet-panel-title">{t('catalog.facets')}</h2>
      {shown.length === 0 && <p className="facet-none">{t('catalog.facetNone')}</p>}
      {shown.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          values={facets[facet] ?? []}
          selected={state.filters[facet] ?? []}
          labelOf={(value, sent) => labelOf(facet, value, sent)}
          onToggle={(value) => onToggle(facet, value)}
        />
      ))}
    </aside>
  );
}
