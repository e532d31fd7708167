import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import { isJobMoving, type JobListQuery, type JobPage, type SandboxAlgorithm, type SandboxJob, type SandboxSchema, type SubmitJobInput } from './sandbox-types';

// The sandbox API's query hooks. Our jobs as consumer are under /api/v1/sandbox/jobs (our
// connector forwards them to the provider's); the jobs run in our own sandbox, as provider, under
// /api/v1/sandbox/provided-jobs.

const jobPath = (id: string) => `/api/v1/sandbox/jobs/${encodeURIComponent(id)}`;
const providedPath = (id: string) => `/api/v1/sandbox/provided-jobs/${encodeURIComponent(id)}`;

/**
 * While a job is queued or running it is read every second; once released, every 2 s until the
 * operator has acknowledged its ledger entries; held, refused or cancelled, it is left alone.
 */
const pollWhileMoving = (query: { state: { data?: SandboxJob; status: string } }) => {
  const job = query.state.data;
  if (query.state.status === 'error' || !job) return false;
  if (isJobMoving(job)) return 1000;
  const unacknowledged = job.proof !== undefined && (job.proof.evidence.length === 0 || job.proof.evidence.some((e) => e.ledgerIndex === undefined));
  return unacknowledged ? 2000 : false;
};

/**
 * What an agreement lets us query in the provider's sandbox: views, rules, ε budget, algorithms.
 * A 403 `sandbox.not-permitted` says the agreement does not allow the sandbox.
 */
export function useSandboxSchema(agreementId: string | undefined) {
  return useQuery({
    queryKey: ['sandbox', 'schema', agreementId],
    queryFn: ({ signal }) => apiRequest<SandboxSchema>(`/api/v1/sandbox/agreements/${encodeURIComponent(agreementId ?? '')}/schema`, { signal }),
    enabled: Boolean(agreementId),
  });
}

/** Our jobs at providers, newest first, as our connector last saw them. */
export function useSandboxJobs(query: JobListQuery) {
  return useQuery({
    queryKey: ['sandbox', 'jobs', query],
    queryFn: ({ signal }) => apiRequest<JobPage>(`/api/v1/sandbox/jobs${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((j) => isJobMoving(j)) ? 2000 : false),
  });
}

/**
 * One of our jobs, fresh from the provider, read every second until it settles. Once settled,
 * the job list (our connector's mirror, refreshed by this read) and the agreement's ε budget are
 * read again.
 */
export function useSandboxJob(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['sandbox', 'job', id],
    queryFn: ({ signal }) => apiRequest<SandboxJob>(jobPath(id ?? ''), { signal }),
    enabled: Boolean(id),
    refetchInterval: pollWhileMoving,
  });
  const settled = query.data && !isJobMoving(query.data) ? query.data : undefined;
  const state = settled?.state;
  const agreementId = settled?.agreementId;
  useEffect(() => {
    if (!state || !agreementId) return;
    void queryClient.invalidateQueries({ queryKey: ['sandbox', 'jobs'] });
    void queryClient.invalidateQueries({ queryKey: ['sandbox', 'schema', agreementId] });
  }, [state, agreementId, queryClient]);
  return query;
}

async function afterChange(queryClient: QueryClient, job: SandboxJob): Promise<void> {
  queryClient.setQueryData(['sandbox', 'job', job.id], job);
  await queryClient.invalidateQueries({ queryKey: ['sandbox', 'jobs'] });
  // A job under differential privacy spends budget: the schema shows what is left.
  await queryClient.invalidateQueries({ queryKey: ['sandbox', 'schema', job.agreementId] });
}

/** Submits a SQL query or a registered algorithm to the provider's sandbox. */
export function useSubmitJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitJobInput) => apiRequest<SandboxJob>('/api/v1/sandbox/jobs', { method: 'POST', body: input }),
    onSuccess: (job) => afterChange(queryClient, job),
  });
}

/** Cancels one of our queued, running or held jobs. */
export function useCancelJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<SandboxJob>(`${jobPath(id)}/cancel`, { method: 'POST', body: {} }),
    onSuccess: (job) => afterChange(queryClient, job),
  });
}

/** Provider: the jobs run in our sandbox, newest first. */
export function useProvidedJobs(query: JobListQuery) {
  return useQuery({
    queryKey: ['sandbox', 'provided', 'list', query],
    queryFn: ({ signal }) => apiRequest<JobPage>(`/api/v1/sandbox/provided-jobs${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((j) => isJobMoving(j)) ? 2000 : false),
  });
}

/** Provider: one job run here, with its held result and de-identification report. */
export function useProvidedJob(id: string) {
  return useQuery({
    queryKey: ['sandbox', 'provided', 'one', id],
    queryFn: ({ signal }) => apiRequest<SandboxJob>(providedPath(id), { signal }),
    refetchInterval: pollWhileMoving,
  });
}

async function afterProvidedChange(queryClient: QueryClient, job: SandboxJob): Promise<void> {
  queryClient.setQueryData(['sandbox', 'provided', 'one', job.id], job);
  await queryClient.invalidateQueries({ queryKey: ['sandbox', 'provided', 'list'] });
}

/** Provider: releases a held result to the consumer, or rejects it with a reason (人工审核). */
export function useReviewJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: 'release' | 'reject'; reason?: string }) => apiRequest<SandboxJob>(`${providedPath(id)}/review`, { method: 'POST', body: input }),
    onSuccess: (job) => afterProvidedChange(queryClient, job),
  });
}

/** Provider: cancels a job run here that is queued, running or held. */
export function useCancelProvidedJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<SandboxJob>(`${providedPath(id)}/cancel`, { method: 'POST', body: {} }),
    onSuccess: (job) => afterProvidedChange(queryClient, job),
  });
}

/** Provider: our registered algorithms (登记算法), with their SQL. */
export function useRegisteredAlgorithms(enabled: boolean) {
  return useQuery({
    queryKey: ['sandbox', 'algorithms'],
    queryFn: ({ signal }) => apiRequest<{ items: SandboxAlgorithm[] }>('/api/v1/sandbox/algorithms', { signal }),
    enabled,
  });
}
