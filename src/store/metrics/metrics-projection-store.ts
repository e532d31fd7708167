import type { EvidenceEntry } from '../../core/ledger/evidence-entry.js';
import { dayOf } from '../../core/metrics/metrics-day.js';
import { processKeyOf, projectEntries, type ProjectionDelta } from '../../core/metrics/evidence-projection.js';
import type { ProjectedAgreement, ProjectedSandboxJob, ProjectedTransfer } from '../../core/metrics/projected-process.js';
import type { Database, Tx } from '../database.js';

// Rows per statement: at most 11 columns × 300 rows, far under SQLite's 32,766 parameters.
const ROWS_PER_STATEMENT = 300;

function chunks<T>(items: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The dashboard's projection of the ledger, advanced batch by batch. Each batch moves the
 * watermark and adds its counters in one transaction, and moves it only from the position the
 * caller read: a second process (or a restart) that projected the same leaves first makes the
 * batch a no-op, so every leaf counts exactly once.
 */
export class MetricsProjectionStore {
  constructor(private readonly database: Database) {}

  /** The first ledger index not yet projected (0 for a new space). */
  async watermark(): Promise<number> {
    const row = await this.database.db.selectFrom('metric_watermark').select('next_index').where('id', '=', 1).executeTakeFirst();
    return row ? Number(row.next_index) : 0;
  }

  /**
   * Projects `entries` (the decodable leaves among [from, to)) if the watermark still stands at
   * `from`; moves it to `to`. Returns false, writing nothing, when another catch-up moved it first.
   */
  async apply(from: number, to: number, entries: readonly EvidenceEntry[], at: string): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      // The conditional update comes first: on PostgreSQL a concurrent batch waits on this row
      // and then finds the watermark moved; on SQLite it takes the write lock before any read.
      const moved = await tx.updateTable('metric_watermark').set({ next_index: to, updated_at: at }).where('id', '=', 1).where('next_index', '=', from).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      const delta = projectEntries(entries, await this.load(tx, entries));
      await this.write(tx, delta);
      return true;
    });
  }

  private async load(tx: Tx, entries: readonly EvidenceEntry[]) {
    const ids = { agreement: new Set<string>(), transfer: new Set<string>(), job: new Set<string>() };
    for (const entry of entries) {
      const key = processKeyOf(entry);
      if (key) ids[key.kind].add(key.id);
    }
    const agreements = new Map<string, ProjectedAgreement>();
    const transfers = new Map<string, ProjectedTransfer>();
    const jobs = new Map<string, ProjectedSandboxJob>();
    for (const part of chunks([...ids.agreement], 1000)) {
      for (const r of await tx.selectFrom('metric_agreement').selectAll().where('id', 'in', part).execute()) {
        agreements.set(r.id, { id: r.id, datasetId: r.dataset_id, providerDid: r.provider_did, consumerDid: r.consumer_did, finalizedAt: r.finalized_at, revokedAt: r.revoked_at });
      }
    }
    for (const part of chunks([...ids.transfer], 1000)) {
      for (const r of await tx.selectFrom('metric_transfer').selectAll().where('id', 'in', part).execute()) {
        transfers.set(r.id, {
          id: r.id, agreementId: r.agreement_id, providerDid: r.provider_did, consumerDid: r.consumer_did, requestedAt: r.requested_at,
          startedAt: r.started_at, completedAt: r.completed_at, terminatedAt: r.terminated_at, state: r.state, stateAt: r.state_at,
        });
      }
    }
    for (const part of chunks([...ids.job], 1000)) {
      for (const r of await tx.selectFrom('metric_sandbox_job').selectAll().where('id', 'in', part).execute()) {
        jobs.set(r.id, {
          id: r.id, agreementId: r.agreement_id, providerDid: r.provider_did, consumerDid: r.consumer_did, submittedAt: r.submitted_at,
          state: r.state, stateAt: r.state_at, runningSince: r.running_since, runMs: Number(r.run_ms), finishedAt: r.finished_at,
        });
      }
    }
    return { agreements, transfers, jobs };
  }

  private async write(tx: Tx, delta: ProjectionDelta): Promise<void> {
    const activity = [...delta.activity].map(([key, entries]) => {
      const [day = '', type = '', actor = ''] = key.split('\u0000');
      return { day, type, actor, entries };
    });
    for (const rows of chunks(activity)) {
      await tx.insertInto('metric_activity').values(rows)
        .onConflict((oc) => oc.columns(['day', 'type', 'actor']).doUpdateSet((eb) => ({ entries: eb('metric_activity.entries', '+', eb.ref('excluded.entries')) })))
        .execute();
    }
    const runtime = [...delta.runtime].map(([day, run_ms]) => ({ day, run_ms }));
    for (const rows of chunks(runtime)) {
      await tx.insertInto('metric_sandbox_runtime').values(rows)
        .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ run_ms: eb('metric_sandbox_runtime.run_ms', '+', eb.ref('excluded.run_ms')) })))
        .execute();
    }
    const agreements = [...delta.agreements.values()].map((a) => ({
      id: a.id, dataset_id: a.datasetId, provider_did: a.providerDid, consumer_did: a.consumerDid,
      finalized_at: a.finalizedAt, finalized_day: a.finalizedAt ? dayOf(a.finalizedAt) : null, revoked_at: a.revokedAt,
    }));
    for (const rows of chunks(agreements)) {
      await tx.insertInto('metric_agreement').values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
          dataset_id: eb.ref('excluded.dataset_id'), provider_did: eb.ref('excluded.provider_did'), consumer_did: eb.ref('excluded.consumer_did'),
          finalized_at: eb.ref('excluded.finalized_at'), finalized_day: eb.ref('excluded.finalized_day'), revoked_at: eb.ref('excluded.revoked_at'),
        })))
        .execute();
    }
    const transfers = [...delta.transfers.values()].map((t) => ({
      id: t.id, agreement_id: t.agreementId, provider_did: t.providerDid, consumer_did: t.consumerDid, requested_at: t.requestedAt, requested_day: dayOf(t.requestedAt),
      started_at: t.startedAt, completed_at: t.completedAt, terminated_at: t.terminatedAt, state: t.state, state_at: t.stateAt,
    }));
    for (const rows of chunks(transfers)) {
      await tx.insertInto('metric_transfer').values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
          agreement_id: eb.ref('excluded.agreement_id'), provider_did: eb.ref('excluded.provider_did'), consumer_did: eb.ref('excluded.consumer_did'),
          requested_at: eb.ref('excluded.requested_at'), requested_day: eb.ref('excluded.requested_day'), started_at: eb.ref('excluded.started_at'),
          completed_at: eb.ref('excluded.completed_at'), terminated_at: eb.ref('excluded.terminated_at'), state: eb.ref('excluded.state'), state_at: eb.ref('excluded.state_at'),
        })))
        .execute();
    }
    const jobs = [...delta.jobs.values()].map((j) => ({
      id: j.id, agreement_id: j.agreementId, provider_did: j.providerDid, consumer_did: j.consumerDid, submitted_at: j.submittedAt, submitted_day: dayOf(j.submittedAt),
      state: j.state, state_at: j.stateAt, running_since: j.runningSince, run_ms: j.runMs, finished_at: j.finishedAt,
    }));
    for (const rows of chunks(jobs)) {
      await tx.insertInto('metric_sandbox_job').values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
          agreement_id: eb.ref('excluded.agreement_id'), provider_did: eb.ref('excluded.provider_did'), consumer_did: eb.ref('excluded.consumer_did'),
          submitted_at: eb.ref('excluded.submitted_at'), submitted_day: eb.ref('excluded.submitted_day'), state: eb.ref('excluded.state'), state_at: eb.ref('excluded.state_at'),
          running_since: eb.ref('excluded.running_since'), run_ms: eb.ref('excluded.run_ms'), finished_at: eb.ref('excluded.finished_at'),
        })))
        .execute();
    }
  }
}
