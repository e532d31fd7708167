import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';

/** A code a picker offers by name: a GB/T 2260 region or a GB/T 4754 section or division. */
export interface CodeChoice {
  code: string;
  name: { 'zh-CN': string; en: string };
  /** The code it lies in (a prefecture's province, a division's section). */
  parent?: string;
}

/** A national code list by name, from either node (public: the registration form needs it too). */
export function useCodeList(list: 'regions' | 'industries') {
  return useQuery({
    queryKey: ['code-lists', list],
    queryFn: ({ signal }) => apiRequest<{ items: CodeChoice[] }>(`/api/v1/code-lists/${list}`, { signal, token: null }),
    staleTime: Infinity,
  });
}
