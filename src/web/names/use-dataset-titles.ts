import { useQueries } from '@tanstack/react-query';
import { apiRequest } from '../api/api-client';
import type { CatalogRecord } from '../api/catalog-types';
import { localized } from '../i18n/localized-text';
import { useI18n } from '../i18n/use-i18n';

/**
 * Catalog titles for several resources at once (a select's options cannot hold components),
 * sharing the cache of `useCatalogEntry`. A resource the catalog does not show us has no title.
 */
export function useDatasetTitles(ids: readonly string[]): (id: string) => string | undefined {
  const { locale } = useI18n();
  const unique = [...new Set(ids.filter((id) => id.startsWith('urn:tds:')))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['catalog', 'entry', id, null],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<CatalogRecord>(`/api/v1/catalog/entries/${encodeURIComponent(id)}`, { signal }),
    })),
  });
  const titles = new Map(unique.map((id, i) => [id, localized(results[i]?.data?.entry.title, locale)]));
  return (id) => titles.get(id);
}
