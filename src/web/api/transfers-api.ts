import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { Page, ReceivedView, TransferFormatName, TransferView } from './contract-types';

const transferPath = (id: string) => `/api/v1/transfers/${encodeURIComponent(id)}`;

/** A transfer still on its way: no state yet, requested, or a message to the peer pending. */
const moving = (t: TransferView) => t.state === null || t.state === 'REQUESTED' || t.sending !== undefined;

/** The transfers under an agreement, read again every second while one of them is on its way. */
export function useAgreementTransfers(agreementId: string) {
  return useQuery({
    queryKey: ['transfers', 'list', agreementId],
    queryFn: ({ signal }) => apiRequest<Page<TransferView>>(`/api/v1/transfers${queryString({ agreementId, limit: 200 })}`, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some(moving) ? 1000 : false),
  });
}

/** What this connector received under the agreement (consumer). */
export function useReceived(agreementId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['transfers', 'received', agreementId],
    queryFn: ({ signal }) => apiRequest<Page<ReceivedView>>(`/api/v1/received${queryString({ agreementId })}`, { signal }),
    enabled,
  });
}

async function afterChange(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['transfers'] });
  await queryClient.invalidateQueries({ queryKey: ['agreements'] });
}

/** Starts a transfer process under an agreement, as consumer. */
export function useStartTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { agreementId: string; format: TransferFormatName }) => apiRequest<TransferView>('/api/v1/transfers', { method: 'POST', body: input }),
    onSuccess: () => afterChange(queryClient),
  });
}

export type TransferAction = 'suspend' | 'resume' | 'complete' | 'terminate';

export function useTransferAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: TransferAction; reason?: string }) => apiRequest<TransferView>(`${transferPath(id)}/${action}`, { method: 'POST', body: reason ? { reason } : {} }),
    onSuccess: () => afterChange(queryClient),
  });
}

/** Consumer: downloads the transfer's data from the provider into this connector. */
export function usePullTransfer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purpose: string | undefined) => apiRequest<ReceivedView>(`${transferPath(id)}/pull`, { method: 'POST', body: purpose ? { purpose } : {} }),
    onSuccess: () => afterChange(queryClient),
  });
}

/** The content of something received, fetched with the session's token (a plain link would lack it). */
export function fetchReceivedContent(id: string): Promise<Blob> {
  return apiRequest<Blob>(`/api/v1/received/${encodeURIComponent(id)}/content`, { as: 'blob', accept: '*/*' });
}
