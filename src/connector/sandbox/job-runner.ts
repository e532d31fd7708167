import type { Logger } from 'pino';
import { refusal, type GatePlan, type Refusal } from '../../core/sandbox/index.js';
import { budgetLeft } from '../../core/sandbox/differential-privacy.js';
import type { SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { SandboxJobStore } from '../../store/sandbox/sandbox-job-store.js';
import { EngineError } from './sandbox-engine.js';
import type { JobExecution, Outcome } from './job-execution.js';
import type { JobLedger } from './job-ledger.js';
import type { JobGrant, SandboxGrants } from './sandbox-grants.js';
import type { JobScheduler } from './job-scheduler.js';

const MAX_ATTEMPTS = 3;

class BudgetExhausted extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message.en);
  }
}

const engineRefusal = (error: EngineError, timeoutMs: number): Refusal =>
  error.kind === 'timeout'
    ? refusal('sandbox.timeout', { seconds: Math.round(timeoutMs / 1000) })
    : error.kind === 'memory'
      ? refusal('sandbox.memory')
      : refusal('sandbox.execution', { detail: engineDetail(error.message) });

/**
 * What of an engine error the consumer may read: binding and parsing errors name only tables,
 * columns and functions; any other error (conversion, range) may quote a value from the data.
 */
const engineDetail = (message: string): string => (/^(Binder|Parser|Catalog) Error/.test(message) ? message : `${message.split(':')[0] ?? 'Error'} (details withheld: they may quote the data)`);

/**
 * Runs queued jobs one at a time, in the scheduler's fair order across consumers (oldest first
 * without one), from the database: a restart finds what was
 * queued, and what was running goes back to the queue (up to three attempts, then `failed`).
 * A cancel of the running job interrupts the engine.
 */
export class JobRunner {
  private loop?: Promise<void>;
  private again = false;
  private stopped = false;
  private current?: string;
  private readonly cancelled = new Set<string>();

  constructor(
    private readonly jobs: SandboxJobStore,
    private readonly ledger: JobLedger,
    private readonly grants: SandboxGrants,
    private readonly execution: JobExecution,
    private readonly options: { timeoutMs: number; logger?: Logger | undefined; scheduler?: JobScheduler },
  ) {}

  async start(): Promise<void> {
    for (const job of await this.jobs.inState('running', 1000)) {
      await this.ledger.transition(job.id, (j) =>
        j.state !== 'running'
          ? undefined
          : j.attempts >= MAX_ATTEMPTS
            ? { next: { state: 'failed', reason: refusal('sandbox.execution', { detail: 'interrupted by restarts' }), finishedAt: new Date().toISOString() }, event: 'sandbox.job.failed' }
            : { next: { state: 'queued' }, event: 'sandbox.job.requeued', payload: { attempts: j.attempts } },
      );
    }
    this.wake();
  }

  wake = (): void => {
    if (this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.drain()
      .catch((error: unknown) => this.options.logger?.error({ err: error }, 'sandbox runner stopped on an error'))
      .finally(() => {
        this.loop = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  };

  /** Marks the running job for cancellation and interrupts the engine; false when it is not running. */
  cancelRunning(id: string): boolean {
    if (this.current !== id) return false;
    this.cancelled.add(id);
    this.execution.interrupt();
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const next = this.options.scheduler ? await this.options.scheduler.next() : (await this.jobs.inState('queued', 1))[0]?.id;
      if (!next) return;
      await this.runOne(next);
    }
  }

  private async runOne(id: string): Promise<void> {
    const job = await this.ledger.transition(
      id,
      (j) => (j.state === 'queued' ? { next: { state: 'running', attempts: j.attempts + 1 }, event: 'sandbox.job.started' } : undefined),
      async (tx, j) => this.options.scheduler?.served(tx, j.peerDid),
    );
    if (!job) return;
    this.current = job.id;
    let outcome: Outcome;
    try {
      outcome = await this.execute(job);
    } catch (error) {
      if (error instanceof BudgetExhausted) outcome = { state: 'refused', reason: error.refusal };
      else if (error instanceof EngineError) outcome = { state: 'failed', reason: engineRefusal(error, this.options.timeoutMs) };
      else {
        this.options.logger?.error({ err: error, job: job.id }, 'sandbox job failed');
        outcome = { state: 'failed', reason: refusal('sandbox.execution', { detail: 'internal error' }) };
      }
    } finally {
      this.current = undefined;
    }
    const cancelled = this.cancelled.delete(job.id);
    const ended: Outcome = outcome;
    const finishedAt = new Date().toISOString();
    await this.ledger.transition(job.id, (j) => {
      if (j.state !== 'running') return undefined;
      if (cancelled) return { next: { state: 'cancelled', finishedAt }, event: 'sandbox.job.cancelled' };
      if (!('result' in ended)) {
        return { next: { state: ended.state, reason: ended.reason, ...(ended.checks ? { checks: ended.checks } : {}), finishedAt }, event: ended.state === 'refused' ? 'sandbox.job.refused' : 'sandbox.job.failed', payload: { code: ended.reason.code } };
      }
      const released = ended.state === 'succeeded';
      return {
        next: { state: ended.state, result: ended.result, resultSha256: ended.resultSha256, review: ended.review, checks: ended.checks, ...(released ? { finishedAt } : {}) },
        event: released ? 'sandbox.result.released' : 'sandbox.result.held',
        payload: { resultSha256: ended.resultSha256, rows: ended.result.rows.length, columns: ended.result.columns, ...(j.epsilon !== undefined ? { epsilon: j.epsilon } : {}) },
      };
    }, async (tx, next) => {
      // The query-set audit remembers the groups of a result in the transaction that releases or holds it.
      if ('result' in ended && (next.state === 'succeeded' || next.state === 'awaiting_review')) await ended.persist?.(tx);
    });
  }

  private async execute(job: SandboxJob): Promise<Outcome> {
    const grant = await this.grants.forJob(job.id, job.agreementId, job.party ?? { did: job.peerDid, roles: [] });
    if ('refusal' in grant) {
      const [zh, en] = grant.refusal;
      return { state: 'refused', reason: { code: 'sandbox.policy', message: { 'zh-CN': `协议策略不允许本次沙箱使用：${zh}`, en: `The agreement policy does not allow this sandbox use: ${en}` } } };
    }
    if (job.request.kind === 'algorithm') return this.execution.algorithm(job, grant);
    return this.execution.sql(job, grant, (plan) => this.charge(job, grant, plan));
  }

  /** Spends the job's ε from every agreement whose views it reads, all or nothing, once per job. */
  private async charge(job: SandboxJob, grant: JobGrant, plan: GatePlan): Promise<Refusal | undefined> {
    const epsilon = plan.epsilon as number;
    const agreements = [...new Set(plan.views.map((v) => v.agreementId))];
    try {
      await this.ledger.transition(
        job.id,
        (j) => (j.charged ? undefined : { next: { charged: true, epsilon }, event: 'sandbox.budget.charged', payload: { epsilon, agreements } }),
        async (tx) => {
          for (const id of agreements) {
            const rule = grant.rules.get(id)?.differentialPrivacy;
            if (!rule) continue;
            if (!(await this.jobs.charge(tx, id, epsilon, rule.budget, new Date().toISOString()))) {
              const left = budgetLeft(rule, await this.jobs.spent(id, tx));
              throw new BudgetExhausted(refusal('sandbox.budget-exhausted', { needed: epsilon, left }));
            }
          }
        },
      );
    } catch (error) {
      if (error instanceof BudgetExhausted) return error.refusal;
      throw error;
    }
    return undefined;
  }
}
