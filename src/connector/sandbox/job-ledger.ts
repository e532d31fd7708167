import { DomainError } from '../../core/errors/index.js';
import type { SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { Tx, Database } from '../../store/database.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { SandboxJobStore } from '../../store/sandbox/sandbox-job-store.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import { settled } from '../dsp/settled.js';

/** Every sandbox event is a ledger entry about the job, so a result's proof is the job's entries. */
export type JobEvent =
  | 'sandbox.job.submitted'
  | 'sandbox.job.started'
  | 'sandbox.job.requeued'
  | 'sandbox.job.refused'
  | 'sandbox.job.failed'
  | 'sandbox.job.cancelled'
  | 'sandbox.budget.charged'
  | 'sandbox.result.held'
  | 'sandbox.result.released'
  | 'sandbox.result.rejected';

/**
 * Writes a job's state changes: each in one transaction with its ledger entry (DESIGN.md
 * invariant), against the stored version, retried when a cancel or a review raced it.
 */
export class JobLedger {
  constructor(
    private readonly database: Database,
    private readonly jobs: SandboxJobStore,
    private readonly evidence: EvidenceRecorder,
    private readonly identity: ConnectorIdentityService,
    private readonly now: () => Date,
  ) {}

  /** Stores a new job with its ledger entry; `inside` stores what belongs to it and checks what must hold, in the same transaction (a throw there writes nothing). */
  async insert(job: SandboxJob, payload: Record<string, unknown>, inside?: (tx: Tx) => Promise<void>): Promise<void> {
    const actor = (await this.identity.identity()).did;
    await this.database.transaction(async (tx) => {
      await this.jobs.insert(tx, job);
      await inside?.(tx);
      await this.evidence.record(tx, { type: 'sandbox.job.submitted', subject: job.id, actor, payload: { agreement: job.agreementId, consumer: job.role === 'provider' ? job.peerDid : actor, ...payload } });
      // Refused at submission (an entity gate refusal): the refusal is on the ledger with it.
      if (job.state === 'refused') await this.evidence.record(tx, { type: 'sandbox.job.refused', subject: job.id, actor, payload: { agreement: job.agreementId, state: 'refused', code: job.reason?.code ?? null } });
    });
  }

  /**
   * Applies `change` to the job as stored now; `change` returns the next job and its event, or
   * undefined to leave it (the job moved on meanwhile). `inside` runs in the same transaction.
   */
  async transition(
    id: string,
    change: (job: SandboxJob) => { next: Partial<SandboxJob>; event: JobEvent; payload?: Record<string, unknown> } | undefined,
    inside?: (tx: Tx, job: SandboxJob) => Promise<void>,
  ): Promise<SandboxJob | undefined> {
    const actor = (await this.identity.identity()).did;
    return settled(() =>
      this.database.transaction(async (tx) => {
        const job = await this.jobs.find(id, tx);
        if (!job) throw new DomainError('sandbox.job-not-found', `No sandbox job ${id}.`);
        const step = change(job);
        if (!step) return undefined;
        const at = this.now().toISOString();
        const next: SandboxJob = { ...job, ...step.next, version: job.version + 1, updatedAt: at };
        await inside?.(tx, next);
        await this.jobs.update(tx, next);
        await this.evidence.record(tx, { type: step.event, subject: id, actor, payload: { agreement: job.agreementId, state: next.state, ...step.payload } });
        return next;
      }),
    );
  }
}
