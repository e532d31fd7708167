import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { LedgerEntry, LedgerPage, ProofBody } from './api-types';

// The ledger is public; the console still sends its token, which the server ignores there.

export function useCheckpoint() {
  return useQuery({
    queryKey: ['ledger', 'checkpoint'],
    queryFn: ({ signal }) => apiRequest<string>('/ledger/checkpoint', { signal, as: 'text' }),
  });
}

export function useVerifierKey() {
  return useQuery({
    queryKey: ['ledger', 'verifier-key'],
    queryFn: ({ signal }) => apiRequest<string>('/ledger/verifier-key', { signal, as: 'text' }),
    staleTime: Infinity,
  });
}

/** Entries [from, to) of the tree. */
export function useLedgerEntries(from: number, to: number) {
  return useQuery({
    queryKey: ['ledger', 'entries', from, to],
    queryFn: ({ signal }) => apiRequest<LedgerPage>(`/ledger/entries${queryString({ from, to })}`, { signal }),
    enabled: to > from,
    placeholderData: keepPreviousData,
  });
}

export function useLedgerEntry(index: number | undefined) {
  return useQuery({
    queryKey: ['ledger', 'entry', index],
    queryFn: ({ signal }) => fetchLedgerEntry(index ?? 0, signal),
    enabled: index !== undefined,
  });
}

export function fetchLedgerEntry(index: number, signal?: AbortSignal): Promise<LedgerEntry> {
  return apiRequest<LedgerEntry>(`/ledger/entries/${index}`, { signal });
}

export function fetchInclusionProof(index: number, size: number): Promise<ProofBody> {
  return apiRequest<ProofBody>(`/ledger/proof/inclusion${queryString({ index, size })}`);
}
