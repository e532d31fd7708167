import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { AccessView, AgreementView, Page } from './contract-types';

const agreementPath = (id: string) => `/api/v1/agreements/${encodeURIComponent(id)}`;

export function useAgreements(query: { role?: string; state?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['agreements', 'list', query],
    queryFn: ({ signal }) => apiRequest<Page<AgreementView>>(`/api/v1/agreements${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One agreement with its ledger receipts. While it is pending, or its receipts have not reached
 * the space ledger yet (the connector relays them in the background), it is read again.
 */
export function useAgreement(id: string) {
  return useQuery({
    queryKey: ['agreements', 'one', id],
    queryFn: ({ signal }) => apiRequest<AgreementView>(agreementPath(id), { signal }),
    refetchInterval: (query) => {
      const agreement = query.state.data;
      if (!agreement || query.state.status === 'error') return false;
      return agreement.status === 'pending' || (agreement.evidence ?? []).length === 0 ? 2000 : false;
    },
  });
}

/** The provider's data-plane accesses under the agreement (allowed, completed, refused, …). */
export function useAgreementUsage(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['agreements', 'usage', id],
    queryFn: ({ signal }) => apiRequest<Page<AccessView>>(`${agreementPath(id)}/usage`, { signal }),
    enabled,
  });
}

/** The provider revokes the agreement: its transfers end and running downloads stop at once. */
export function useRevokeAgreement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => apiRequest<AgreementView>(`${agreementPath(id)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      await queryClient.invalidateQueries({ queryKey: ['transfers'] });
    },
  });
}
