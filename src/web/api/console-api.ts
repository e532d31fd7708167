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
