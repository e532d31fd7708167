import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { ConsoleInfo } from './api-types';

/** Which node the console runs on; decides login and navigation. Public, fetched before login. */
export function useConsoleInfo() {
  return useQuery({
    queryKey: ['console'],
    queryFn: ({ signal }) => apiRequest<ConsoleInfo>('/api/v1/console', { signal, token: null }),
    staleTime: Infinity,
  });
}

/** The node the console runs on, once known (the answer is cached for the whole session). */
export function useNode(): ConsoleInfo['node'] | undefined {
  return useConsoleInfo().data?.node;
}
