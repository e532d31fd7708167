import { createHash } from 'node:crypto';
import { DomainError } from '../../core/errors/index.js';
import type { EvidenceRecorder } from '../../store/evidence/evidence-recorder.js';
import type { ConnectorIdentityService } from '../identity/connector-identity-service.js';
import type { JobState, SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { Database } from '../../store/database.js';
import type { AgreementStore } from '../../store/contracts/agreement-store.js';
import type { NegotiationStore } from '../../store/contracts/negotiation-store.js';
import type { SandboxJobStore } from '../../store/sandbox/sandbox-job-store.js';
import { PeerUnreachableError, type DspClient, type PeerAnswer } from '../dsp/dsp-client.js';
import { dspBasePath } from '../catalog/dsp-catalog-routes.js';
import type { JobViewBody } from './job-view.js';
import type { Static } from 'typebox';
import type { SchemaView, SubmitJob } from './sandbox-schemas.js';

/** The provider's answer as our error: its 4xx codes carry over, anything else is the peer failing. */
function peerError(answer: PeerAnswer): DomainError {
  const body = (answer.body ?? {}) as { code?: string; detail?: string };
  const detail = body.detail ?? `The provider answered ${answer.status}`;
  if (answer.status === 404) return new DomainError('sandbox.job-not-found', detail);
  if (answer.status === 403) return new DomainError('sandbox.not-permitted', detail);
  if (answer.status === 409) return new DomainError('sandbox.job-state', detail);
  if (answer.status === 400) return new DomainError('request.invalid', detail);
  if (answer.status === 429) return new DomainError('sandbox.too-many-jobs', detail);
  return new DomainError('dsp.peer-failed', detail);
}

async function answered(call: Promise<PeerAnswer>): Promise<PeerAnswer> {
  try {
    const answer = await call;
    if (answer.status >= 300) throw peerError(answer);
    return answer;
  } catch (error) {
    if (error instanceof PeerUnreachableError) throw new DomainError('dsp.peer-failed', error.message);
    throw error;
  }
}

/**
 * The consumer's side: jobs are submitted through our own connector, which forwards them to the
 * provider's sandbox with our identity token and keeps a mirror of each, refreshed on every read,
 * so the console lists our jobs even while the provider is away.
 */
export class ConsumerJobs {
  constructor(
    private readonly deps: {
      database: Database;
      evidence: EvidenceRecorder;
      identity: ConnectorIdentityService;
      jobs: SandboxJobStore;
      agreements: AgreementStore;
      negotiations: NegotiationStore;
      client: DspClient;
      now: () => Date;
    },
  ) {}

  /** The provider's sandbox base (beside its DSP base) and DID for one of our agreements. */
  private async provider(agreementId: string): Promise<{ base: string; did: string }> {
    const agreement = await this.deps.agreements.find(agreementId);
    if (!agreement || agreement.role !== 'consumer') throw new DomainError('sandbox.job-not-found', `No agreement ${agreementId} of ours.`);
    const negotiation = await this.deps.negotiations.find(agreement.negotiationId);
    if (!negotiation) throw new DomainError('sandbox.job-not-found', `The negotiation of agreement ${agreementId} is gone.`);
    const dsp = negotiation.peerAddress.replace(/\/+$/, '');
    const origin = dsp.endsWith(dspBasePath) ? dsp.slice(0, -dspBasePath.length) : new URL(dsp).origin;
    return { base: `${origin}/sandbox`, did: agreement.providerDid };
  }

  private mirror(view: JobViewBody, previous: SandboxJob | undefined, base: string, did: string): SandboxJob {
    const at = this.deps.now().toISOString();
    return {
      id: view.id,
      role: 'consumer',
      agreementId: view.agreementId,
      peerDid: did,
      peerAddress: base,
      request: view.kind === 'sql' ? { kind: 'sql', sql: view.sql ?? '' } : { kind: 'algorithm', algorithm: view.algorithm ?? '', parameters: (view.parameters ?? {}) as Record<string, string> },
      state: view.state as JobState,
      ...(view.reason ? { reason: view.reason as SandboxJob['reason'] } : {}),
      ...(view.checks ? { checks: view.checks } : {}),
      ...(view.result ? { result: view.result } : {}),
      ...(view.proof ? { resultSha256: view.proof.resultSha256 } : {}),
      ...(view.epsilon !== undefined ? { epsilon: view.epsilon } : {}),
      charged: false,
      attempts: 0,
      version: (previous?.version ?? 0) + 1,
      createdAt: previous?.createdAt ?? view.createdAt,
      updatedAt: at,
      ...(view.finishedAt ? { finishedAt: view.finishedAt } : {}),
    };
  }

  async submit(body: SubmitJob): Promise<JobViewBody> {
    const { base, did } = await this.provider(body.agreementId);
    const answer = await answered(this.deps.client.post(`${base}/jobs`, did, body));
    const view = answer.body as JobViewBody;
    const actor = (await this.deps.identity.identity()).did;
    // Our side of the submission is on the ledger too (digests only), with the job it created.
    await this.deps.database.transaction(async (tx) => {
      await this.deps.jobs.insert(tx, this.mirror(view, undefined, base, did));
      // The provider counted this job as a use of the agreement; our copy of it counts it too.
      await this.deps.agreements.countUse(tx, body.agreementId, undefined);
      await this.deps.evidence.record(tx, {
        type: 'sandbox.job.requested',
        subject: view.id,
        actor,
        payload: { agreement: body.agreementId, provider: did, ...('sql' in body ? { sqlSha256: createHash('sha256').update(body.sql).digest('hex') } : { algorithm: body.algorithm }) },
      });
    });
    return view;
  }

  async read(id: string): Promise<JobViewBody> {
    const mine = await this.deps.jobs.find(id);
    if (!mine || mine.role !== 'consumer') throw new DomainError('sandbox.job-not-found', `No sandbox job ${id} of ours.`);
    const answer = await answered(this.deps.client.get(`${mine.peerAddress}/jobs/${encodeURIComponent(id)}`, mine.peerDid));
    const view = answer.body as JobViewBody;
    await this.deps.database.transaction(async (tx) => {
      const current = await this.deps.jobs.find(id, tx);
      if (current) await this.deps.jobs.update(tx, this.mirror(view, current, mine.peerAddress as string, mine.peerDid));
    });
    return view;
  }

  async cancel(id: string): Promise<JobViewBody> {
    const mine = await this.deps.jobs.find(id);
    if (!mine || mine.role !== 'consumer') throw new DomainError('sandbox.job-not-found', `No sandbox job ${id} of ours.`);
    const answer = await answered(this.deps.client.post(`${mine.peerAddress}/jobs/${encodeURIComponent(id)}/cancel`, mine.peerDid, {}));
    return answer.body as JobViewBody;
  }

  async list(query: { agreementId?: string; state?: JobState; limit: number; offset: number }) {
    return this.deps.jobs.list({ role: 'consumer', ...query });
  }

  async schema(agreementId: string): Promise<Static<typeof SchemaView>> {
    const { base, did } = await this.provider(agreementId);
    return (await answered(this.deps.client.get(`${base}/agreements/${encodeURIComponent(agreementId)}/schema`, did))).body as Static<typeof SchemaView>;
  }
}
