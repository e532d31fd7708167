import { Type, type Static } from 'typebox';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a calendar day in China Standard Time (UTC+08:00)' });
const Count = Type.Object({ value: Type.String(), count: Type.Integer() });
const Counts = Type.Array(Count);
const DayCount = Type.Object({ day: Day, count: Type.Integer() });

export const DashboardQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ maxLength: 10, description: 'First day (YYYY-MM-DD), default 29 days before `to`' })),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'Last day (YYYY-MM-DD), default today' })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

export const exportSections = ['resources', 'participants', 'activity', 'products', 'ledger'] as const;
export type ExportSection = (typeof exportSections)[number];

export const ExportQuery = Type.Object(
  {
    section: Type.Union(exportSections.map((s) => Type.Literal(s)), { description: 'Which table to export' }),
    from: DashboardQuery.properties.from,
    to: DashboardQuery.properties.to,
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const DashboardSchema = Type.Object({
  period: Type.Object({ from: Day, to: Day, days: Type.Integer(), utcOffset: Type.String({ description: 'The days’ time zone, +08:00' }) }),
  generatedAt: Type.String(),
  resources: Type.Object({
    published: Type.Integer({ description: 'Catalog entries published now' }),
    publishedInPeriod: Type.Integer({ description: 'Of those, published in the period (a new version counts as published anew)' }),
    byKind: Counts,
    byFormat: Counts,
    byProvider: Type.Array(Type.Object({ value: Type.String({ description: 'participant id' }), name: Type.String(), count: Type.Integer() })),
    byIndustry: Type.Array(Count, { description: 'GB/T 4754 section of the providing participant' }),
    byAccessMode: Type.Array(Count, { description: 'Entries with at least one offer of the access mode' }),
  }),
  offers: Type.Object({ total: Type.Integer(), byAccessMode: Counts, byPriceModel: Counts }),
  participants: Type.Object({
    total: Type.Integer(),
    approved: Type.Integer(),
    byRole: Type.Array(Count, { description: 'Approved participants per role (one participant may hold several)' }),
    byStatus: Counts,
    activity: Type.Array(Type.Object({ participantId: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), entries: Type.Integer() }), { description: 'Ledger entries recorded in the period by each participant (its connector, users, keys), most active first; at most 50' }),
    operatorEntries: Type.Integer({ description: 'Entries recorded by the operator and its staff in the period' }),
  }),
  agreements: Type.Object({ total: Type.Integer(), perDay: Type.Array(DayCount) }),
  transfers: Type.Object({ total: Type.Integer(), started: Type.Integer(), completed: Type.Integer(), perDay: Type.Array(DayCount) }),
  sandboxJobs: Type.Object({
    total: Type.Integer(),
    byState: Counts,
    perDay: Type.Array(DayCount),
    runMs: Type.Integer({ description: 'Running time of all jobs in the period' }),
    utilization: Type.Array(Type.Object({ day: Day, runMs: Type.Integer(), share: Type.Number({ description: 'runMs over the day’s length' }) })),
  }),
  topProducts: Type.Array(Type.Object({
    id: Type.String(),
    title: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
    provider: Type.Object({ id: Type.String(), name: Type.String() }),
    agreements: Type.Integer(),
    transfers: Type.Integer(),
    sandboxJobs: Type.Integer(),
  })),
  ledger: Type.Object({
    size: Type.Integer(),
    projected: Type.Integer({ description: 'Entries the figures include (the projection’s watermark)' }),
    entriesInPeriod: Type.Integer(),
    byType: Counts,
    checkpoint: Type.Union([
      Type.Object({ size: Type.Integer(), rootHash: Type.String({ description: 'hex' }), algorithm: Type.String(), text: Type.String({ description: 'The signed note (C2SP checkpoint)' }), signature: Type.String({ description: 'Its signature line' }) }),
      Type.Null(),
    ]),
  }),
});
export type Dashboard = Static<typeof DashboardSchema>;
