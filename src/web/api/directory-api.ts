import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { Directory } from './directory-types';

/** The space's participant directory (names only); asked once a minute at most. */
export function useDirectory(enabled = true) {
  return useQuery({
    queryKey: ['directory'],
    queryFn: ({ signal }) => apiRequest<Directory>('/api/v1/directory', { signal }),
    staleTime: 60_000,
    enabled,
  });
}
