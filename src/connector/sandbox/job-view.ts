import type { SandboxJob } from '../../core/sandbox/sandbox-job.js';
import type { Static } from 'typebox';
import type { EvidenceReceipt } from '../../store/contracts/evidence-receipt-store.js';
import type { JobView } from './sandbox-schemas.js';

export type JobViewBody = Static<typeof JobView>;

/**
 * A job as the API shows it. The consumer sees a result only once released (`succeeded`), with
 * its proof: the result's SHA-256 and the job's ledger entries. The provider also sees the held
 * result and the de-identification report while it reviews.
 */
export function jobView(job: SandboxJob, options: { audience: 'consumer' | 'provider'; evidence?: EvidenceReceipt[]; queuePosition?: number | undefined }): JobViewBody {
  const released = job.state === 'succeeded';
  const showResult = job.result && (released || options.audience === 'provider');
  const r = job.request;
  return {
    id: job.id,
    state: job.state,
    agreementId: job.agreementId,
    kind: r.kind,
    ...(r.kind === 'sql' ? { sql: r.sql } : { algorithm: r.algorithm, ...(r.version ? { version: r.version } : {}), parameters: r.parameters }),
    ...(job.reason ? { reason: job.reason } : {}),
    ...(job.state === 'queued' && options.queuePosition !== undefined ? { queuePosition: options.queuePosition } : {}),
    ...(job.checks ? { checks: job.checks } : {}),
    ...(job.epsilon !== undefined ? { epsilon: job.epsilon } : {}),
    ...(showResult ? { result: job.result } : {}),
    ...(released && job.resultSha256
      ? { proof: { jobId: job.id, agreementId: job.agreementId, resultSha256: job.resultSha256, evidence: (options.evidence ?? []).map((e) => ({ type: e.type, at: e.at, leafHash: e.leafHash, ledgerIndex: e.ledgerIndex })) } }
      : {}),
    ...(options.audience === 'provider' && job.review ? { review: job.review as Record<string, unknown> } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  };
}

