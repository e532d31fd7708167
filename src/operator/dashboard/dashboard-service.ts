import { dashboardPeriod, type DashboardPeriod } from '../../core/metrics/dashboard-period.js';
import { daysBetween, METRICS_UTC_OFFSET_MINUTES, nextDay, startOfDayMs } from '../../core/metrics/metrics-day.js';
import type { LedgerStore } from '../../store/ledger/ledger-store.js';
import type { CatalogFiguresStore } from '../../store/metrics/catalog-figures-store.js';
import type { DayCount, MetricsQueryStore } from '../../store/metrics/metrics-query-store.js';
import type { ParticipantFiguresStore } from '../../store/metrics/participant-figures-store.js';
import type { Dashboard } from './dashboard-schemas.js';
import type { LedgerProjection } from './ledger-projection.js';
import { participantActivity } from './participant-activity.js';

export const TOP_PRODUCTS = 10;
const ACTIVITY_SHOWN = 50;
const DAY_MS = 86_400_000;

export interface DashboardDeps {
  projection: LedgerProjection;
  queries: MetricsQueryStore;
  catalog: CatalogFiguresStore;
  participants: ParticipantFiguresStore;
  ledger: LedgerStore;
  now?: () => Date;
}

const offsetText = () => {
  const m = METRICS_UTC_OFFSET_MINUTES;
  return `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`;
};

/** Every day of the period, with zero where nothing happened, so each series has one point a day. */
function filled(days: string[], counts: DayCount[]): DayCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  return days.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

const total = (counts: Array<{ count: number }>) => counts.reduce((t, c) => t + c.count, 0);

/**
 * The effectiveness dashboard (应用成效): resource richness from the catalog, participants from
 * the registry, and use (agreements, transfers, sandbox jobs, ledger activity) from the ledger's
 * projection, caught up before every answer so the figures include every committed entry.
 */
export class DashboardService {
  private readonly now: () => Date;

  constructor(private readonly deps: DashboardDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  period(query: { from?: string | undefined; to?: string | undefined }): DashboardPeriod {
    return dashboardPeriod(query, this.now());
  }

  async dashboard(period: DashboardPeriod): Promise<Dashboard> {
    const { queries } = this.deps;
    const projected = await this.deps.projection.catchUp();
    const days = daysBetween(period.from, period.to);
    const instants = { fromAt: new Date(startOfDayMs(period.from)).toISOString(), toAt: new Date(startOfDayMs(nextDay(period.to))).toISOString() };
    const [catalog, statusRoles, agreements, transfers, jobs, jobStates, runtime, byActor, byType, head] = await Promise.all([
      this.deps.catalog.figures(instants),
      this.deps.participants.countsByStatusAndRoles(),
      queries.agreementsPerDay(period),
      queries.transfersPerDay(period),
      queries.sandboxJobsPerDay(period),
      queries.sandboxJobsByState(period),
      queries.sandboxRuntimePerDay(period),
      queries.entriesByActor(period),
      queries.entriesByType(period),
      this.deps.ledger.readHead(),
    ]);
    const activity = await participantActivity(byActor, this.deps.participants);
    const runByDay = new Map(runtime.map((r) => [r.day, r.runMs]));
    const { offers, ...resources } = catalog;
    return {
      period: { from: period.from, to: period.to, days: days.length, utcOffset: offsetText() },
      generatedAt: this.now().toISOString(),
      resources,
      offers,
      participants: { ...this.participantCounts(statusRoles), activity: activity.participants.slice(0, ACTIVITY_SHOWN), operatorEntries: activity.operatorEntries },
      agreements: { total: total(agreements), perDay: filled(days, agreements) },
      transfers: {
        total: total(transfers),
        started: transfers.reduce((t, d) => t + d.started, 0),
        completed: transfers.reduce((t, d) => t + d.completed, 0),
        perDay: filled(days, transfers),
      },
      sandboxJobs: {
        total: total(jobs),
        byState: jobStates.map((s) => ({ value: s.state, count: s.count })),
        perDay: filled(days, jobs),
        runMs: runtime.reduce((t, r) => t + r.runMs, 0),
        utilization: days.map((day) => ({ day, runMs: runByDay.get(day) ?? 0, share: (runByDay.get(day) ?? 0) / DAY_MS })),
      },
      topProducts: await this.topProducts(period),
      ledger: {
        size: head?.size ?? 0,
        projected,
        entriesInPeriod: byType.reduce((t, r) => t + r.entries, 0),
        byType: byType.map((r) => ({ value: r.type, count: r.entries })),
        checkpoint: head?.checkpoint
          ? {
              size: head.size,
              rootHash: Buffer.from(head.rootHash).toString('hex'),
              algorithm: head.algorithm,
              text: head.checkpoint,
              signature: head.checkpoint.split('\n').find((line) => line.startsWith('— ')) ?? '',
            }
          : null,
      },
    };
  }

  /** Every participant with its roles, status and ledger entries in the period (the participants export). */
  async participantRows(period: DashboardPeriod) {
    await this.deps.projection.catchUp();
    const [all, byActor] = await Promise.all([this.deps.participants.all(), this.deps.queries.entriesByActor(period)]);
    const { participants } = await participantActivity(byActor, this.deps.participants);
    const entries = new Map(participants.map((p) => [p.participantId, p.entries]));
    return all.map((p) => ({ ...p, entries: entries.get(p.id) ?? 0 })).sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name));
  }

  private participantCounts(rows: Array<{ status: string; roles: string[]; count: number }>) {
    const byRole = new Map<string, number>();
    const byStatus = new Map<string, number>();
    for (const r of rows) {
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.count);
      if (r.status === 'approved') for (const role of r.roles) byRole.set(role, (byRole.get(role) ?? 0) + r.count);
    }
    const counts = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { total: total(rows), approved: byStatus.get('approved') ?? 0, byRole: counts(byRole), byStatus: counts(byStatus) };
  }

  private async topProducts(period: DashboardPeriod): Promise<Dashboard['topProducts']> {
    const uses = await this.deps.queries.productUse(period, TOP_PRODUCTS);
    const titles = await this.deps.catalog.titles(uses.map((u) => u.datasetId));
    return uses.map((u) => {
      const entry = titles.get(u.datasetId);
      return {
        id: u.datasetId,
        title: { 'zh-CN': entry?.zh ?? u.datasetId, en: entry?.en ?? u.datasetId },
        provider: { id: entry?.providerId ?? '', name: entry?.providerName ?? '' },
        agreements: u.agreements,
        transfers: u.transfers,
        sandboxJobs: u.sandboxJobs,
      };
    });
  }
}
