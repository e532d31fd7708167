import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { Directory } from './directory-types';

const empty: Directory = { participants: [], users: [] };

/**
 * The space's participant directory (names only); asked once a minute at most. Names are a
 * convenience: when the directory cannot be read (an applicant, a connector not enrolled yet, an
 * operator that refuses our connector) the identifiers show, and the refusal never ends the
 * person's session the way a refused API call of the page itself would.
 */
export function useDirectory(enabled = true) {
  return useQuery({
    queryKey: ['directory'],
    queryFn: ({ signal }) => apiRequest<Directory>('/api/v1/directory', { signal }).catch(() => empty),
    staleTime: 60_000,
    enabled,
  });
}
