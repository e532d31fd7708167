import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json/canonical-json.js';
import type { VerifiedParty } from '../../core/contracts/policy-subject.js';
import { DomainError } from '../../core/errors/index.js';
import { budgetLeft } from '../../core/sandbox/differential-privacy.js';
import type { JobRequest, SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { EvidenceReceiptStore } from '../../store/contracts/evidence-receipt-store.js';
import type { SandboxAlgorithmStore } from '../../store/sandbox/sandbox-algorithm-store.js';
import type { SandboxJobStore } from '../../store/sandbox/sandbox-job-store.js';
import type { JobLedger } from './job-ledger.js';
import type { JobRunner } from './job-runner.js';
import { jobView } from './job-view.js';
import type { SandboxGrants } from './sandbox-grants.js';
import type { SubmitJob } from './sandbox-schemas.js';
import { EntityAuthorizations } from './entity-authorizations.js';
import type { JobScheduler } from './job-scheduler.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const requestOf = (body: SubmitJob): JobRequest =>
  'sql' in body
    ? { kind: 'sql', sql: body.sql, ...(body.privacy ? { privacy: { epsilon: body.privacy.epsilon, ...(body.privacy.bounds ? { bounds: body.privacy.bounds as Record<string, [number, number]> } : {}) } } : {}) }
    : { kind: 'algorithm', algorithm: body.algorithm, ...(body.version ? { version: body.version } : {}), parameters: body.parameters };

/**
 * The provider's side of sandbox jobs: consumers submit, follow and cancel theirs (authenticated
 * by identity token, and only under their own agreements); the provider's staff list jobs and
 * review held results. Someone else's job or agreement is "not found", never "forbidden".
 */
export class JobService {
  constructor(
    private readonly deps: {
      jobs: SandboxJobStore;
      ledger: JobLedger;
      runner: JobRunner;
      grants: SandboxGrants;
      agreements: AgreementStore;
      algorithms: SandboxAlgorithmStore;
      receipts: EvidenceReceiptStore;
      entities: EntityAuthorizations;
      scheduler: JobScheduler;
      /** Jobs one consumer may have queued or running here (default 20). */
      maxJobsPerConsumer: number;
      now: () => Date;
    },
  ) {}

  private async ownAgreement(agreementId: string, party: VerifiedParty) {
    const agreement = await this.deps.agreements.find(agreementId);
    if (!agreement || agreement.role !== 'provider' || agreement.consumerDid !== party.did) throw new DomainError('sandbox.job-not-found', `No agreement ${agreementId} with you here.`);
    return agreement;
  }

  async submit(body: SubmitJob, party: VerifiedParty) {
    const agreement = await this.ownAgreement(body.agreementId, party);
    const permission = await this.deps.grants.permission(agreement, party, agreement.uses);
    if (!permission.ok) throw new DomainError('sandbox.not-permitted', permission.reasons.join(' / '));
    // One engine runs jobs one at a time: a consumer may keep only so many waiting.
    const max = this.deps.maxJobsPerConsumer;
    if ((await this.deps.jobs.pendingOf(party.did)) >= max) throw new DomainError('sandbox.too-many-jobs', `At most ${max} of your jobs may wait or run at once; wait for some to finish.`);
    const request = requestOf(body);
    if (request.kind === 'algorithm' && !(await this.deps.algorithms.find(request.algorithm, request.version))) {
      throw new DomainError('sandbox.algorithm-not-found', `No registered algorithm ${request.algorithm}${request.version ? ` version ${request.version}` : ''}.`);
    }
    const at = this.deps.now().toISOString();
    // Per-entity algorithms: refused here, before anything runs, unless every entity authorized it (ADR 0012).
    const entities = await this.deps.entities.judge(request, 'authorizations' in body ? (body.authorizations ?? []) : [], agreement, party.did);
    const refused = 'refusal' in entities ? { state: 'refused' as const, reason: entities.refusal, finishedAt: at } : { state: 'queued' as const };
    const job: SandboxJob = { id: randomUUID(), role: 'provider', agreementId: agreement.id, peerDid: party.did, party, request, ...refused, charged: false, attempts: 0, version: 1, createdAt: at, updatedAt: at };
    // The ledger is read by others: it holds digests of the query, parameters and authorizations, never their text.
    await this.deps.ledger.insert(
      job,
      {
        ...(request.kind === 'sql'
          ? { kind: 'sql', sqlSha256: sha256(request.sql) }
          : { kind: 'algorithm', algorithm: request.algorithm, version: request.version ?? null, parametersSha256: sha256(canonicalJson(request.parameters)) }),
        ...EntityAuthorizations.evidence(entities),
      },
      async (tx) => {
        await this.deps.entities.store(tx, job.id, entities, at);
        if (job.state !== 'queued') return;
        // Each job admitted is one use of the agreement (已使用次数), counted with the job and
        // checked against the policy's count in the same transaction, as the data plane does.
        const uses = await this.deps.agreements.countUse(tx, agreement.id, undefined);
        const counted = await this.deps.grants.permission(agreement, party, Math.max(0, (uses ?? agreement.uses + 1) - 1), tx);
        if (!counted.ok) throw new DomainError('sandbox.not-permitted', counted.reasons.join(' / '));
      },
    );
    if (job.state === 'queued') this.deps.runner.wake();
    return jobView(job, { audience: 'consumer', queuePosition: (await this.deps.scheduler.positions()).get(job.id) });
  }

  private async ownJob(id: string, party?: VerifiedParty): Promise<SandboxJob> {
    const job = await this.deps.jobs.find(id);
    if (!job || job.role !== 'provider' || (party && job.peerDid !== party.did)) throw new DomainError('sandbox.job-not-found', `No sandbox job ${id}.`);
    return job;
  }

  async read(id: string, audience: { party: VerifiedParty } | 'provider') {
    const job = await this.ownJob(id, audience === 'provider' ? undefined : audience.party);
    const evidence = job.state === 'succeeded' ? await this.deps.receipts.forSubject(job.id) : [];
    const queuePosition = job.state === 'queued' ? (await this.deps.scheduler.positions()).get(job.id) : undefined;
    return jobView(job, { audience: audience === 'provider' ? 'provider' : 'consumer', evidence, queuePosition });
  }

  async list(query: { agreementId?: string; state?: SandboxJob['state']; limit: number; offset: number }) {
    const page = await this.deps.jobs.list({ role: 'provider', ...query });
    const positions = page.items.some((j) => j.state === 'queued') ? await this.deps.scheduler.positions() : new Map<string, number>();
    return { items: page.items.map((j) => jobView(j, { audience: 'provider', queuePosition: positions.get(j.id) })), total: page.total };
  }

  async cancel(id: string, who: { party: VerifiedParty } | 'provider') {
    const job = await this.ownJob(id, who === 'provider' ? undefined : who.party);
    if (job.state === 'running' && this.deps.runner.cancelRunning(id)) return jobView(job, { audience: who === 'provider' ? 'provider' : 'consumer' });
    const next = await this.deps.ledger.transition(id, (j) =>
      j.state === 'queued' || j.state === 'awaiting_review' ? { next: { state: 'cancelled', finishedAt: this.deps.now().toISOString() }, event: 'sandbox.job.cancelled' } : undefined,
    );
    if (!next) throw new DomainError('sandbox.job-state', `The job is ${job.state}; only queued, running or held jobs can be cancelled.`);
    return jobView(next, { audience: who === 'provider' ? 'provider' : 'consumer' });
  }

  /** The provider's review of a held result (人工审核): release it to the consumer, or reject it. */
  async review(id: string, decision: { decision: 'release' | 'reject'; reason?: string }, by: string) {
    await this.ownJob(id);
    const at = this.deps.now().toISOString();
    const next = await this.deps.ledger.transition(id, (j) => {
      if (j.state !== 'awaiting_review') return undefined;
      const outcome = decision.decision === 'release' ? ('released' as const) : ('rejected' as const);
      const review = { ...j.review, decision: { outcome, by, at, ...(decision.reason ? { reason: decision.reason } : {}) } };
      if (outcome === 'released') return { next: { state: 'succeeded', review, finishedAt: at }, event: 'sandbox.result.released', payload: { resultSha256: j.resultSha256, reviewedBy: by } };
      const reason = { code: 'sandbox.policy' as const, message: { 'zh-CN': `提供方审核未通过：${decision.reason ?? '未说明理由'}`, en: `The provider's review rejected the result: ${decision.reason ?? 'no reason given'}` } };
      const { result: _result, ...rest } = j;
      return { next: { ...rest, result: undefined, state: 'refused', reason, review, finishedAt: at }, event: 'sandbox.result.rejected', payload: { reviewedBy: by, reason: decision.reason ?? null } };
    });
    if (!next) throw new DomainError('sandbox.job-state', 'Only a job awaiting review can be reviewed.');
    return jobView(next, { audience: 'provider' });
  }

  /** What a consumer may query under an agreement: views, columns, rules, budget, algorithms. */
  async schema(agreementId: string, party: VerifiedParty) {
    const agreement = await this.ownAgreement(agreementId, party);
    const grant = await this.deps.grants.forJob(`schema-${agreement.id}`, agreement.id, party);
    if ('refusal' in grant) throw new DomainError('sandbox.not-permitted', grant.refusal.join(' / '));
    const rules = grant.grant.rules;
    const dp = rules.differentialPrivacy;
    const spent = dp ? await this.deps.jobs.spent(agreement.id) : 0;
    const algorithms = (await this.deps.algorithms.list()).filter((a) => a.status === 'approved');
    return {
      agreementId: agreement.id,
      views: grant.grant.views.map((v) => ({ name: v.name, columns: v.columns })),
      rules: {
        aggregateOnly: rules.aggregateOnly,
        k: rules.k,
        review: rules.review,
        maxRows: rules.maxRows,
        ...(dp ? { differentialPrivacy: { mechanism: dp.mechanism, budget: dp.budget, spent, left: budgetLeft(dp, spent) } } : {}),
      },
      algorithms: algorithms.map((a) => {
        const { sql: _sql, ...definition } = a.definition;
        return { ...definition, status: a.status };
      }),
    };
  }
}
