import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { Asset, AssetPreview, AssetPublication, AssetUpdate, PublishInput, SourceInput } from './asset-types';

const assetPath = (id: string) => `/api/v1/assets/${encodeURIComponent(id)}`;

/** The connector's data resources (数据资源), each with its publication when it has one. */
export function useAssets() {
  return useQuery({
    queryKey: ['assets', 'list'],
    queryFn: ({ signal }) => apiRequest<{ items: Asset[] }>('/api/v1/assets', { signal }),
  });
}

export function useAsset(id: string) {
  return useQuery({
    queryKey: ['assets', 'one', id],
    queryFn: ({ signal }) => apiRequest<Asset>(assetPath(id), { signal }),
  });
}

/** The source's first rows, read live from the source (the provider's own data). */
export function useAssetPreview(id: string, rows = 20) {
  return useQuery({
    queryKey: ['assets', 'preview', id, rows],
    queryFn: ({ signal }) => apiRequest<AssetPreview>(`${assetPath(id)}/preview${queryString({ rows })}`, { signal }),
    staleTime: 60_000,
  });
}

/** The publication as the operator has it now (a manual review may have finished meanwhile). */
export function useAssetPublication(id: string, enabled: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['assets', 'publication', id],
    queryFn: async ({ signal }) => {
      const publication = await apiRequest<AssetPublication>(`${assetPath(id)}/publication`, { signal });
      // The asset's own copy follows, so its status reads the same everywhere.
      queryClient.setQueryData<Asset>(['assets', 'one', id], (asset) => (asset ? { ...asset, publication } : asset));
      return publication;
    },
    enabled,
  });
}

/** Keeps an asset the server answered with, and reads the list and publication again. */
async function keepAsset(queryClient: QueryClient, asset: Asset): Promise<void> {
  queryClient.setQueryData(['assets', 'one', asset.id], asset);
  await queryClient.invalidateQueries({ queryKey: ['assets', 'list'] });
}

/** Uploads a file as it is (streamed by the connector); its Content-Type says the format. */
export function useUploadAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, file, type }: { name: string; file: Blob; type: string }) =>
      apiRequest<Asset>(`/api/v1/assets/uploads${queryString({ name })}`, { method: 'POST', raw: { body: file, type } }),
    onSuccess: (asset) => keepAsset(queryClient, asset),
  });
}

export function useRegisterAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; source: SourceInput }) => apiRequest<Asset>('/api/v1/assets', { method: 'POST', body: input }),
    onSuccess: (asset) => keepAsset(queryClient, asset),
  });
}

/** Saves metadata, dictionary and classification as a new version (409 asset.version-conflict when stale). */
export function useUpdateAsset(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: AssetUpdate) => apiRequest<Asset>(assetPath(id), { method: 'PATCH', body: update }),
    onSuccess: (asset) => keepAsset(queryClient, asset),
  });
}

/** Samples the source again: types and statistics re-inferred, what the provider wrote kept. */
export function useReinferAsset(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<Asset>(`${assetPath(id)}/inference`, { method: 'POST' }),
    onSuccess: async (asset) => {
      await keepAsset(queryClient, asset);
      await queryClient.invalidateQueries({ queryKey: ['assets', 'preview', id] });
    },
  });
}

/** Keeps a publication the server answered with, beside its asset. */
async function keepPublication(queryClient: QueryClient, id: string, publication: AssetPublication): Promise<void> {
  queryClient.setQueryData(['assets', 'publication', id], publication);
  queryClient.setQueryData<Asset>(['assets', 'one', id], (asset) => (asset ? { ...asset, publication } : asset));
  await queryClient.invalidateQueries({ queryKey: ['assets', 'list'] });
  await queryClient.invalidateQueries({ queryKey: ['catalog'] });
}

/** Publishes (a new version of) the asset; the operator's automatic review answers at once. */
export function usePublishAsset(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => apiRequest<AssetPublication>(`${assetPath(id)}/publication`, { method: 'POST', body: input }),
    onSuccess: (publication) => keepPublication(queryClient, id, publication),
  });
}

export type PublicationAction = 'unpublish' | 'withdraw';

/** Takes the asset off the catalog (unpublish: it may come back; withdraw: for good). */
export function usePublicationAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: PublicationAction; reason?: string }) =>
      apiRequest<AssetPublication>(`${assetPath(id)}/publication/${action}`, { method: 'POST', body: reason ? { reason } : {} }),
    onSuccess: (publication) => keepPublication(queryClient, id, publication),
  });
}

export const assetMetadataFormats = {
  jsonld: { accept: 'application/ld+json', type: 'application/ld+json', extension: 'jsonld' },
  turtle: { accept: 'text/turtle', type: 'text/turtle', extension: 'ttl' },
  csv: { accept: 'text/csv', type: 'text/csv', extension: 'csv' },
  tableSchema: { accept: 'application/json', type: 'application/json', extension: 'schema.json' },
} as const;
export type AssetMetadataFormat = keyof typeof assetMetadataFormats;

/** The description as DCAT JSON-LD, Turtle or a CSV catalog sheet row, or the dictionary as a Table Schema. */
export async function fetchAssetMetadataAs(id: string, format: AssetMetadataFormat): Promise<Blob> {
  const { accept, type } = assetMetadataFormats[format];
  const path = format === 'tableSchema' ? `${assetPath(id)}/table-schema` : `${assetPath(id)}/metadata`;
  const text = await apiRequest<string>(path, { as: 'text', accept: `${accept}, application/problem+json` });
  return new Blob([text], { type: `${type};charset=utf-8` });
}
