import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { SearchState, SortOrder } from './search-state';

/** Words and sort order; searching goes back to the first page and keeps the filters. */
export function CatalogSearchBar({ value, onApply }: { value: SearchState; onApply(next: SearchState): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(value.q);
  const [seen, setSeen] = useState(value.q);
  if (seen !== value.q) {
    // The address changed (Back, a link): show what it says.
    setSeen(value.q);
    setQ(value.q);
  }
  const sort = value.sort || (value.q ? 'relevance' : 'recent');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...value, q: q.trim(), page: 0 });
  };
  return (
    <form className="filters catalog-search" onSubmit={submit} role="search">
      <label className="filter filter-grow">
        <span>{t('catalog.searchLabel')}</span>
        <input id="catalog-q" name="q" type="search" maxLength={200} placeholder={t('catalog.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label className="filter">
        <span>{t('catalog.sort')}</span>
        <select id="catalog-sort" name="sort" value={sort} onChange={(e) => onApply({ ...value, sort: e.target.value as SortOrder, page: 0 })}>
          <option value="relevance">{t('catalog.sort.relevance')}</option>
          <option value="recent">{t('catalog.sort.recent')}</option>
        </select>
      </label>
      <div className="filter-actions">
        <button type="submit" className="btn btn-primary">{t('common.search')}</button>
      </div>
    </form>
  );
}
