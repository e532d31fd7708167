// The effectiveness dashboard's answer, as src/operator/dashboard/dashboard-schemas.ts defines it
// (docs/api/dashboard.md).

export interface Count {
  value: string;
  count: number;
}

export interface DayCount {
  day: string;
  count: number;
}

export type DashboardSection = 'resources' | 'participants' | 'activity' | 'products' | 'ledger';

export interface DashboardPeriod {
  from: string;
  to: string;
}

export interface Dashboard {
  period: DashboardPeriod & { days: number; utcOffset: string };
  generatedAt: string;
  resources: {
    published: number;
    publishedInPeriod: number;
    byKind: Count[];
    byFormat: Count[];
    byProvider: Array<Count & { name: string }>;
    byIndustry: Count[];
    byAccessMode: Count[];
  };
  offers: { total: number; byAccessMode: Count[]; byPriceModel: Count[] };
  participants: {
    total: number;
    approved: number;
    byRole: Count[];
    byStatus: Count[];
    activity: Array<{ participantId: string; name: string; roles: string[]; entries: number }>;
    operatorEntries: number;
  };
  agreements: { total: number; perDay: DayCount[] };
  transfers: { total: number; started: number; completed: number; perDay: DayCount[] };
  sandboxJobs: { total: number; byState: Count[]; perDay: DayCount[]; runMs: number; utilization: Array<{ day: string; runMs: number; share: number }> };
  topProducts: Array<{ id: string; title: { 'zh-CN': string; en: string }; provider: { id: string; name: string }; agreements: number; transfers: number; sandboxJobs: number }>;
  ledger: {
    size: number;
    projected: number;
    entriesInPeriod: number;
    byType: Count[];
    checkpoint: { size: number; rootHash: string; algorithm: string; text: string; signature: string } | null;
  };
}
