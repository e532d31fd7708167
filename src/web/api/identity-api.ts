import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { ConnectorIdentity } from './api-types';

export function useConnectorIdentity(enabled = true) {
  return useQuery({
    queryKey: ['identity'],
    queryFn: ({ signal }) => apiRequest<ConnectorIdentity>('/api/v1/identity', { signal }),
    enabled,
  });
}
