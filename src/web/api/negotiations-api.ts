import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { NegotiationView, Page } from './contract-types';

const negotiationPath = (id: string) => `/api/v1/negotiations/${encodeURIComponent(id)}`;

/** FINALIZED and TERMINATED are the ends; nothing changes after them. */
export const isNegotiationOver = (n: Pick<NegotiationView, 'state'> | undefined) => n?.state === 'FINALIZED' || n?.state === 'TERMINATED';

export function useNegotiations(query: { role?: string; state?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['negotiations', 'list', query],
    queryFn: ({ signal }) => apiRequest<Page<NegotiationView>>(`/api/v1/negotiations${queryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One negotiation, read again every second until it is over: the state machine moves on its own. */
export function useNegotiation(id: string) {
  return useQuery({
    queryKey: ['negotiations', 'one', id],
    queryFn: ({ signal }) => apiRequest<NegotiationView>(negotiationPath(id), { signal }),
    refetchInterval: (query) => (query.state.status === 'error' || isNegotiationOver(query.state.data) ? false : 1000),
  });
}

export interface StartNegotiationInput {
  entryId: string;
  offerId?: string;
  purpose?: string;
}

/** Starts a negotiation for one of a catalog entry's live offers, as consumer. */
export function useStartNegotiation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartNegotiationInput) => apiRequest<NegotiationView>('/api/v1/negotiations', { method: 'POST', body: input }),
    onSuccess: async (negotiation) => {
      queryClient.setQueryData(['negotiations', 'one', negotiation.id], negotiation);
      await queryClient.invalidateQueries({ queryKey: ['negotiations', 'list'] });
    },
  });
}

/** Terminate (with a reason) or accept the provider's offer. */
export function useNegotiationAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'terminate' | 'accept'; reason?: string }) =>
      apiRequest<NegotiationView>(`${negotiationPath(id)}/${action}`, { method: 'POST', ...(action === 'terminate' ? { body: { reason } } : {}) }),
    onSuccess: async (negotiation) => {
      queryClient.setQueryData(['negotiations', 'one', id], negotiation);
      await queryClient.invalidateQueries({ queryKey: ['negotiations', 'list'] });
    },
  });
}
