import { DomainError } from '../../core/errors/index.js';
import type { JobState, SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { Database, Tx } from '../database.js';
import type { SandboxJobTable } from './sandbox-tables.js';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parsed = <T>(v: string | null): T | undefined => (v === null ? undefined : (JSON.parse(v) as T));

function toRow(job: SandboxJob): SandboxJobTable {
  return {
    id: job.id,
    role: job.role,
    agreement_id: job.agreementId,
    peer_did: job.peerDid,
    peer_address: job.peerAddress ?? null,
    peer_party: json(job.party),
    request: JSON.stringify(job.request),
    state: job.state,
    reason: json(job.reason),
    checks: json(job.checks),
    result: json(job.result),
    result_sha256: job.resultSha256 ?? null,
    epsilon: job.epsilon ?? null,
    charged: job.charged ? 1 : 0,
    attempts: job.attempts,
    review: json(job.review),
    version: job.version,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    finished_at: job.finishedAt ?? null,
  };
}

function fromRow(row: SandboxJobTable): SandboxJob {
  const optional = {
    peerAddress: row.peer_address ?? undefined,
    party: parsed<SandboxJob['party']>(row.peer_party),
    reason: parsed<SandboxJob['reason']>(row.reason),
    checks: parsed<SandboxJob['checks']>(row.checks),
    result: parsed<SandboxJob['result']>(row.result),
    resultSha256: row.result_sha256 ?? undefined,
    epsilon: row.epsilon ?? undefined,
    review: parsed<SandboxJob['review']>(row.review),
    finishedAt: row.finished_at ?? undefined,
  };
  return {
    id: row.id,
    role: row.role as SandboxJob['role'],
    agreementId: row.agreement_id,
    peerDid: row.peer_did,
    request: JSON.parse(row.request) as SandboxJob['request'],
    state: row.state as JobState,
    charged: Number(row.charged) === 1,
    attempts: Number(row.attempts),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<SandboxJob>),
  };
}

export interface JobQuery {
  role: SandboxJob['role'];
  agreementId?: string;
  peerDid?: string;
  state?: JobState;
  limit: number;
  offset: number;
}

/**
 * Sandbox jobs on both sides. Updates are optimistic (`version`), so the runner, a cancel and a
 * review cannot overwrite each other; budgets are charged with one conditional statement, so two
 * jobs cannot both spend the last of an agreement's ε.
 */
export class SandboxJobStore {
  constructor(private readonly database: Database) {}

  async insert(tx: Tx, job: SandboxJob): Promise<void> {
    await tx.insertInto('sandbox_job').values(toRow(job)).execute();
  }

  /** Writes `next` if the stored job is still at `next.version - 1`; else `contract.conflict`. */
  async update(tx: Tx, next: SandboxJob): Promise<void> {
    const { id, ...values } = toRow(next);
    const result = await tx.updateTable('sandbox_job').set(values).where('id', '=', id).where('version', '=', next.version - 1).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('contract.conflict', `Sandbox job ${id} changed meanwhile; try again.`);
  }

  async find(id: string, tx?: Tx): Promise<SandboxJob | undefined> {
    const row = await (tx ?? this.database.db).selectFrom('sandbox_job').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(query: JobQuery): Promise<{ items: SandboxJob[]; total: number }> {
    let q = this.database.db.selectFrom('sandbox_job').where('role', '=', query.role);
    if (query.agreementId) q = q.where('agreement_id', '=', query.agreementId);
    if (query.peerDid) q = q.where('peer_did', '=', query.peerDid);
    if (query.state) q = q.where('state', '=', query.state);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: Number(count.n) };
  }

  /** Provider jobs in `state`, oldest first: the runner's queue, and the restart's sweep of `running`. */
  async inState(state: JobState, limit: number): Promise<SandboxJob[]> {
    const rows = await this.database.db.selectFrom('sandbox_job').selectAll().where('role', '=', 'provider').where('state', '=', state).orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(fromRow);
  }

  /** A consumer's provider jobs still waiting or running: the sandbox's fair-share cap counts them. */
  async pendingOf(peerDid: string): Promise<number> {
    const row = await this.database.db
      .selectFrom('sandbox_job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'provider')
      .where('peer_did', '=', peerDid)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async spent(agreementId: string, tx?: Tx): Promise<number> {
    const row = await (tx ?? this.database.db).selectFrom('sandbox_budget').select('spent').where('agreement_id', '=', agreementId).executeTakeFirst();
    return row ? Number(row.spent) : 0;
  }

  /** Adds `epsilon` to the agreement's spending unless that passes `budget`; false when it would. */
  async charge(tx: Tx, agreementId: string, epsilon: number, budget: number, at: string): Promise<boolean> {
    if (epsilon > budget) return false;
    await tx.insertInto('sandbox_budget').values({ agreement_id: agreementId, spent: 0, updated_at: at }).onConflict((oc) => oc.column('agreement_id').doNothing()).execute();
    const result = await tx
      .updateTable('sandbox_budget')
      .set((eb) => ({ spent: eb('spent', '+', epsilon), updated_at: at }))
      .where('agreement_id', '=', agreementId)
      .where((eb) => eb(eb('spent', '+', epsilon), '<=', budget + 1e-9))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
