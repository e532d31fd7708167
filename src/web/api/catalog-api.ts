import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import { useNode } from './console-api';
import type { CatalogHistory, CatalogNotice, CatalogRecord, CatalogRecordList, Concept, DspDataset, SearchResult } from './catalog-types';

const entryPath = (id: string) => `/api/v1/catalog/entries/${encodeURIComponent(id)}`;

/** Search parameters as the API takes them: facet values comma-separated (any of), facets combined (all of). */
export type CatalogQuery = Record<string, string | number | undefined>;

export function useCatalogSearch(query: CatalogQuery) {
  return useQuery({
    queryKey: ['catalog', 'search', query],
    queryFn: ({ signal }) => apiRequest<SearchResult>(`/api/v1/catalog/search${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One entry; `version` asks for an older one (the answer's latestVersion says which is current). */
export function useCatalogEntry(id: string, version?: number, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'entry', id, version ?? null],
    queryFn: ({ signal }) => apiRequest<CatalogRecord>(`${entryPath(id)}${queryString({ version })}`, { signal }),
    enabled,
  });
}

/** Versions, reviews and events; only the provider and the operator's staff may read them. */
export function useCatalogHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['catalog', 'history', id],
    queryFn: ({ signal }) => apiRequest<CatalogHistory>(`${entryPath(id)}/history`, { signal }),
    enabled,
  });
}

export function useCatalogReviews(status: string, offset: number, limit: number) {
  return useQuery({
    queryKey: ['catalog', 'reviews', status, offset, limit],
    queryFn: ({ signal }) => apiRequest<CatalogRecordList>(`/api/v1/catalog/reviews${queryString({ status, offset, limit })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyCatalogEntries() {
  return useQuery({
    queryKey: ['catalog', 'mine'],
    queryFn: ({ signal }) => apiRequest<CatalogRecordList>('/api/v1/catalog/mine', { signal }),
  });
}

export function useCatalogNotices(enabled: boolean) {
  return useQuery({
    queryKey: ['catalog', 'notices'],
    queryFn: ({ signal }) => apiRequest<{ items: CatalogNotice[] }>('/api/v1/catalog/notices', { signal }),
    enabled,
  });
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: number) => apiRequest<void>('/api/v1/catalog/notices/read', { method: 'POST', body: { upTo } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog', 'notices'] }),
  });
}

/**
 * The shared vocabulary, for concept labels; it changes only with the operator's release. Only
 * the operator serves it: a connector console shows concepts by their ids.
 */
export function useVocabulary() {
  const node = useNode();
  return useQuery({
    queryKey: ['catalog', 'vocabulary'],
    queryFn: ({ signal }) => apiRequest<{ concepts: Concept[] }>('/api/v1/catalog/vocabulary', { signal }),
    staleTime: Infinity,
    enabled: node === 'operator',
  });
}

/**
 * The entry's live offers (a DSP Dataset with `hasPolicy`), read by this connector from the
 * provider's own connector; only a connector console asks for them.
 */
export function useLiveOffers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['catalog', 'live-offers', id],
    queryFn: ({ signal }) => apiRequest<DspDataset>(`${entryPath(id)}/offers`, { signal }),
    enabled,
  });
}

/** Approve or reject an entry waiting for manual review; every catalog answer is read again. */
export function useCatalogDecision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, reason }: { decision: 'approve' | 'reject'; reason?: string }) =>
      apiRequest<CatalogRecord>(`${entryPath(id)}/review`, { method: 'POST', body: reason ? { decision, reason } : { decision } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

export const entryFormats = {
  jsonld: { accept: 'application/ld+json', type: 'application/ld+json', extension: 'jsonld' },
  turtle: { accept: 'text/turtle', type: 'text/turtle', extension: 'ttl' },
} as const;
export type EntryFormat = keyof typeof entryFormats;

/** The entry as DCAT JSON-LD or Turtle, fetched with the session's token (a plain link would lack it). */
export async function fetchEntryAs(id: string, format: EntryFormat, version?: number): Promise<Blob> {
  const { accept, type } = entryFormats[format];
  const text = await apiRequest<string>(`${entryPath(id)}${queryString({ version })}`, { as: 'text', accept: `${accept}, application/problem+json` });
  return new Blob([text], { type: `${type};charset=utf-8` });
}
