import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { ApplicationCreated, ApplicationInput, CredentialList, Participant, ParticipantPage, ReviewAction } from './api-types';

export interface ParticipantFilter {
  status?: string;
  role?: string;
  region?: string;
  q?: string;
  offset: number;
  limit: number;
}

export function useParticipants(filter: ParticipantFilter) {
  return useQuery({
    queryKey: ['participants', filter],
    queryFn: ({ signal }) => apiRequest<ParticipantPage>(`/api/v1/participants${queryString({ ...filter })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useParticipant(id: string | undefined) {
  return useQuery({
    queryKey: ['participant', id],
    queryFn: ({ signal }) => apiRequest<Participant>(`/api/v1/participants/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCredentials(participantId: string | undefined) {
  return useQuery({
    queryKey: ['credentials', participantId],
    queryFn: ({ signal }) => apiRequest<CredentialList>(`/api/v1/participants/${encodeURIComponent(participantId ?? '')}/credentials`, { signal }),
    enabled: Boolean(participantId),
  });
}

/** A review action; on success the list and the detail are read again. */
export function useReviewAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: ReviewAction; reason?: string }) =>
      apiRequest<Participant>(`/api/v1/participants/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['participant', id], updated);
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      await queryClient.invalidateQueries({ queryKey: ['participant', id] });
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

export function useSubmitApplication() {
  return useMutation({
    mutationFn: (input: ApplicationInput) =>
      apiRequest<ApplicationCreated>('/api/v1/participants/applications', { method: 'POST', body: input, token: null }),
  });
}

/** A one-time token with which our connector enrolls its key (shown once, never stored by the console). */
export function useCreateEnrollmentToken(participantId: string) {
  return useMutation({
    mutationFn: () => apiRequest<{ token: string; expiresAt: string }>(`/api/v1/participants/${encodeURIComponent(participantId)}/enrollment-tokens`, { method: 'POST', body: {} }),
  });
}
