import { sql } from 'kysely';
import type { Database } from '../database.js';

/** A period of days `YYYY-MM-DD`, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface DayCount {
  day: string;
  count: number;
}

export interface ProductUse {
  datasetId: string;
  agreements: number;
  transfers: number;
  sandboxJobs: number;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * Reads of the dashboard's projection (metrics-tables.ts) for a period of days. Every query is
 * over the projection's own tables and their day indexes, never over the ledger's leaves.
 */
export class MetricsQueryStore {
  constructor(private readonly database: Database) {}

  async agreementsPerDay(range: DayRange): Promise<DayCount[]> {
    const rows = await this.database.db.selectFrom('metric_agreement')
      .select(['finalized_day as day', (eb) => eb.fn.countAll().as('count')])
      .where('finalized_day', '>=', range.from).where('finalized_day', '<=', range.to)
      .groupBy('finalized_day').orderBy('finalized_day').execute();
    return rows.map((r) => ({ day: r.day ?? '', count: n(r.count) }));
  }

  async transfersPerDay(range: DayRange): Promise<Array<DayCount & { started: number; completed: number }>> {
    const rows = await this.database.db.selectFrom('metric_transfer')
      .select([
        'requested_day as day',
        (eb) => eb.fn.countAll().as('count'),
        (eb) => eb.fn.count('started_at').as('started'),
        (eb) => eb.fn.count('completed_at').as('completed'),
      ])
      .where('requested_day', '>=', range.from).where('requested_day', '<=', range.to)
      .groupBy('requested_day').orderBy('requested_day').execute();
    return rows.map((r) => ({ day: r.day, count: n(r.count), started: n(r.started), completed: n(r.completed) }));
  }

  async sandboxJobsPerDay(range: DayRange): Promise<DayCount[]> {
    const rows = await this.database.db.selectFrom('metric_sandbox_job')
      .select(['submitted_day as day', (eb) => eb.fn.countAll().as('count')])
      .where('submitted_day', '>=', range.from).where('submitted_day', '<=', range.to)
      .groupBy('submitted_day').orderBy('submitted_day').execute();
    return rows.map((r) => ({ day: r.day, count: n(r.count) }));
  }

  /** Jobs submitted in the period, by the state they are in now. */
  async sandboxJobsByState(range: DayRange): Promise<Array<{ state: string; count: number }>> {
    const rows = await this.database.db.selectFrom('metric_sandbox_job')
      .select([sql<string>`coalesce(state, 'unknown')`.as('state'), (eb) => eb.fn.countAll().as('count')])
      .where('submitted_day', '>=', range.from).where('submitted_day', '<=', range.to)
      .groupBy(sql`coalesce(state, 'unknown')`).execute();
    return rows.map((r) => ({ state: r.state, count: n(r.count) })).sort((a, b) => b.count - a.count || a.state.localeCompare(b.state));
  }

  /** Sandbox running milliseconds per day. */
  async sandboxRuntimePerDay(range: DayRange): Promise<Array<{ day: string; runMs: number }>> {
    const rows = await this.database.db.selectFrom('metric_sandbox_runtime').select(['day', 'run_ms'])
      .where('day', '>=', range.from).where('day', '<=', range.to).orderBy('day').execute();
    return rows.map((r) => ({ day: r.day, runMs: n(r.run_ms) }));
  }

  /** Ledger entries in the period per actor, most first. */
  async entriesByActor(range: DayRange): Promise<Array<{ actor: string; entries: number }>> {
    const rows = await this.database.db.selectFrom('metric_activity')
      .select(['actor', (eb) => eb.fn.sum<number>('entries').as('entries')])
      .where('day', '>=', range.from).where('day', '<=', range.to)
      .groupBy('actor').execute();
    return rows.map((r) => ({ actor: r.actor, entries: n(r.entries) })).sort((a, b) => b.entries - a.entries || a.actor.localeCompare(b.actor));
  }

  /** Ledger entries in the period per type, most first. */
  async entriesByType(range: DayRange): Promise<Array<{ type: string; entries: number }>> {
    const rows = await this.database.db.selectFrom('metric_activity')
      .select(['type', (eb) => eb.fn.sum<number>('entries').as('entries')])
      .where('day', '>=', range.from).where('day', '<=', range.to)
      .groupBy('type').execute();
    return rows.map((r) => ({ type: r.type, entries: n(r.entries) })).sort((a, b) => b.entries - a.entries || a.type.localeCompare(b.type));
  }

  /**
   * Datasets by use in the period: agreements finalized, and transfers and sandbox jobs started
   * under any agreement on them; ranked by agreements, then transfers, then jobs.
   */
  async productUse(range: DayRange, limit: number): Promise<ProductUse[]> {
    const db = this.database.db;
    const agreements = await db.selectFrom('metric_agreement')
      .select(['dataset_id', (eb) => eb.fn.countAll().as('count')])
      .where('finalized_day', '>=', range.from).where('finalized_day', '<=', range.to).where('dataset_id', 'is not', null)
      .groupBy('dataset_id').execute();
    const transfers = await db.selectFrom('metric_transfer as t').innerJoin('metric_agreement as a', 'a.id', 't.agreement_id')
      .select(['a.dataset_id', (eb) => eb.fn.countAll().as('count')])
      .where('t.requested_day', '>=', range.from).where('t.requested_day', '<=', range.to).where('a.dataset_id', 'is not', null)
      .groupBy('a.dataset_id').execute();
    const jobs = await db.selectFrom('metric_sandbox_job as j').innerJoin('metric_agreement as a', 'a.id', 'j.agreement_id')
      .select(['a.dataset_id', (eb) => eb.fn.countAll().as('count')])
      .where('j.submitted_day', '>=', range.from).where('j.submitted_day', '<=', range.to).where('a.dataset_id', 'is not', null)
      .groupBy('a.dataset_id').execute();
    const byDataset = new Map<string, ProductUse>();
    const use = (id: string) => byDataset.get(id) ?? byDataset.set(id, { datasetId: id, agreements: 0, transfers: 0, sandboxJobs: 0 }).get(id)!;
    for (const r of agreements) use(r.dataset_id!).agreements = n(r.count);
    for (const r of transfers) use(r.dataset_id!).transfers = n(r.count);
    for (const r of jobs) use(r.dataset_id!).sandboxJobs = n(r.count);
    return [...byDataset.values()]
      .sort((a, b) => b.agreements - a.agreements || b.transfers - a.transfers || b.sandboxJobs - a.sandboxJobs || a.datasetId.localeCompare(b.datasetId))
      .slice(0, limit);
  }
}
