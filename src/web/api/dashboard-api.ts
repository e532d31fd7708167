import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, queryString } from './api-client';
import type { Dashboard, DashboardPeriod, DashboardSection } from './dashboard-types';

/** The dashboard for a period; an empty period asks for the server's default (the last 30 days). */
export function useDashboard(period: Partial<DashboardPeriod>) {
  return useQuery({
    queryKey: ['dashboard', period.from ?? '', period.to ?? ''],
    queryFn: ({ signal }) => apiRequest<Dashboard>(`/api/v1/dashboard${queryString({ from: period.from, to: period.to })}`, { signal }),
    placeholderData: keepPreviousData,
    // The figures move as connectors relay evidence; a minute old is fresh enough for a dashboard.
    refetchInterval: 60_000,
  });
}

/** One section as CSV, its header in the console's language (sent as Accept-Language). */
export function fetchDashboardCsv(section: DashboardSection, period: DashboardPeriod): Promise<Blob> {
  return apiRequest<Blob>(`/api/v1/dashboard/export.csv${queryString({ section, from: period.from, to: period.to })}`, { as: 'blob', accept: 'text/csv, application/problem+json' });
}
