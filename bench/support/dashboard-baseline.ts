// The dashboard benchmark's baseline: what the projection exists to avoid. Answers a period's
// agreement, transfer and sandbox-job counts per day by reading every ledger leaf through the
// store's ledger API, decoding it and counting in memory, each process once.
import type { DashboardPeriod } from '../../src/core/metrics/dashboard-period.js';
import { decodeEvidenceLeaf } from '../../src/core/ledger/evidence-entry.js';
import { processKeyOf, type ProcessKey } from '../../src/core/metrics/evidence-projection.js';
import { dayOf } from '../../src/core/metrics/metrics-day.js';
import type { LedgerStore } from '../../src/store/ledger/ledger-store.js';
import type { Dashboard } from '../../src/operator/dashboard/dashboard-schemas.js';

/** Leaves read per query: larger than the projection's batch, which only helps the baseline. */
const PAGE = 10_000;

/** Per-day counts of one kind of process, keyed `YYYY-MM-DD`. */
export type DayCounts = Map<string, number>;

export interface PeriodCounts {
  agreements: DayCounts;
  transfers: DayCounts;
  jobs: DayCounts;
}

/**
 * The instant each process counts at, as the projection dates it (evidence-projection.ts): an
 * agreement at its earliest `agreement.finalized` entry (none: not counted), a transfer and a job
 * at their earliest entry. Both sides record each process; keyed by processKeyOf, each counts once.
 */
function dateProcess(firsts: Map<string, string>, key: ProcessKey, type: string, at: string): void {
  if (key.kind === 'agreement' && type !== 'agreement.finalized') return;
  const id = `${key.kind}\u0000${key.id}`;
  const seen = firsts.get(id);
  if (seen === undefined || at < seen) firsts.set(id, at);
}

/** Reads and decodes the whole ledger, then counts the processes dated inside `period`. */
export async function countsFromLeaves(ledger: LedgerStore, period: DashboardPeriod): Promise<PeriodCounts> {
  const firsts = new Map<string, string>();
  for (let from = 0; ; from += PAGE) {
    const leaves = await ledger.readLeaves(from, from + PAGE);
    for (const { leaf } of leaves) {
      let entry;
      try {
        entry = decodeEvidenceLeaf(leaf);
      } catch {
        continue; // as the projection: a leaf that no longer decodes counts for nothing
      }
      const key = processKeyOf(entry);
      if (key) dateProcess(firsts, key, entry.type, entry.at);
    }
    if (leaves.length < PAGE) break;
  }
  const counts: PeriodCounts = { agreements: new Map(), transfers: new Map(), jobs: new Map() };
  const of = { agreement: counts.agreements, transfer: counts.transfers, job: counts.jobs };
  for (const [id, at] of firsts) {
    const day = dayOf(at);
    if (day < period.from || day > period.to) continue;
    const map = of[id.slice(0, id.indexOf('\u0000')) as ProcessKey['kind']];
    map.set(day, (map.get(day) ?? 0) + 1);
  }
  return counts;
}

/**
 * Throws unless the baseline's per-day counts equal the dashboard's for the same period: the
 * comparison is only fair if both answer the same figures.
 */
export function assertSameCounts(label: string, baseline: PeriodCounts, dashboard: Dashboard): void {
  const series = [
    ['agreements', baseline.agreements, dashboard.agreements.perDay],
    ['transfers', baseline.transfers, dashboard.transfers.perDay],
    ['sandbox jobs', baseline.jobs, dashboard.sandboxJobs.perDay],
  ] as const;
  for (const [name, counted, perDay] of series) {
    const days = new Set([...counted.keys(), ...perDay.filter((d) => d.count > 0).map((d) => d.day)]);
    const shown = new Map(perDay.map((d) => [d.day, d.count]));
    for (const day of days) {
      if ((counted.get(day) ?? 0) !== (shown.get(day) ?? 0)) {
        throw new Error(`${label}: baseline and dashboard disagree on ${name} of ${day}: ${counted.get(day) ?? 0} from the leaves, ${shown.get(day) ?? 0} on the dashboard`);
      }
    }
  }
}

/** Sum of a baseline series. */
export const totalOf = (counts: DayCounts): number => [...counts.values()].reduce((t, c) => t + c, 0);
