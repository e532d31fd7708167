import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { PolicyText } from './contract-types';

type Named = { 'zh-CN': string; en: string };

/** The purposes the policy editor picks from (src/connector/policies/policy-routes.ts). */
export interface PolicyVocabulary {
  purposes: Array<{ id: string; iri: string; label: Named }>;
}

export const policyTemplates = ['sandbox-aggregate', 'time-limited-download', 'api-access', 'open-data', 'members-only'] as const;
export type PolicyTemplate = (typeof policyTemplates)[number];

export interface TemplateRequest {
  template: PolicyTemplate;
  uid: string;
  purposes?: string[];
  k?: number;
  period?: string;
  maxCalls?: number;
}

export function usePolicyVocabulary() {
  return useQuery({
    queryKey: ['policies', 'vocabulary'],
    queryFn: ({ signal }) => apiRequest<PolicyVocabulary>('/api/v1/policies/vocabulary', { signal }),
    staleTime: Infinity,
  });
}

/** An offer from one of the connector's templates. */
export function usePolicyTemplate() {
  return useMutation({
    mutationFn: (body: TemplateRequest) => apiRequest<{ policy: Record<string, unknown> }>('/api/v1/policies/templates', { method: 'POST', body }),
  });
}

/** The offer in words, zh-CN and English, as the consumer will read it; refused when it cannot be enforced. */
export function usePolicyDescription(policy: Record<string, unknown>) {
  const key = JSON.stringify(policy);
  return useQuery({
    queryKey: ['policies', 'description', key],
    queryFn: ({ signal }) => apiRequest<{ description: Record<'zh-CN' | 'en', PolicyText> }>('/api/v1/policies/description', { method: 'POST', body: { policy }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
}
