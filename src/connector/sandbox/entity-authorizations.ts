import type { AgreementRecord } from '../../core/contracts/contract-records.js';
import { authorizationDigest, type EntityAuthorization } from '../../core/sandbox/entity-authorization.js';
import { judgeEntities } from '../../core/sandbox/entity-gate.js';
import type { Refusal } from '../../core/sandbox/gate-refusal.js';
import type { JobRequest } from '../../core/sandbox/sandbox-job.js';
import type { Tx } from '../../store/database.js';
import type { EntityAuthorizationStore } from '../../store/sandbox/entity-authorization-store.js';
import type { SandboxAlgorithmStore } from '../../store/sandbox/sandbox-algorithm-store.js';

/** The entity gate's verdict on a submitted job: what to store and put on the ledger, or why it is refused. */
export type EntityVerdict = { records: Array<{ record: EntityAuthorization; sha256: string }> } | { refusal: Refusal };

/**
 * Per-entity algorithms at submission (ADR 0012): each entity the job asks about needs an
 * authorization for this consumer and the agreement's purpose, valid now, with a signature that
 * verifies or a document digest. Decided on the request alone, before anything runs.
 */
export class EntityAuthorizations {
  constructor(
    private readonly deps: { algorithms: SandboxAlgorithmStore; store: EntityAuthorizationStore; now: () => Date },
  ) {}

  async judge(request: JobRequest, authorizations: readonly EntityAuthorization[], agreement: AgreementRecord, consumer: string): Promise<EntityVerdict> {
    if (request.kind !== 'algorithm') return { records: [] };
    const found = await this.deps.algorithms.find(request.algorithm, request.version);
    if (!found?.definition.entities) return { records: [] };
    const judged = judgeEntities(found.definition, request.parameters, authorizations, { consumer, ...(agreement.purpose ? { purpose: agreement.purpose } : {}), at: this.deps.now() });
    if ('refusal' in judged) return judged;
    return { records: judged.used.map((record) => ({ record, sha256: authorizationDigest(record) })) };
  }

  /** The ledger's part of the submission: the records' digests, never the records. */
  static evidence(verdict: EntityVerdict): Record<string, unknown> {
    if ('refusal' in verdict) return { refused: verdict.refusal.code };
    return verdict.records.length ? { authorizationSha256: verdict.records.map((r) => r.sha256) } : {};
  }

  async store(tx: Tx, jobId: string, verdict: EntityVerdict, at: string): Promise<void> {
    if ('records' in verdict) await this.deps.store.insert(tx, jobId, verdict.records, at);
  }

  /** The entities a job may get rows about: those whose authorization was stored with it. */
  async authorized(jobId: string): Promise<Set<string>> {
    return new Set((await this.deps.store.forJob(jobId)).map((s) => s.record.entityId.toUpperCase()));
  }
}
